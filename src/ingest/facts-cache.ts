// What the last build's index read from its bodies (src/index/body-facts.ts: description, reading
// time, word 3-grams), kept by body key (the body store's content key, a digest of the Markdown)
// in binary files, so that a rebuild reads an unchanged story's facts instead of making them again,
// and an edited body, having another key, gets new ones. At 10,000 bench stories making them costs
// about 0.5 s CPU, reading them (19 MB, most of it 3-grams) about 0.03 s. Facts are made by the code
// of the ingest cache's version: the files are read only when that cache is (`use`).
import path from "node:path";
import * as io from "../io.ts";
import type { BodyFacts } from "../index/body-facts.ts";
import { SHARDS, shardOf } from "./cache.ts";

export interface FactsCache {
  /** Facts the last build made, by body key; empty when there was none or it cannot be used. */
  known: ReadonlyMap<string, BodyFacts>;
  /** Keeps these facts (this build's) for the next build, in place of `known`. */
  save(facts: ReadonlyMap<string, BodyFacts>): Promise<void>;
}

/** No files: every build makes its facts (tests, and builds without a cache folder). */
export function noFactsCache(): FactsCache {
  return { known: new Map(), save: async () => {} };
}

/** First word of a file ("mbf1"); read back in another byte order, it is not this. */
const MAGIC = 0x6d626631;
/** Gram count of an entry without 3-grams (its body was never compared). */
const NO_GRAMS = 0xffffffff;

/**
 * Entries are spread over the ingest cache's shards by a hash of the key, so that a build that
 * adds or edits a few stories rewrites a few files: one 19 MB file took about 0.15 s to write
 * again after each new dump (10,000 bench stories, CPU profile).
 */
const shardFile = (dir: string, shard: number): string => path.join(dir, "facts", `${String(shard).padStart(2, "0")}.bin`);

/** The facts in `dir` when `use`; saving rewrites the shards whose facts differ from `known`. */
export async function openFactsCache(dir: string, use: boolean): Promise<FactsCache> {
  // Files that are not read may hold facts made by other code: they go before anything is made,
  // so that a build stopped before it saves leaves none for the next.
  if (!use) await io.removeDir(path.join(dir, "facts"));
  const shards = await Promise.all(
    Array.from({ length: SHARDS }, async (_, shard) => {
      const bytes = use ? await io.readBytesIfExists(shardFile(dir, shard)) : null;
      return bytes === null ? new Map<string, BodyFacts>() : decode(bytes);
    }),
  );
  return {
    known: new Map(shards.flatMap((shard) => [...shard])),
    save: async (facts) => {
      const next = shards.map(() => new Map<string, BodyFacts>());
      for (const [key, f] of facts) next[shardOf(key)]?.set(key, f);
      for (let shard = 0; shard < SHARDS; shard++) {
        const before = shards[shard] as Map<string, BodyFacts>;
        const after = next[shard] as Map<string, BodyFacts>;
        // Unchanged facts are the very objects read: an entry made or extended this build is new.
        if (after.size === before.size && [...after].every(([key, f]) => before.get(key) === f)) continue;
        await io.writeText(shardFile(dir, shard), encode(after));
        shards[shard] = after;
      }
    },
  };
}

/** 32-bit words that hold `units` 16-bit code units. */
const wordsFor = (units: number): number => Math.ceil(units / 2);

/**
 * Layout, in 32-bit words of the machine's byte order: MAGIC, the number of entries, then per entry
 * the key's length in characters and the key (UTF-16, padded to a whole word), the reading time,
 * the description's length and the description (likewise), the number of 3-grams (NO_GRAMS when
 * none were made) and the 3-grams. Entries go in key order, so the same facts give the same file.
 */
function encode(facts: ReadonlyMap<string, BodyFacts>): Uint8Array {
  const entries = [...facts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let size = 2;
  for (const [key, f] of entries) size += 4 + wordsFor(key.length) + wordsFor(f.description.length) + (f.grams?.length ?? 0);
  const words = new Uint32Array(size);
  const bytes = Buffer.from(words.buffer);
  words[0] = MAGIC;
  words[1] = entries.length;
  let at = 2;
  const text = (value: string): void => {
    words[at++] = value.length;
    bytes.write(value, at * 4, "utf16le");
    at += wordsFor(value.length);
  };
  for (const [key, f] of entries) {
    text(key);
    words[at++] = f.readingMinutes;
    text(f.description);
    words[at++] = f.grams?.length ?? NO_GRAMS;
    if (f.grams) {
      words.set(f.grams, at);
      at += f.grams.length;
    }
  }
  return bytes;
}

/** The entries of a file `encode` wrote; none when it is not one (damaged, cut short, another byte order). */
function decode(bytes: Uint8Array): Map<string, BodyFacts> {
  // A view of 32-bit words must start on a multiple of 4: a file read into a shared pool may not.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 4));
  const raw = Buffer.from(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  const facts = new Map<string, BodyFacts>();
  if (words.length < 2 || words[0] !== MAGIC) return facts;
  let at = 2;
  const fits = (count: number): boolean => at + count <= words.length;
  const text = (): string | null => {
    if (!fits(1)) return null;
    const units = words[at++] as number;
    if (!fits(wordsFor(units))) return null;
    const value = raw.toString("utf16le", at * 4, at * 4 + units * 2);
    at += wordsFor(units);
    return value;
  };
  for (let entry = 0; entry < (words[1] as number); entry++) {
    const key = text();
    if (key === null || !fits(1)) return new Map();
    const readingMinutes = words[at++] as number;
    const description = text();
    if (description === null || !fits(1)) return new Map();
    const count = words[at++] as number;
    if (count === NO_GRAMS) {
      facts.set(key, { description, readingMinutes });
      continue;
    }
    if (!fits(count)) return new Map();
    facts.set(key, { description, readingMinutes, grams: words.subarray(at, at + count) });
    at += count;
  }
  return at === words.length ? facts : new Map();
}
