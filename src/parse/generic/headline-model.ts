// A small learned line scorer for the headline of a whole-page dump: every headline-sized line is
// described by general features (where it sits against the byline, dateline and first paragraph,
// its shape, whether menus surround it, whether it repeats the <title> or the body's words) and the
// line with the highest weighted sum wins. The weights are a table (`headline-weights.ts`) trained
// by `src/eval/headline-train.ts` on the dev pages, which also reports a leave-one-site-out figure.
import { isUnspaced, wordsOf } from "./language.ts";
import type { Line } from "./lines.ts";
import { SETTINGS } from "./settings.ts";
import { findPrintedDates } from "../dates.ts";
import { HEADLINE_CONTEXT_WEIGHTS, HEADLINE_WEIGHTS } from "./headline-weights.ts";

/** The names of the features, in the order `lineFeatures` returns them and the weights follow. */
export const FEATURE_NAMES = [
  "repeats the <title> (first line) below it",
  "is the first line",
  "is the first line, with a site name cut off",
  "share of its words in the <title>",
  "a byline or dateline (not a bare name) right below (1/distance, 3 lines)",
  "a byline or dateline right above (2 lines)",
  "above the first paragraph",
  "log lines to the first paragraph",
  "at most 3 lines above the first paragraph",
  "log words",
  "fewer than 4 words",
  "more than 20 words",
  "ends with a period",
  "ends with ? or !",
  "share of capitalised words",
  "all capitals",
  "share of short lines around it (menu)",
  "log times repeated elsewhere on the page",
  "words (4+ letters) it shares with the first paragraphs, up to 6, over 6",
  "reads as prose (good line)",
  "position in the page (0 top, 1 bottom)",
  "holds a separator ( | , - )",
  "share of digits",
  "a longer sentence below it (a dek)",
  "reads as a person's name",
  "ends cut short (\"..\", \"…\")",
  "lines of 4+ words among the 3 above, bylines aside (a headline above a dek)",
  "the line below is longer",
  "holds a printed date",
  "ends with a colon",
  "a line that reads as a name right below (1/distance, 3 lines)",
  "log times printed inside a longer line (\"Share this on: <headline>\")",
  "the same text again within 3 lines (a headline printed twice)",
  "a longer line right below, then a byline or dateline (a headline above its dek)",
  "a shorter line of 4+ words right above, and a byline or dateline right below (a dek under its headline)",
  "words run together (\"(This Morning)Some sunshine\": a teaser's headline and text)",
  "opens with a quotation mark",
  "a line of prose (a good line) within 6 lines below (1/distance)",
] as const;

/** What the features of one page's lines are computed from. */
export interface PageView {
  texts: readonly string[];
  /** The measured line at each index, or undefined for an empty line. */
  measured: readonly (Line | undefined)[];
  /** Index of the first line with letters that is not chrome: a page-text dump's <title>. */
  firstIndex: number;
  /** The <title>'s leading parts, normalised ("A - B | C" gives "a - b | c", "a - b", "a"). */
  titleParts: ReadonlySet<string>;
  /** The title's words without the site name. */
  titleWords: ReadonlySet<string>;
  /** Whether the first line names its site ("Headline - Site"): it is then a <title>, not page text. */
  firstCut: boolean;
  /** The site-name parts of that first line ("Section | Site"), or null. */
  titleSite: string | null;
  /** Whether each line is a byline, dateline or name line (see `isHeadMeta`). */
  meta: readonly boolean[];
  /** Whether each line is a byline or dateline proper (see `isDatelineOrByline`). */
  dateline: readonly boolean[];
  /** The first line of prose (body read without a headline); null when none. */
  proseStart: number | null;
  /** Words (4+ letters) of the first paragraphs. */
  bodyWords: ReadonlySet<string>;
  /** How many lines of the page read the same, by normalised text. */
  counts: ReadonlyMap<string, number>;
}

export const normalLine = (text: string): string => text.toLowerCase().replace(/\s+/gu, " ").trim();

/** Lower-case word tokens, letters and digits (also for CJK runs). */
export const tokensOf = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Non-empty line indexes from `from` stepping by `step`, at most `count` of them. */
function neighbours(view: PageView, from: number, step: 1 | -1, count: number): number[] {
  const out: number[] = [];
  for (let i = from + step; i >= 0 && i < view.texts.length && out.length < count; i += step) if ((view.texts[i] ?? "") !== "") out.push(i);
  return out;
}

