// One story per story: the same article dumped twice (same day, same headline, near-identical
// body) is built once and names every file it came from; different stories that share a day and a
// headline stay apart, each with an id of its own. Pure; input order does not matter.
import type { ArticleRecord } from "../record/schema.ts";
import { normaliseHeadline, sha256 } from "../record/identity.ts";
import { scannable } from "./text.ts";

/** Share of word 3-grams two bodies must have in common to be one story. Re-scrapes of the same
 *  page differ by a changed sentence or a correction; different stories under one headline (daily
 *  briefings, "Live updates") share little beyond boilerplate. */
export const SAME_BODY = 0.8;

import type { DuplicateStory } from "../report.ts";

/**
 * The word 3-grams of a body (words lower-cased; the whole body as one gram when it has fewer than
 * three words), as sorted distinct 32-bit hashes: comparing two bodies is then one merge of two
 * typed arrays, with no string per gram. Related-story scoring compares thousands of bodies this
 * way; a chance collision of two grams among a few hundred moves a share by far less than the
 * thresholds' margins.
 *
 * Words are the runs of letters and digits of the lower-cased body. A body that `scannable` passes
 * (ASCII, curly quotes and symbols that are no letter or digit and have no case) is read in one
 * pass that hashes each word as it goes, without lower-casing the body or making a string per word:
 * three times faster than the regular expression, which reads the others.
 */
export function trigrams(body: string): Uint32Array {
  const hashes = scannable(body) ? scanWordHashes(body) : [];
  if (hashes.length < 3) {
    const words = body.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length < 3) return Uint32Array.from(words.length > 0 ? [hashWord(words.join(" "))] : []);
    for (const word of words) hashes.push(hashWord(word));
  }
  const grams = new Uint32Array(hashes.length - 2);
  for (let i = 0; i + 2 < hashes.length; i++) {
    grams[i] = mix(mix(mix(0x811c9dc5, hashes[i] as number), hashes[i + 1] as number), hashes[i + 2] as number);
  }
  grams.sort();
  let size = 0;
  for (let i = 0; i < grams.length; i++) if (i === 0 || grams[i] !== grams[i - 1]) grams[size++] = grams[i] as number;
  return grams.slice(0, size);
}

/** `hashWord` of each word of a `scannable` text: ASCII letters (lower-cased) and digits; anything else ends a word. */
function scanWordHashes(text: string): number[] {
  const hashes: number[] = [];
  let hash = 0x811c9dc5;
  let length = 0;
  for (let i = 0, end = text.length; i <= end; i++) {
    let c = i < end ? text.charCodeAt(i) : 0x20;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      hash = Math.imul(hash ^ c, 0x01000193);
      length++;
    } else if (length > 0) {
      hashes.push(hash >>> 0);
      hash = 0x811c9dc5;
      length = 0;
    }
  }
  return hashes;
}

/** FNV-1a of a word's UTF-16 code units. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Folds a word's hash into a gram's, order-sensitive ("a b c" and "c b a" differ). */
function mix(hash: number, word: number): number {
  return (Math.imul(hash ^ word, 0x01000193) ^ (word >>> 15)) >>> 0;
}

/**
 * Grams two sorted distinct gram lists share. With `need`, the merge stops as soon as the count
 * reaches it or can no longer reach it (too few grams left), and the count is exact only below it.
 */
function shared(a: Uint32Array, b: Uint32Array, need = Number.POSITIVE_INFINITY): number {
  let count = 0;
  const reachable = (i: number, j: number): boolean => need === Number.POSITIVE_INFINITY || count + Math.min(a.length - i, b.length - j) >= need;
  for (let i = 0, j = 0; i < a.length && j < b.length && count < need && reachable(i, j); ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return count;
}

/** Jaccard similarity of two bodies' grams (1 for two empty bodies). */
function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const both = shared(a, b);
  return both / (a.length + b.length - both);
}

/**
 * Whether the other body holds at least `share` of the smaller body's grams (`shared / smaller >=
 * share`, as a division decides it; never for an empty body unless `share` is 0 or less). The merge
 * stops as soon as the answer is known: once enough grams are shared, or once too few are left to
 * share. Most pairs asked about are far from a copy and are decided in their first grams.
 */
export function contains(a: Uint32Array, b: Uint32Array, share: number): boolean {
  const smaller = Math.min(a.length, b.length);
  // The fewest shared grams that reach the share, found by the same division the rule states.
  let need = Math.min(smaller, Math.max(0, Math.ceil(share * smaller)));
  while (need > 0 && (need - 1) / smaller >= share) need--;
  while (need <= smaller && (smaller === 0 ? 0 : need / smaller) < share) need++;
  if (need > smaller) return false;
  return shared(a, b, need) >= need;
}

/**
 * Merges duplicates and makes ids unique. Records are taken in `sourceFile` order, so the same
 * dumps always give the same stories, ids and kept files. `gramsOf` gives a record's `trigrams`
 * (by default made from its body).
 */
export function mergeDuplicates(
  records: readonly ArticleRecord[],
  gramsOf: (record: ArticleRecord) => Uint32Array = (record) => trigrams(record.body),
): { records: ArticleRecord[]; duplicates: DuplicateStory[] } {
  const sorted = [...records].sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : 0));
  // Bodies are compared only within a day-and-headline group, and shingled only when the group has
  // a second member: almost every story is alone in its group.
  const groups = new Map<string, { record: ArticleRecord; grams: Uint32Array | null; also: string[] }[]>();
  const out: ArticleRecord[] = [];
  const usedIds = new Set<string>();
  for (const record of sorted) {
    const key = `${record.date}\n${normaliseHeadline(record.title)}`;
    const group = groups.get(key) ?? [];
    groups.set(key, group);
    const grams = group.length > 0 ? gramsOf(record) : null;
    const same = grams && group.find((g) => similarity((g.grams ??= gramsOf(g.record)), grams) >= SAME_BODY);
    if (same) {
      same.also.push(record.sourceFile);
      continue;
    }
    let id = record.id;
    while (usedIds.has(id)) id = sha256(`${id}\n${record.sourceFile}`).slice(0, 12);
    usedIds.add(id);
    const story = id === record.id ? record : { ...record, id };
    group.push({ record: story, grams, also: [] });
    out.push(story);
  }
  const duplicates = [...groups.values()]
    .flat()
    .filter((g) => g.also.length > 0)
    .map((g) => ({ kept: g.record.sourceFile, also: g.also }))
    .sort((a, b) => (a.kept < b.kept ? -1 : 1));
  return { records: out, duplicates };
}
