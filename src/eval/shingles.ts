// Body-extraction scoring, the method of the Zyte article-extraction benchmark (evaluate.py at
// scrapinghub/article-extraction-benchmark): texts become multisets of 4-token shingles, each page
// gets tp/fp/fn normalised by their sum, and precision and recall are averaged over pages.

/** Shingle length used by the benchmark. */
export const SHINGLE_SIZE = 4;

/** One page's shingle overlap, normalised so that tp + fp + fn = 1 (all 0 when both texts are empty). */
export interface Overlap {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

// Python's `\w` with re.UNICODE: letters, numbers of any kind and the underscore (no combining marks).
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Word tokens of a text, as the benchmark's `re.findall(r"\w+", text)` gives them (case kept). */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * The multiset of `n`-token shingles of a text, keyed by the tokens joined with a space. A text with
 * fewer than `n` tokens is one short shingle; an empty text has none (as in the benchmark).
 */
export function shingles(text: string, n = SHINGLE_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join(" ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Shingle-count overlap of a predicted text with the true one, normalised by tp + fp + fn. */
export function overlap(truth: string, predicted: string, n = SHINGLE_SIZE): Overlap {
  const want = shingles(truth, n);
  const got = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, wantCount] of want) {
    const gotCount = got.get(key) ?? 0;
    tp += Math.min(wantCount, gotCount);
    fn += Math.max(0, wantCount - gotCount);
  }
  for (const [key, gotCount] of got) fp += Math.max(0, gotCount - (want.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

/** Precision of one page; 1 when nothing was wrong either way, 0 when nothing was predicted right. */
export function pagePrecision({ tp, fp, fn }: Overlap): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/** Recall of one page; 1 when nothing was wrong either way, 0 when nothing true was found. */
export function pageRecall({ tp, fp, fn }: Overlap): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * Macro scores over pages: precision averaged over pages that predicted something, recall over pages
 * whose truth has something, F1 = 2PR / (P + R).
 */
export function macroScores(pages: readonly Overlap[]): Scores {
  const precision = mean(pages.filter((p) => p.tp + p.fp > 0).map(pagePrecision));
  const recall = mean(pages.filter((p) => p.tp + p.fn > 0).map(pageRecall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
