// The headline of a whole-page dump. The first line is the page's <title> ("Headline - Site");
// the headline itself is printed again above the article, so the longest leading part of the first
// line that recurs as a line of its own is the headline, and that recurrence is where the article is.
import { SETTINGS } from "./settings.ts";

export interface Headline {
  title: string;
  /** 0-based line of the headline above the article; null when the title did not recur. */
  line: number | null;
  /** Whether `line` repeats the title exactly (else it is only worded alike, and may be a teaser). */
  exact: boolean;
  /** How it was found, for provenance. */
  how: string;
}

/**
 * Separators between a headline and the site name in <title>s: " - BBC News", " | Reuters",
 * " – TechCrunch", " : CityAM", " — Mensagens de Reflexão", " · ", " » ".
 */
const TITLE_SEPARATORS = / (?:[-|–—:·»]|::) /gu;

/** A site-name part: a domain ("Express.co.uk", "cleveland.com") or at most five words ("The Anti-June Cleaver"). */
const SITE_NAME = /^(?:\S+\.[a-z]{2,}(?:\.[a-z]{2})?|(?:\S+ ){0,4}\S+)$/iu;

/** Leading parts of the first line, longest first: "A - B | C" gives "A - B | C", "A - B", "A". */
function leadingParts(first: string): string[] {
  const parts = [first];
  for (const m of first.matchAll(TITLE_SEPARATORS)) parts.push(first.slice(0, m.index));
  return [...new Set(parts.map((p) => p.trim()))].sort((a, b) => b.length - a.length);
}

/** Some scrapers cut the <title> short mid-character ("…ве�"); the cut is dropped before matching. */
function uncut(text: string): string {
  return text.replace(/[\uFFFD…]+$/u, "").trim();
}

const normal = (text: string): string => text.toLowerCase().replace(/\s+/gu, " ");

/**
 * Finds the headline in the page lines. `proseAfter(i)` says how much article text follows line
 * `i`, so that of several recurrences (breadcrumb, article, related list) the article one wins.
 */
export function findHeadline(lines: readonly string[], proseAfter: (index: number) => number): Headline | null {
  const firstIndex = lines.findIndex((l) => /\p{L}/u.test(l));
  const first = lines[firstIndex];
  if (first === undefined) return null;
  const head = uncut(first.slice(0, SETTINGS.maxHeadline * 2));
  const index = new Map<string, number[]>();
  for (let i = firstIndex + 1; i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (text.length < SETTINGS.minHeadline || text.length > SETTINGS.maxHeadline * 2) continue;
    const key = normal(text);
    const at = index.get(key);
    if (at === undefined) index.set(key, [i]);
    else at.push(i);
  }
  for (const part of leadingParts(head)) {
    if (part.length < SETTINGS.minHeadline) continue;
    const at = index.get(normal(part));
    if (at === undefined) continue;
    const line = at.reduce((best, i) => (proseAfter(i) > proseAfter(best) ? i : best));
    const how = `${part === head ? "first line" : "first line without site name"}, repeated on line ${line + 1}`;
    return { title: lines[line] ?? part, line, exact: true, how };
  }
  // A cut-short <title> recurs in full: the later line that starts with it.
  if (head.length >= SETTINGS.minHeadline * 2) {
    const key = normal(head);
    for (let i = firstIndex + 1; i < lines.length; i++) {
      const text = lines[i] ?? "";
      if (text.length <= SETTINGS.maxHeadline && normal(text).startsWith(key)) {
        return { title: text, line: i, exact: true, how: `first line cut short, completed by line ${i + 1}` };
      }
    }
  }
  const title = withoutSiteName(head);
  if (title.length < SETTINGS.minHeadline || title.length > SETTINGS.maxHeadline) return null;
  const similar = mostSimilarLine(lines, firstIndex, title, proseAfter);
  const how = title === head ? "first line" : "first line without site name";
  return similar === null
    ? { title, line: null, exact: false, how }
    : { title, line: similar, exact: false, how: `${how}; worded alike on line ${similar + 1}` };
}

const tokens = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * The line most like the title in words, for pages whose on-page headline is worded differently
 * from their <title> (CBS News, CNBC, USA Today): most of the shorter one's words in the other.
 */
function mostSimilarLine(lines: readonly string[], firstIndex: number, title: string, proseAfter: (index: number) => number): number | null {
  const want = tokens(title);
  let best: number | null = null;
  for (let i = firstIndex + 1; i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (text.length < SETTINGS.minHeadline || text.length > SETTINGS.maxHeadline) continue;
    const got = tokens(text);
    let common = 0;
    for (const t of got) if (want.has(t)) common++;
    const similar = common >= SETTINGS.minSimilarWords && common / Math.min(want.size, got.size) >= SETTINGS.minSimilarShare;
    if (similar && (best === null || proseAfter(i) > proseAfter(best))) best = i;
  }
  return best;
}

/** The first line without the site-name parts that follow the headline ("Headline | Section | Site"). */
function withoutSiteName(head: string): string {
  const cuts = [...head.matchAll(TITLE_SEPARATORS)].map((m) => m.index);
  for (const cut of cuts) {
    const title = head.slice(0, cut).trim();
    const rest = head.slice(cut).split(TITLE_SEPARATORS).map((s) => s.trim()).filter((s) => s !== "");
    if (title.length >= SETTINGS.minHeadline && rest.every((segment) => SITE_NAME.test(segment))) return title;
  }
  return head;
}
