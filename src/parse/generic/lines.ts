// One line of page text and what it looks like: length, sentence shape, stop-word density, whether
// it is a known piece of page chrome; and its class (jusText's good / near-good / short / bad).
import { findPrintedDates } from "../dates.ts";
import { LABELS, PATTERNS, type BoilerplateKind } from "./boilerplate.ts";
import { isUnspaced, stopWordDensity, wordsOf } from "./language.ts";
import { SETTINGS } from "./settings.ts";

export type LineClass = "good" | "near" | "short" | "bad";

export interface Line {
  /** 0-based line number in the dump. */
  index: number;
  text: string;
  /** Length in characters, CJK ones weighted (`SETTINGS.cjkWeight`). */
  size: number;
  words: readonly string[];
  /** Ends like a sentence (".", "?", "!", a closing quote after one, "。"). */
  sentence: boolean;
  /** Stop-word share; null when the page's language has no table. */
  stopDensity: number | null;
  /** The chrome it was recognised as, or null. */
  boilerplate: BoilerplateKind | null;
  /** Repeats a line printed earlier (an alt text and its caption, a headline printed twice). */
  repeat: boolean;
  cls: LineClass;
}

const SENTENCE_END = /[.!?…。！？:;]["'”’»)\]]*$/u;
/** A teaser cut short by two dots ("‘스탠딩 업’, 고루했던 KBS 예능국의 아..", Entermedia's related news): no sentence, no prose. */
const CUT_SHORT = /[^.]\.\.$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** A line that is only a URL: share panels and structured data print them. */
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/iu;

/** A dateline on its own ("19 November 2019", "Published 10:02 AM EST Nov 19, 2019"): few words besides the date. */
export function isDateline(text: string, words: readonly string[]): boolean {
  if (text.length > SETTINGS.maxDateOnlyLine) return false;
  const wordsBesides = words.filter((w) => !/\d/u.test(w)).length;
  return wordsBesides <= SETTINGS.maxWordsBesideDate && findPrintedDates(text, false).length > 0;
}

/** The chrome kind of a line from the label and pattern tables, or null. */
export function boilerplateKind(text: string): BoilerplateKind | null {
  const label = text.toLowerCase().replace(/[\s:…]+$/u, "");
  const kind = LABELS[label];
  if (kind !== undefined) return kind;
  if (text.length > SETTINGS.maxPatternLine) return null;
  for (const rule of PATTERNS) if (rule.pattern.test(text)) return rule.kind;
  return null;
}

function classify(line: Omit<Line, "cls">): LineClass {
  if (line.boilerplate !== null || line.repeat || CUT_SHORT.test(line.text)) return "bad";
  if (line.size < SETTINGS.shortLine) return "short";
  // Few function words: a list of names or links, unless it reads as a sentence (then its
  // neighbours decide, as for any near-good line).
  if (line.stopDensity !== null && line.stopDensity < SETTINGS.lowStopWords) return line.sentence ? "near" : "bad";
  if (line.size >= SETTINGS.longLine) return "good";
  if (line.sentence && (line.stopDensity === null || line.stopDensity >= SETTINGS.highStopWords)) return "good";
  return "near";
}

/**
 * Which lines repeat a line printed a few lines before: an image's alt text and its caption
 * (Times Union and mysanantonio galleries). Both copies go; far-apart repeats keep the first.
 */
function findRepeats(lines: readonly { text: string }[]): boolean[] {
  const repeat = lines.map(() => false);
  const lastSeen = new Map<string, number>();
  lines.forEach((line, i) => {
    const previous = lastSeen.get(line.text);
    if (previous !== undefined) {
      repeat[i] = true;
      if (i - previous <= SETTINGS.nearRepeatLines) repeat[previous] = true;
    }
    lastSeen.set(line.text, i);
  });
  return repeat;
}

/** Measures and classifies the non-empty lines of a page; `language` picks the stop-word table. */
export function measurePage(texts: readonly string[], language: string | null): Line[] {
  const measured = texts.flatMap((text, index) => {
    if (text === "") return [];
    const words = wordsOf(text);
    const cjk = text.match(CJK)?.length ?? 0;
    const boilerplate = boilerplateKind(text) ?? (URL_ONLY.test(text) || isDateline(text, words) ? "chrome" : null);
    return [{
      index,
      text,
      size: text.length + cjk * (SETTINGS.cjkWeight - 1),
      words,
      sentence: SENTENCE_END.test(text),
      stopDensity: isUnspaced(text) ? null : stopWordDensity(words, language),
      boilerplate,
    }];
  });
  const repeats = findRepeats(measured);
  return measured.map((m, i) => {
    const line = { ...m, repeat: repeats[i] ?? false };
    return { ...line, cls: classify(line) };
  });
}
