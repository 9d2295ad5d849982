// One line of page text and what it looks like: length, sentence shape, stop-word density, whether
// it is a known piece of page chrome; and its class (jusText's good / near-good / short / bad).
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
  cls: LineClass;
}

const SENTENCE_END = /[.!?…。！？:;]["'”’»)\]]*$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** The chrome kind of a line from the label and pattern tables, or null. */
export function boilerplateKind(text: string): BoilerplateKind | null {
  const label = text.toLowerCase().replace(/[\s:…]+$/u, "");
  const kind = LABELS[label];
  if (kind !== undefined) return kind;
  if (text.length > SETTINGS.maxMetaLine) return null;
  for (const rule of PATTERNS) if (rule.pattern.test(text)) return rule.kind;
  return null;
}

function classify(line: Omit<Line, "cls">): LineClass {
  if (line.boilerplate !== null) return "bad";
  if (line.size < SETTINGS.shortLine) return "short";
  if (line.stopDensity !== null && line.stopDensity < SETTINGS.lowStopWords) return "bad";
  if (line.size >= SETTINGS.longLine) return "good";
  if (line.sentence && (line.stopDensity === null || line.stopDensity >= SETTINGS.highStopWords)) return "good";
  return "near";
}

/** Measures and classifies one line of the page; `language` picks the stop-word table. */
export function measureLine(text: string, index: number, language: string | null): Line {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = wordsOf(text);
  const unspaced = isUnspaced(text);
  const measured = {
    index,
    text,
    size: text.length + cjk * (SETTINGS.cjkWeight - 1),
    words,
    sentence: SENTENCE_END.test(text),
    stopDensity: unspaced ? null : stopWordDensity(words, language),
    boilerplate: boilerplateKind(text),
  };
  return { ...measured, cls: classify(measured) };
}