/** Whether a line may be a headline at all: letters, a headline's size, not chrome, not a byline or dateline. */
export function isCandidate(view: PageView, i: number): boolean {
  const text = view.texts[i] ?? "";
  const line = view.measured[i];
  if (line === undefined || !/\p{L}/u.test(text) || text.length > SETTINGS.maxHeadline) return false;
  if (view.dateline[i] === true || (line.boilerplate !== null && i !== view.firstIndex) || /:\/\/|^www\./iu.test(text)) return false;
  // A teaser cut short by two dots (Entermedia's related news, "… 그가 뜨..") is no headline.
  if (/[^.]\.\.$/u.test(text)) return false;
  const unspaced = isUnspaced(text);
  const size = unspaced ? [...text].length : line.words.length;
  return unspaced ? size >= SETTINGS.minUnspacedHeadline && size <= SETTINGS.maxUnspacedHeadline * 2 : size >= 2 && size <= SETTINGS.maxHeadlineWords + 15;
}

/** How many lines hold `text` inside a longer text ("Share All sharing options for: <headline>"). */
function insideOthers(view: PageView, text: string): number {
  if (text.length < SETTINGS.minHeadline * 3) return 0;
  let count = 0;
  for (const other of view.texts) if (other.length > text.length && other.length <= SETTINGS.maxHeadline * 2 && other.includes(text)) count++;
  return count;
}

