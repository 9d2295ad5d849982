// One story per story: the same article dumped twice (same day, same headline, near-identical
// body) is built once and names every file it came from; different stories that share a day and a
// headline stay apart, each with an id of its own. Pure; input order does not matter.
import type { ArticleRecord } from "../record/schema.ts";
import { normaliseHeadline, sha256 } from "../record/identity.ts";

/** Share of word 3-grams two bodies must have in common to be one story. Re-scrapes of the same
 *  page differ by a changed sentence or a correction; different stories under one headline (daily
 *  briefings, "Live updates") share little beyond boilerplate. */
export const SAME_BODY = 0.8;

import type { DuplicateStory } from "../report.ts";

/** The word 3-grams of a body, lower-cased (the whole body as one gram when it has fewer than three words). */
export function trigrams(body: string): Set<string> {
  const words = body.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (out.size === 0 && words.length > 0) out.add(words.join(" "));
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Share of the smaller set's grams that the other holds: 1 when one body is inside the other. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / small.size;
}

/**
 * Merges duplicates and makes ids unique. Records are taken in `sourceFile` order, so the same
 * dumps always give the same stories, ids and kept files.
 */
export function mergeDuplicates(records: readonly ArticleRecord[]): { records: ArticleRecord[]; duplicates: DuplicateStory[] } {
  const sorted = [...records].sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : 0));
  // Bodies are compared only within a day-and-headline group, and shingled only when the group has
  // a second member: almost every story is alone in its group.
  const groups = new Map<string, { record: ArticleRecord; grams: Set<string> | null; also: string[] }[]>();
  const out: ArticleRecord[] = [];
  const usedIds = new Set<string>();
  for (const record of sorted) {
    const key = `${record.date}\n${normaliseHeadline(record.title)}`;
    const group = groups.get(key) ?? [];
    groups.set(key, group);
    const grams = group.length > 0 ? trigrams(record.body) : null;
    const same = grams && group.find((g) => similarity((g.grams ??= trigrams(g.record.body)), grams) >= SAME_BODY);
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
