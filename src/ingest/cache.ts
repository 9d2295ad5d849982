// The ingest cache: what each dump gave last time (record, failure, correction, body key), kept
// with the dump's and the record's file stamps. While both stamps are unchanged, a build takes the
// cached result without reading either file, so a rebuild of a large archive parses only the dumps
// that are new or changed. A changed stamp only means "look again": the dump is then read and its
// content hash compared with the record's `sourceHash` before anything is parsed (src/ingest/ingest.ts).
import path from "node:path";
import * as io from "../io.ts";
import type { IngestResult } from "./ingest.ts";

/**
 * What is kept per dump: its result without the record text that was written at the time, and
 * the key of its body's HTML in the body store (src/ingest/body-store.ts) instead of the HTML.
 */
export type CachedResult = Omit<IngestResult, "write" | "html"> & { bodyKey: string | null };

export interface CacheEntry {
  /** `io.fileStamp` of the dump when it was read. */
  dump: string;
  /** `io.fileStamp` of its record file after the build wrote (or left) it; null when there was none. */
  record: string | null;
  result: CachedResult;
}

/**
 * Entries are spread over this many JSON files by a hash of the dump's path, so that one new dump
 * rewrites one file, and no file nears V8's largest string at 100,000 stories (about 20 MB each).
 */
export const SHARDS = 64;

/** FNV-1a of the path: stable across runs and platforms, unlike any built-in hash. */
export function shardOf(file: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return h % SHARDS;
}

const shardFile = (dir: string, shard: number): string => path.join(dir, "ingest", `${String(shard).padStart(2, "0")}.json`);

/** The cache as it was left by the last build, shard by shard; empty where a shard is missing or unreadable. */
export class IngestCache {
  private readonly shards: Map<string, CacheEntry>[];
  private readonly dirty = new Set<number>();

  private constructor(
    private readonly dir: string,
    shards: Map<string, CacheEntry>[],
  ) {
    this.shards = shards;
  }

  /** Loads the cache in `dir`; with `use` false, starts empty (and replaces it on save). */
  static async open(dir: string, use: boolean): Promise<IngestCache> {
    const shards = await Promise.all(
      Array.from({ length: SHARDS }, async (_, shard) => {
        const text = use ? await io.readTextIfExists(shardFile(dir, shard)) : null;
        try {
          return new Map(Object.entries(text === null ? {} : (JSON.parse(text) as Record<string, CacheEntry>)));
        } catch {
          // A damaged cache file costs a re-parse of its dumps, nothing more.
          return new Map<string, CacheEntry>();
        }
      }),
    );
    const cache = new IngestCache(dir, shards);
    if (!use) for (let shard = 0; shard < SHARDS; shard++) cache.dirty.add(shard);
    return cache;
  }

  /** The cached result for `file`, if both files still have the stamps it was cached with. */
  lookup(file: string, dumpStamp: string | null, recordStamp: string | null): CachedResult | null {
    const entry = this.shards[shardOf(file)]?.get(file);
    return entry && entry.dump === dumpStamp && entry.record === recordStamp ? entry.result : null;
  }

  set(file: string, entry: CacheEntry): void {
    const shard = shardOf(file);
    this.shards[shard]?.set(file, entry);
    this.dirty.add(shard);
  }

  /** Forgets dumps that are no longer in the content folder. */
  keepOnly(files: ReadonlySet<string>): void {
    this.shards.forEach((entries, shard) => {
      for (const file of entries.keys()) {
        if (!files.has(file)) {
          entries.delete(file);
          this.dirty.add(shard);
        }
      }
    });
  }

  /** Writes the shards that changed; entries in path order, so the same archive gives the same bytes. */
  async save(): Promise<void> {
    for (const shard of [...this.dirty].sort((a, b) => a - b)) {
      const entries = [...(this.shards[shard] ?? new Map<string, CacheEntry>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      await io.writeText(shardFile(this.dir, shard), JSON.stringify(Object.fromEntries(entries)));
    }
    this.dirty.clear();
  }
}