/** The features of line `i` (see `FEATURE_NAMES`). */
export function lineFeatures(view: PageView, i: number): number[] {
  const text = view.texts[i] ?? "";
  const line = view.measured[i];
  const words = line?.words ?? wordsOf(text);
  const key = normalLine(text);
  const isFirst = i === view.firstIndex;
  const tokens = tokensOf(text);
  let inTitle = 0;
  for (const t of tokens) if (view.titleWords.has(t)) inTitle++;
  const below = neighbours(view, i, 1, 3);
  const metaBelow = below.findIndex((k) => view.dateline[k] === true);
  const nameBelow = below.findIndex((k) => view.meta[k] === true && view.dateline[k] !== true);
  const above = neighbours(view, i, -1, 2);
  const around = [...neighbours(view, i, -1, 4), ...neighbours(view, i, 1, 4)];
  const short = around.filter((k) => (view.measured[k]?.words.length ?? 0) <= 3 && view.meta[k] !== true).length;
  let toProse = 0;
  const before = view.proseStart !== null && i < view.proseStart;
  if (view.proseStart !== null) {
    const [lo, hi] = i < view.proseStart ? [i, view.proseStart] : [view.proseStart, i];
    for (let k = lo + 1; k <= hi; k++) if ((view.texts[k] ?? "") !== "") toProse++;
  }
  const content = [...tokens].filter((t) => t.length >= 4);
  const inBody = content.filter((t) => view.bodyWords.has(t)).length;
  const capitalised = text.split(/\s+/u).filter((w) => /^\P{L}*\p{Lu}/u.test(w)).length;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const digits = text.match(/\p{N}/gu)?.length ?? 0;
  const next = view.texts[below[0] ?? -1] ?? "";
  const proseBelow = neighbours(view, i, 1, 6).findIndex((k) => view.measured[k]?.cls === "good");
  const prev = above[0];
  const prevWords = prev === undefined ? 0 : (view.measured[prev]?.words.length ?? 0);
  const dek = below[0] !== undefined && view.meta[below[0]] !== true && next.length > text.length && /[.!?…。]["'”’»]?$/u.test(next);
  return [
    !isFirst && view.titleParts.has(key) ? 1 : 0,
    isFirst ? 1 : 0,
    isFirst && view.firstCut ? 1 : 0,
    !isFirst && tokens.size > 0 ? inTitle / tokens.size : 0,
    metaBelow >= 0 ? 1 / (metaBelow + 1) : 0,
    above.some((k) => view.meta[k] === true) ? 1 : 0,
    before ? 1 : 0,
    Math.log1p(toProse) / 3,
    before && toProse <= 3 ? 1 : 0,
    Math.log1p(words.length) / 3,
    words.length < 4 ? 1 : 0,
    words.length > 20 ? 1 : 0,
    /(?<!\.)\.["'”’»]?$/u.test(text) ? 1 : 0,
    /[?!]["'”’»]?$/u.test(text) ? 1 : 0,
    capitalised / Math.max(1, text.split(/\s+/u).length),
    letters > 3 && text === text.toUpperCase() && /\p{Lu}/u.test(text) ? 1 : 0,
    around.length === 0 ? 0 : short / around.length,
    Math.log1p((view.counts.get(key) ?? 1) - 1),
    Math.min(inBody, 6) / 6,
    line?.cls === "good" ? 1 : 0,
    i / Math.max(1, view.texts.length),
    / [|–—-] /u.test(text) ? 1 : 0,
    digits / Math.max(1, letters + digits),
    dek ? 1 : 0,
    view.meta[i] === true ? 1 : 0,
    /(?:\.\.|…)$/u.test(text) ? 1 : 0,
    neighbours(view, i, -1, 3).filter((k) => view.meta[k] !== true && (view.measured[k]?.words.length ?? 0) >= 4).length / 3,
    below[0] !== undefined && next.length > text.length ? 1 : 0,
    digits > 0 && findPrintedDates(text, false).length > 0 ? 1 : 0,
    /:$/u.test(text) ? 1 : 0,
    nameBelow >= 0 ? 1 / (nameBelow + 1) : 0,
    Math.log1p(insideOthers(view, text)),
    [...neighbours(view, i, -1, 3), ...below].some((k) => normalLine(view.texts[k] ?? "") === key) ? 1 : 0,
    below[0] !== undefined && view.meta[below[0]] !== true && next.length > text.length && below.slice(1).some((k) => view.meta[k] === true) ? 1 : 0,
    prev !== undefined && view.meta[prev] !== true && prevWords >= 4 && (view.texts[prev] ?? "").length < text.length && metaBelow >= 0 && metaBelow <= 1 ? 1 : 0,
    /\p{Ll}{3}[).!?]?\p{Lu}\p{Ll}/u.test(text) ? 1 : 0,
    /^["'“‘«„]/u.test(text) ? 1 : 0,
    proseBelow >= 0 ? 1 / (proseBelow + 1) : 0,
  ];
}

/** Names of the second-stage features, appended to `FEATURE_NAMES` for the second stage's weights. */
export const CONTEXT_NAMES = [
  "best first-stage score among the 2 lines above, minus its own (a headline above a dek or caption)",
  "best first-stage score among the 2 lines below, minus its own",
] as const;

/** The weighted sum of features under `weights`. */
export function scoreFeatures(features: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < features.length; k++) sum += (features[k] ?? 0) * (weights[k] ?? 0);
  return sum;
}

/** The candidate lines of a page, in page order. */
export function candidateLines(view: PageView): number[] {
  const out: number[] = [];
  for (let i = 0; i < view.texts.length; i++) if (isCandidate(view, i)) out.push(i);
  return out;
}

/** For each candidate, the positions (in `lines`) of the candidates among the 2 non-empty lines above and below it. */
export function candidateNeighbours(view: PageView, lines: readonly number[]): { above: number[]; below: number[] }[] {
  const at = new Map(lines.map((line, k) => [line, k]));
  const near = (i: number, step: 1 | -1): number[] => neighbours(view, i, step, 2).flatMap((j) => (at.has(j) ? [at.get(j) ?? 0] : []));
  return lines.map((i) => ({ above: near(i, -1), below: near(i, 1) }));
}

/** First-stage features with the second-stage ones appended, from the first-stage scores of the neighbours. */
export function withContext(features: readonly (readonly number[])[], neighbours: readonly { above: number[]; below: number[] }[], first: readonly number[]): number[][] {
  const scores = features.map((f) => scoreFeatures(f, first));
  const gap = (k: number, others: readonly number[]): number => (others.length === 0 ? -3 : Math.max(-3, Math.min(3, Math.max(...others.map((o) => scores[o] ?? 0)) - (scores[k] ?? 0))));
  return features.map((f, k) => [...f, gap(k, neighbours[k]?.above ?? []), gap(k, neighbours[k]?.below ?? [])]);
}

/** Scores of `features` under a first- and a second-stage weight table; the first of equal best scores wins. */
export function bestOf(features: readonly (readonly number[])[], neighbours: readonly { above: number[]; below: number[] }[], first: readonly number[], second: readonly number[]): { index: number; score: number } | null {
  let best: { index: number; score: number } | null = null;
  withContext(features, neighbours, first).forEach((f, k) => {
    const score = scoreFeatures(f, second);
    if (best === null || score > best.score) best = { index: k, score };
  });
  return best;
}

/** The best-scoring candidate line and its score under the trained tables; null when there is none. */
export function bestLine(view: PageView): { line: number; score: number } | null {
  const lines = candidateLines(view);
  const best = bestOf(lines.map((i) => lineFeatures(view, i)), candidateNeighbours(view, lines), HEADLINE_WEIGHTS, HEADLINE_CONTEXT_WEIGHTS);
  return best === null ? null : { line: lines[best.index] ?? 0, score: best.score };
}
