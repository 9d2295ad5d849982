// The word 3-grams (`trigrams`, src/index/dedupe.ts) that the last build made of its bodies, kept
// by body key (the content key of the body store: a digest of the Markdown) in binary files, so
// that a rebuild reads an unchanged story's grams instead of making them again, and an edited body,
// having another key, gets new ones. Making them is a pass over every body's text: at 10,000 bench
// stories, which related-story scoring compares all, about 0.33 s CPU; reading their 19 MB about
// 0.02 s. Grams are made by the code of the ingest cache's version: the file is read only
// when that cache is (`use`).
import path from "node:path";
import * as io from "../io.ts";
import { SHARDS, shardOf } from "./cache.ts";

export interface GramCache {
  /** Grams the last build made, by body key; empty when there was none or it cannot be used. */
  known: ReadonlyMap<string, Uint32Array>;
  /** Keeps these grams (this build's) for the next build, in place of `known`. */
  save(grams: ReadonlyMap<string, Uint32Array>): Promise<void>;
}

/** No file: every build makes its grams (tests, and builds without a cache folder). */
export function noGramCache(): GramCache {
  return { known: new Map(), save: async () => {} };
}

/** First word of a file ("mgr1"); read back in another byte order, it is not this. */
const MAGIC = 0x6d677231;

/**
 * Entries are spread over the ingest cache's shards by a hash of the key, so that a build that
 * adds or edits a few stories rewrites a few files: one 19 MB file took about 0.15 s to write
 * again after each new dump (10,000 bench stories, CPU profile).
 */
const shardFile = (dir: string, shard: number): string => path.join(dir, "grams", `${String(shard).padStart(2, "0")}.bin`);

/** The grams in `dir` when `use`; saving rewrites the shards whose grams differ from `known`. */
export async function openGramCache(dir: string, use: boolean): Promise<GramCache> {
  // Files that are not read may hold grams of other code: they go before anything is made, so that
  // a build stopped before it saves leaves none for the next.
  if (!use) await io.removeDir(path.join(dir, "grams"));
  const shards = await Promise.all(
    Array.from({ length: SHARDS }, async (_, shard) => {
      const bytes = use ? await io.readBytesIfExists(shardFile(dir, shard)) : null;
      return bytes === null ? new Map<string, Uint32Array>() : decode(bytes);
    }),
  );
  return {
    known: new Map(shards.flatMap((shard) => [...shard])),
    save: async (grams) => {
      const next = shards.map(() => new Map<string, Uint32Array>());
      for (const [key, g] of grams) next[shardOf(key)]?.set(key, g);
      for (let shard = 0; shard < SHARDS; shard++) {
        const before = shards[shard] as Map<string, Uint32Array>;
        const after = next[shard] as Map<string, Uint32Array>;
        if (after.size === before.size && [...after].every(([key, g]) => before.get(key) === g)) continue;
        await io.writeText(shardFile(dir, shard), encode(after));
        shards[shard] = after;
      }
    },
  };
}

/**
 * Layout, in 32-bit words of the machine's byte order: MAGIC, the number of entries, then per entry
 * the key's length in characters, the key (Latin-1, padded to a whole word), the number of grams
 * and the grams. Entries go in key order, so the same grams give the same file.
 */
function encode(grams: ReadonlyMap<string, Uint32Array>): Uint8Array {
  const entries = [...grams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let words = 2;
  for (const [key, g] of entries) words += 2 + Math.ceil(key.length / 4) + g.length;
  const out = new Uint32Array(words);
  const bytes = Buffer.from(out.buffer);
  out[0] = MAGIC;
  out[1] = entries.length;
  let at = 2;
  for (const [key, g] of entries) {
    out[at++] = key.length;
    bytes.write(key, at * 4, "latin1");
    at += Math.ceil(key.length / 4);
    out[at++] = g.length;
    out.set(g, at);
    at += g.length;
  }
  return bytes;
}

/** The entries of a file `encode` wrote; none when it is not one (damaged, cut short, another byte order). */
function decode(bytes: Uint8Array): Map<string, Uint32Array> {
  const grams = new Map<string, Uint32Array>();
  // A view of 32-bit words must start on a multiple of 4: a file read into a shared pool may not.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 4));
  const text = Buffer.from(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  if (words.length < 2 || words[0] !== MAGIC) return grams;
  let at = 2;
  for (let entry = 0; entry < (words[1] as number); entry++) {
    const keyLength = words[at] as number;
    const keyWords = Math.ceil(keyLength / 4);
    if (at + 2 + keyWords > words.length) return new Map();
    const key = text.toString("latin1", (at + 1) * 4, (at + 1) * 4 + keyLength);
    at += 1 + keyWords;
    const count = words[at++] as number;
    if (at + count > words.length) return new Map();
    grams.set(key, words.subarray(at, at + count));
    at += count;
  }
  return at === words.length ? grams : new Map();
}
