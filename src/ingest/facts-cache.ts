// What the last build's index read from its bodies (src/index/body-facts.ts: description, reading
// time, word 3-grams, counted terms), kept by body key (the body store's content key, a digest of
// the Markdown) in binary files, so that a rebuild reads an unchanged story's facts instead of
// making them again, and an edited body, having another key, gets new ones. At 10,000 bench stories
// making them took about 0.9 s of a rebuild's main thread, reading them (25 MB) about 0.06 s (CPU
// profiles). Facts are made by the code of the ingest cache's version: the files are read only when
// that cache is (`use`).
//
// Counted terms refer to term names by number; the names are in a file of their own, which only
// grows (a build adds the names of new terms at the end) until it holds twice the names in use,
// when it is written anew with new numbers, and every shard with it. The names file goes first,
// and each shard says which numbering (generation) it uses: a shard of another is not read.
import path from "node:path";
import * as io from "../io.ts";
import type { BodyFacts } from "../index/body-facts.ts";
import { TermNames } from "../index/text.ts";
import { SHARDS, shardOf } from "./cache.ts";

export interface FactsCache {
  /** Facts the last build made, by body key; empty when there was none or it cannot be used. */
  known: ReadonlyMap<string, BodyFacts>;
  /** The names `known` counted terms are numbered by; a build adds new ones. */
  names: TermNames;
  /** Keeps these facts (this build's, with terms numbered by `names`) for the next build, in place of `known`. */
  save(facts: ReadonlyMap<string, BodyFacts>): Promise<void>;
}

/** No files: every build makes its facts (tests, and builds without a cache folder). */
export function noFactsCache(): FactsCache {
  return { known: new Map(), names: new TermNames(), save: async () => {} };
}

/** First word of a shard ("mbf2"); read back in another byte order, it is not this. */
const MAGIC = 0x6d626632;
/** First word of the names file ("mbn1"). */
const NAMES_MAGIC = 0x6d626e31;
/** Count of an entry without 3-grams or without terms (not made). */
const NONE = 0xffffffff;

/**
 * Entries are spread over the ingest cache's shards by a hash of the key, so that a build that
 * adds or edits a few stories rewrites a few files: one 19 MB file took about 0.15 s to write
 * again after each new dump (10,000 bench stories, CPU profile).
 */
const shardFile = (dir: string, shard: number): string => path.join(dir, "facts", `${String(shard).padStart(2, "0")}.bin`);
const namesFile = (dir: string): string => path.join(dir, "facts", "names.bin");

/** The facts in `dir` when `use`; saving rewrites the shards whose facts differ from `known`. */
export async function openFactsCache(dir: string, use: boolean): Promise<FactsCache> {
  const stored = use ? decodeNames(await io.readBytesIfExists(namesFile(dir))) : null;
  // Files that are not read may hold facts made by other code, or numbered by names that are
  // lost: they go before anything is made, so that a build stopped before it saves leaves none.
  if (stored === null) await io.removeDir(path.join(dir, "facts"));
  let generation = stored?.generation ?? 0;
  const names = new TermNames(stored?.names ?? []);
  const shards = await Promise.all(
    Array.from({ length: SHARDS }, async (_, shard) => {
      const bytes = stored === null ? null : await io.readBytesIfExists(shardFile(dir, shard));
      return bytes === null ? new Map<string, BodyFacts>() : decode(bytes, generation, names.size);
    }),
  );
  let savedNames = names.size;
  return {
    known: new Map(shards.flatMap((shard) => [...shard])),
    names,
    save: async (facts) => {
      let saving = facts;
      let rewriteAll = false;
      const inUse = new Set<number>();
      for (const f of facts.values()) for (let k = 0; f.terms && k < f.terms.length; k += 2) inUse.add(f.terms[k] as number);
      let all = names.all();
      if (all.length > 2 * inUse.size) {
        // Renumbered in the old numbers' order, so the same facts give the same files.
        const numbers = [...inUse].sort((a, b) => a - b);
        const renumber = new Map(numbers.map((n, i) => [n, i]));
        all = numbers.map((n) => names.name(n));
        saving = new Map(
          [...facts].map(([key, f]) => [key, f.terms ? { ...f, terms: f.terms.map((n, k) => (k % 2 === 0 ? (renumber.get(n) as number) : n)) } : f]),
        );
        generation++;
        rewriteAll = true;
      }
      if (rewriteAll || stored === null || all.length !== savedNames) await io.writeText(namesFile(dir), encodeNames(all, generation));
      savedNames = all.length;
      const next = shards.map(() => new Map<string, BodyFacts>());
      for (const [key, f] of saving) next[shardOf(key)]?.set(key, f);
      for (let shard = 0; shard < SHARDS; shard++) {
        const before = shards[shard] as Map<string, BodyFacts>;
        const after = next[shard] as Map<string, BodyFacts>;
        // Unchanged facts are the very objects read: an entry made or extended this build is new.
        if (!rewriteAll && after.size === before.size && [...after].every(([key, f]) => before.get(key) === f)) continue;
        await io.writeText(shardFile(dir, shard), encode(after, generation));
        shards[shard] = after;
      }
    },
  };
}

