// The headline of a whole-page dump, by a chain of rules, most specific first. The first line is
// usually the page's <title> ("Headline - Site") and the headline recurs above the article: the
// longest leading part of the first line that recurs as a line of its own is the headline. When it
// does not recur (the page re-titled, or a dump saved without its <title>), the headline-shaped line
// printed just above the byline or dateline, else just above the first paragraph; failing that,
// the first line itself, placed by the line worded most like it.
import { isUnspaced, wordsOf } from "./language.ts";
import { boilerplateKind } from "./lines.ts";
import { isDatelineOrByline, isHeadMeta } from "./meta.ts";
import { SETTINGS } from "./settings.ts";

export interface Headline {
  title: string;
  /** 0-based line of the headline above the article; null when no line is known to be it. */
  line: number | null;
  /**
   * Whether `line` is surely the headline above the article: the title repeated exactly, or printed
   * above the byline or first paragraph (else it is only worded like the title, and may be a teaser).
   */
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
 * Whether line `i` could be a headline printed on the page: 4 to 25 words (6 to 60 characters when
 * written without spaces), ending in a word, a quote, "?" or "!" (a final period only when worded
 * like the <title>: Barron's "… Why You Shouldn't Worry."), not in brackets (a photo credit), not a
 * URL, page chrome, a byline or a dateline, and not one of a run of short menu lines around it.
 */
function headlineShaped(lines: readonly string[], i: number, title: ReadonlySet<string>): boolean {
  const text = lines[i] ?? "";
  if (!/^[\p{L}\p{N}"'‘“«¿¡]/u.test(text) || !/[\p{L}\p{N}"'”’»?!).…。？！]$/u.test(text) || /:\/\/|^www\./iu.test(text)) return false;
  if (/(?<!\.)\.["'”’»]?$/u.test(text) && !similar(title, tokens(text))) return false;
  if (headlineSize(text) !== "fits" || boilerplateKind(text) !== null || isHeadMeta(text)) return false;
  return !(isMenuItem(lines[i - 1]) && isMenuItem(lines[i + 1]));
}

/** Whether a line has a headline's length: in words, or in characters when written without spaces. */
function headlineSize(text: string): "short" | "fits" | "long" {
  const unspaced = isUnspaced(text);
  const size = unspaced ? [...text].length : wordsOf(text).length;
  if (size < (unspaced ? SETTINGS.minUnspacedHeadline : SETTINGS.minHeadlineWords)) return "short";
  return size > (unspaced ? SETTINGS.maxUnspacedHeadline : SETTINGS.maxHeadlineWords) ? "long" : "fits";
}

/** A short line that is no byline or dateline: an item of a menu when others are next to it. */
function isMenuItem(text: string | undefined): boolean {
  return text !== undefined && text !== "" && headlineSize(text) === "short" && !isHeadMeta(text);
}

/**
 * The headline printed above the article. Above the dateline or byline nearest above the first
 * prose paragraph, past any other byline lines and a few others (a caption, a dek that ends in a
 * period), comes a group of headline-shaped lines (the headline, perhaps a dek: The Real Deal):
 * the one worded like the <title>, else the topmost, since the headline heads the article. Without
 * a dateline or byline, the same just above the first paragraph. Null when neither is there.
 */
function printedHeadline(lines: readonly string[], firstProse: number, title: ReadonlySet<string>): { line: number; how: string } | null {
  const pick = (from: number, allowed: number): number | null => {
    const shaped: number[] = [];
    let passed = 0;
    let j = from - 1;
    while (j >= 0 && (lines[j] === "" || isHeadMeta(lines[j] ?? ""))) j--;
    for (; j >= 0 && passed <= allowed; j--) {
      const text = lines[j] ?? "";
      if (text === "") continue;
      if (isHeadMeta(text)) break;
      if (headlineShaped(lines, j, title)) shaped.push(j);
      else if (shaped.length > 0) break;
      else passed++;
    }
    return shaped.find((k) => similar(title, tokens(lines[k] ?? ""))) ?? shaped[shaped.length - 1] ?? null;
  };
  for (let i = firstProse - 1; i >= Math.max(0, firstProse - SETTINGS.headWindow); i--) {
    if (!isDatelineOrByline(lines[i] ?? "")) continue;
    const line = pick(i, SETTINGS.linesAboveHeadMeta);
    if (line !== null) return { line, how: `headline-shaped line ${line + 1}, above the dateline or byline on line ${i + 1}` };
    break;
  }
  const line = pick(firstProse, SETTINGS.linesAboveProse);
  return line === null ? null : { line, how: `headline-shaped line ${line + 1}, above the first paragraph on line ${firstProse + 1}` };
}

/**
 * Finds the headline in the page lines. `proseAfter(i)` says how much article text follows line
 * `i`, so that of several recurrences (breadcrumb, article, related list) the article one wins;
 * `prose` are the lines of the first prose paragraphs, where a printed headline is looked for above
 * each in turn (the first may be chrome that reads as prose: Barron's "This copy is for your
 * personal, non-commercial use only…").
 */
export function findHeadline(lines: readonly string[], proseAfter: (index: number) => number, prose: readonly number[]): Headline | null {
  // A dump saved without its <title> starts with chrome ("Skip to main content"), which is no title.
  const firstIndex = lines.findIndex((l) => /\p{L}/u.test(l) && boilerplateKind(l) === null);
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
    // A dump without its <title> starts with a menu, whose items recur in the footer menu.
    const at = index.get(normal(part))?.filter((i) => !(isMenuItem(lines[i]) && isMenuItem(lines[i - 1]) && isMenuItem(lines[i + 1])));
    if (at === undefined || at.length === 0) continue;
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
  let printed: { line: number; how: string } | null = null;
  for (const at of prose) {
    printed = printedHeadline(lines, at, tokens(title));
    if (printed !== null) break;
  }
  // The first line is printed above the byline only in a dump saved from the headline down; one that
  // names the site ("Headline - Site") is a <title> (no recurrence, so not on the page).
  if (printed?.line === firstIndex && title !== head) printed = null;
  if (printed !== null) {
    if (printed.line === firstIndex) return { title, line: printed.line, exact: true, how: printed.how };
    const text = lines[printed.line] ?? "";
    const wording = similar(tokens(title), tokens(text)) ? ", worded like the first line" : "; the first line does not recur";
    return { title: text, line: printed.line, exact: true, how: `${printed.how}${wording}` };
  }
  if (title.length < SETTINGS.minHeadline || title.length > SETTINGS.maxHeadline) return null;
  const alike = mostSimilarLine(lines, firstIndex, title, proseAfter);
  const how = title === head ? "first line" : "first line without site name";
  return alike === null
    ? { title, line: null, exact: false, how }
    : { title, line: alike, exact: false, how: `${how}; worded alike on line ${alike + 1}` };
}

const tokens = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Whether two texts are worded alike: enough words in common, and most of the shorter one's. */
function similar(want: ReadonlySet<string>, got: ReadonlySet<string>): boolean {
  let common = 0;
  for (const t of got) if (want.has(t)) common++;
  return common >= SETTINGS.minSimilarWords && common / Math.min(want.size, got.size) >= SETTINGS.minSimilarShare;
}

/**
 * The line most like the title in words, for pages whose on-page headline is worded differently
 * from their <title> and sits where no byline or paragraph tells it apart (CBS News, CNBC).
 */
function mostSimilarLine(lines: readonly string[], firstIndex: number, title: string, proseAfter: (index: number) => number): number | null {
  const want = tokens(title);
  let best: number | null = null;
  for (let i = firstIndex + 1; i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (text.length < SETTINGS.minHeadline || text.length > SETTINGS.maxHeadline) continue;
    if (similar(want, tokens(text)) && (best === null || proseAfter(i) > proseAfter(best))) best = i;
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
