// The headline of a whole-page dump. Every headline-sized line is scored by a small learned line
// scorer (`headline-model.ts`): whether it repeats the page's <title> (a page-text dump's first
// line, "Headline - Site"), where it sits against the byline, dateline and first paragraph, its
// shape, the menus around it, and how much it shares with the <title> and the body's first words.
// The best line is the headline; a first line that names its site is read without the site name.
import type { Body } from "./body.ts";
import { bestLine, normalLine, tokensOf, type PageView } from "./headline-model.ts";
import { boilerplateKind, type Line } from "./lines.ts";
import { isDatelineOrByline, isHeadMeta } from "./meta.ts";
import { SETTINGS } from "./settings.ts";

export interface Headline {
  title: string;
  /** 0-based line of the headline above the article; null when no line is known to be it. */
  line: number | null;
  /** Whether `line` is printed on the page above the article (not only the <title> of the dump). */
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

/**
 * The first line split at its last separators, headline first and site-name parts after:
 * "Headline | Section | Site" gives ["Headline", "Section | Site"]; null when it names no site.
 */
export function splitTitle(head: string): { title: string; site: string } | null {
  const cuts = [...head.matchAll(TITLE_SEPARATORS)].map((m) => m.index);
  for (const cut of cuts) {
    const title = head.slice(0, cut).trim();
    const rest = head.slice(cut).split(TITLE_SEPARATORS).map((s) => s.trim()).filter((s) => s !== "");
    if (title.length >= SETTINGS.minHeadline && rest.length > 0 && rest.every((segment) => SITE_NAME.test(segment))) return { title, site: rest.join(" | ") };
  }
  return null;
}

/** What the headline scorer needs to know of a page; `prose` is the body read without a headline. */
export function pageView(texts: readonly string[], lines: readonly Line[], prose: Body): PageView {
  const measured: (Line | undefined)[] = new Array<Line | undefined>(texts.length);
  for (const l of lines) measured[l.index] = l;
  const firstIndex = texts.findIndex((l) => /\p{L}/u.test(l) && boilerplateKind(l) === null);
  const head = uncut((texts[firstIndex] ?? "").slice(0, SETTINGS.maxHeadline * 2));
  const split = splitTitle(head);
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (l.text.length > SETTINGS.maxHeadline) continue;
    const key = normalLine(l.text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const bodyWords = new Set<string>();
  for (const l of prose.lines.filter((p) => p.cls === "good").slice(0, SETTINGS.headParagraphs)) {
    for (const t of tokensOf(l.text)) if (t.length >= 4) bodyWords.add(t);
  }
  return {
    texts,
    measured,
    firstIndex,
    titleParts: new Set(leadingParts(head).filter((p) => p.length >= SETTINGS.minHeadline).map(normalLine)),
    titleWords: tokensOf(split?.title ?? head),
    firstCut: split !== null,
    titleSite: split?.site ?? null,
    meta: texts.map((t) => t !== "" && isHeadMeta(t)),
    dateline: texts.map((t) => t !== "" && isDatelineOrByline(t)),
    proseStart: prose.lines.find((l) => l.cls === "good")?.index ?? null,
    bodyWords,
    counts,
  };
}

/** The headline: the best-scoring line of the page; null when no line could be one. */
export function findHeadline(view: PageView): Headline | null {
  const best = bestLine(view);
  if (best === null) return null;
  const how = `line ${best.line + 1}, scored best of the page's lines (score ${best.score.toFixed(2)})`;
  if (best.line === view.firstIndex) {
    const head = uncut(view.texts[best.line] ?? "");
    const split = splitTitle(head);
    // A first line that names its site is the dump's <title>, not a line of the page.
    return split === null ? { title: head, line: best.line, exact: true, how: `${how}, the first line` } : { title: split.title, line: null, exact: false, how: `${how}, the first line without its site name` };
  }
  return { title: view.texts[best.line] ?? "", line: best.line, exact: true, how };
}