/** 32-bit words that hold `units` 16-bit code units. */
const wordsFor = (units: number): number => Math.ceil(units / 2);

/**
 * Names file layout, in 32-bit words of the machine's byte order: NAMES_MAGIC, the generation, the
 * number of names, each name's length, then all the names one after another (UTF-16, padded to a
 * whole word at the end).
 */
function encodeNames(names: readonly string[], generation: number): Uint8Array {
  let units = 0;
  for (const name of names) units += name.length;
  const words = new Uint32Array(3 + names.length + wordsFor(units));
  words[0] = NAMES_MAGIC;
  words[1] = generation;
  words[2] = names.length;
  names.forEach((name, i) => (words[3 + i] = name.length));
  Buffer.from(words.buffer).write(names.join(""), (3 + names.length) * 4, "utf16le");
  return Buffer.from(words.buffer);
}

function decodeNames(bytes: Uint8Array | null): { generation: number; names: string[] } | null {
  if (bytes === null) return null;
  const { words, raw } = views(bytes);
  const count = words[2];
  if (words.length < 3 || words[0] !== NAMES_MAGIC || count === undefined || 3 + count > words.length) return null;
  let units = 0;
  for (let i = 0; i < count; i++) units += words[3 + i] as number;
  if (3 + count + wordsFor(units) !== words.length) return null;
  const text = raw.toString("utf16le", (3 + count) * 4, (3 + count) * 4 + units * 2);
  const names: string[] = [];
  for (let i = 0, at = 0; i < count; i++) {
    const length = words[3 + i] as number;
    names.push(text.slice(at, at + length));
    at += length;
  }
  return { generation: words[1] as number, names };
}

/**
 * Shard layout, in 32-bit words of the machine's byte order: MAGIC, the generation of the names its
 * terms are numbered by, the number of entries, then per entry the key's length in characters and
 * the key (UTF-16, padded to a whole word), the reading time, the description's length and the
 * description (likewise), the number of 3-grams (NONE when not made) and the 3-grams, the number of
 * term words (NONE when not made) and the terms' (number, count) pairs. Entries go in key order,
 * so the same facts give the same file.
 */
function encode(facts: ReadonlyMap<string, BodyFacts>, generation: number): Uint8Array {
  const entries = [...facts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let size = 3;
  for (const [key, f] of entries) size += 5 + wordsFor(key.length) + wordsFor(f.description.length) + (f.grams?.length ?? 0) + (f.terms?.length ?? 0);
  const words = new Uint32Array(size);
  const bytes = Buffer.from(words.buffer);
  words[0] = MAGIC;
  words[1] = generation;
  words[2] = entries.length;
  let at = 3;
  const text = (value: string): void => {
    words[at++] = value.length;
    bytes.write(value, at * 4, "utf16le");
    at += wordsFor(value.length);
  };
  const list = (values: Uint32Array | undefined): void => {
    words[at++] = values?.length ?? NONE;
    if (values) {
      words.set(values, at);
      at += values.length;
    }
  };
  for (const [key, f] of entries) {
    text(key);
    words[at++] = f.readingMinutes;
    text(f.description);
    list(f.grams);
    list(f.terms);
  }
  return bytes;
}

/** 32-bit words over `bytes`, and the bytes as a Buffer; copied when they do not start on a multiple of 4. */
function views(bytes: Uint8Array): { words: Uint32Array; raw: Buffer } {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes);
  return {
    words: new Uint32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 4)),
    raw: Buffer.from(aligned.buffer, aligned.byteOffset, aligned.byteLength),
  };
}

/**
 * The entries of a shard `encode` wrote for names of `generation` (`names` of them); none when it
 * is not one (damaged, cut short, another byte order, other names).
 */
function decode(bytes: Uint8Array, generation: number, names: number): Map<string, BodyFacts> {
  const { words, raw } = views(bytes);
  const facts = new Map<string, BodyFacts>();
  if (words.length < 3 || words[0] !== MAGIC || words[1] !== generation) return facts;
  let at = 3;
  const fits = (count: number): boolean => at + count <= words.length;
  const text = (): string | null => {
    if (!fits(1)) return null;
    const units = words[at++] as number;
    if (!fits(wordsFor(units))) return null;
    const value = raw.toString("utf16le", at * 4, at * 4 + units * 2);
    at += wordsFor(units);
    return value;
  };
  const list = (): Uint32Array | undefined | null => {
    if (!fits(1)) return null;
    const count = words[at++] as number;
    if (count === NONE) return undefined;
    if (!fits(count)) return null;
    at += count;
    return words.subarray(at - count, at);
  };
  for (let entry = 0; entry < (words[2] as number); entry++) {
    const key = text();
    if (key === null || !fits(1)) return new Map();
    const readingMinutes = words[at++] as number;
    const description = text();
    const grams = description === null ? null : list();
    const terms = grams === null ? null : list();
    if (description === null || grams === null || terms === null) return new Map();
    if (terms !== undefined) for (let k = 0; k < terms.length; k += 2) if ((terms[k] as number) >= names) return new Map();
    facts.set(key, { description, readingMinutes, ...(grams && { grams }), ...(terms && { terms }) });
  }
  return at === words.length ? facts : new Map();
}
