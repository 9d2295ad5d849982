// The search index: Pagefind over the written site, one index (a shard) per year of stories, which
// the search page loads as one (Pagefind's `mergeIndex`). Only story pages are indexed (they carry
// `data-pagefind-body`), with section, year and tag filters. A shard whose stories did not change
// in anything the index reads is taken from the last build, so a new story costs one year's
// indexing, not the archive's. Kept apart from rendering so it can be skipped and timed on its own.
import { createHash } from "node:crypto";
import { join } from "node:path";
import * as pagefind from "pagefind";
import type { Archive, ArchiveArticle } from "../index/archive.ts";
import type { SiteConfig } from "../config.ts";
import * as io from "../io.ts";

/** Where the shards are, under the site: `pagefind/<year>/`, and the list the search page reads. */
export const SEARCH_DIR = "pagefind";
export const SHARDS_FILE = "shards.json";

/** One year's stories: the pages under `/<key>/` and a digest of what the index reads of them. */
export interface SearchShard {
  key: string;
  fingerprint: string;
}

/**
 * What Pagefind reads of a story page: everything inside its `data-pagefind-body` element and that
 * element's filters, meta and sort (templates/article.11ty.ts). The related stories, links and
 * neighbours are in an aside it ignores, so a story whose related list changed keeps its shard.
 */
function indexedPart(a: ArchiveArticle): unknown {
  const { related, links, linkedFrom, more, prev, next, ...indexed } = a;
  return indexed;
}

/** The archive's shards, a year each, with fingerprints of the settings, the render code and the stories' indexed parts. */
export function searchShards(archive: Archive, config: SiteConfig, codeVersion: string): SearchShard[] {
  const byYear = new Map<string, ReturnType<typeof createHash>>();
  for (const a of archive.articles) {
    let hash = byYear.get(a.year);
    if (!hash) byYear.set(a.year, (hash = createHash("sha256").update(codeVersion).update(JSON.stringify(config))));
    hash.update(JSON.stringify(indexedPart(a)));
  }
  return [...byYear].map(([key, hash]) => ({ key, fingerprint: hash.digest("hex").slice(0, 32) }));
}

/** The shards a finished site holds, by key, with their fingerprints. */
export type BuiltShards = Map<string, string>;

export interface SearchOptions {
  /** The shards to write; by default one per four-digit year folder of the site, none reused. */
  shards?: SearchShard[];
  /** The site the last build left and its shards: an unchanged shard is linked from there. */
  previous?: { siteDir: string; shards: BuiltShards } | null;
}

/** Indexes `outputDir` and writes the shards and `pagefind/shards.json`. */
export async function buildSearchIndex(outputDir: string, options: SearchOptions = {}): Promise<{ pages: number; reused: number; shards: BuiltShards }> {
  const shards = options.shards ?? ((await io.entriesOf(outputDir)) ?? []).filter((name) => /^\d{4}$/.test(name)).sort().map((key) => ({ key, fingerprint: "" }));
  const built: BuiltShards = new Map();
  let pages = 0;
  let reused = 0;
  const toIndex: SearchShard[] = [];
  for (const shard of shards) {
    const previous = options.previous;
    const from = previous ? join(previous.siteDir, SEARCH_DIR, shard.key) : null;
    if (from && shard.fingerprint && previous?.shards.get(shard.key) === shard.fingerprint && (await io.linkTree(from, join(outputDir, SEARCH_DIR, shard.key)))) {
      built.set(shard.key, shard.fingerprint);
      reused++;
    } else toIndex.push(shard);
  }
  if (toIndex.length > 0) {
    try {
      for (const shard of toIndex) {
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        const added = await index.addDirectory({ path: outputDir, glob: `${shard.key}/**/*.html` });
        if (added.errors.length) throw new Error(`Pagefind could not index ${outputDir}/${shard.key}: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: join(outputDir, SEARCH_DIR, shard.key) });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
        pages += added.page_count;
        built.set(shard.key, shard.fingerprint);
      }
    } finally {
      await pagefind.close();
    }
  }
  await io.writeText(join(outputDir, SEARCH_DIR, SHARDS_FILE), `${JSON.stringify({ shards: shards.map((s) => `${s.key}/`) })}\n`);
  return { pages, reused, shards: built };
}
