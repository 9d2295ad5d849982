// The search index: Pagefind over the written site, in shards that the search page loads as one
// (Pagefind's `mergeIndex`). Only story pages are indexed (they carry `data-pagefind-body`), with
// section, year, month and tag filters. A shard whose stories did not change in anything the index
// reads is taken from the last build, so a new story costs one shard's indexing, not the archive's.
// Kept apart from rendering so it can be skipped and timed on its own.
//
// The shards: one per year, except that the newest month of the archive has a shard of its own
// (`2020-06`, beside `2020` for the months before it). New dumps are mostly the newest stories, so
// the everyday build re-indexes a month of them instead of the whole year: Pagefind took 0.55 ms a
// page (1,844 pages 1.05-1.68 s, 879 pages 0.49-0.57 s, 112-156 pages 0.07-0.10 s, on the 10,000-story
// bench site). When a month begins, the month before joins its year's shard (that shard is indexed
// again, once); when a year begins, the year's shard takes all its months. So the search page merges
// at most one shard more than there are years.
import { createHash } from "node:crypto";
import { join } from "node:path";
import * as pagefind from "pagefind";
import type { Archive, ArchiveArticle } from "../index/archive.ts";
import type { SiteConfig } from "../config.ts";
import * as io from "../io.ts";
import { inLanes } from "../lanes.ts";
import { pageFile } from "./pages.ts";

/** Where the shards are, under the site: `pagefind/<key>/`, and the list the search page reads. */
export const SEARCH_DIR = "pagefind";
export const SHARDS_FILE = "shards.json";

/** One shard: its stories' pages, found by `glob` under the site, and a digest of what the index reads of them. */
export interface SearchShard {
  /** A year (`2019`), the newest month (`2020-06`) or `undated`: the shard's folder under `pagefind/`. */
  key: string;
  /** The shard's pages under the site folder, as a Pagefind glob. */
  glob: string;
  fingerprint: string;
  /** The URLs of its story pages (the only pages indexed); empty when not known. */
  urls: string[];
}

/**
 * What Pagefind reads of a story page: everything inside its `data-pagefind-body` element and that
 * element's filters, meta and sort (templates/article.11ty.ts). The related stories, links and
 * neighbours are in an aside it ignores, so a story whose related list changed keeps its shard.
 */
export function indexedPart(a: ArchiveArticle): Omit<ArchiveArticle, (typeof ASIDE)[number]> {
  const { related, links, linkedFrom, more, prev, next, ...indexed } = a;
  return indexed;
}

/** The fields of a story in that aside: the rest of its page (a story page's fingerprint is made of both, src/render/site.ts). */
export const ASIDE = ["related", "links", "linkedFrom", "more", "prev", "next"] as const;

/** The Pagefind glob of the story pages under these folders of the site (`2020`, or `2020/01` and `2020/02`). */
function globOf(folders: string[]): string {
  return `${folders.length === 1 ? folders[0] : `{${folders.join(",")}}`}/**/*.html`;
}

/**
 * The archive's shards (see the top of this file), oldest first, each with a fingerprint of the
 * settings, the render code, its pages and its stories' indexed parts: by their digests when the
 * render made them (`RenderedSite.indexedDigests`), else serialised here.
 */
export function searchShards(archive: Archive, config: SiteConfig, codeVersion: string, indexedDigests?: ReadonlyMap<string, string>): SearchShard[] {
  let newestMonth = "";
  for (const a of archive.articles) if (a.date !== null && a.date.slice(0, 7) > newestMonth) newestMonth = a.date.slice(0, 7);
  const shards = new Map<string, { folders: Set<string>; stories: ArchiveArticle[] }>();
  for (const a of archive.articles) {
    const month = a.date?.slice(0, 7) ?? null;
    const key = month === newestMonth ? month : a.year;
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = { folders: new Set(), stories: [] }));
    // The year's folder, unless the newest month has a shard apart: then the year's months before it.
    shard.folders.add(month !== null && a.year === newestMonth.slice(0, 4) ? month.replace("-", "/") : a.year);
    shard.stories.push(a);
  }
  return [...shards].sort(([a], [b]) => compareKeys(a, b)).map(([key, { folders, stories }]) => {
    const glob = globOf([...folders].sort());
    const hash = createHash("sha1").update(codeVersion).update(JSON.stringify(config)).update(`${key}\n${glob}\n`);
    for (const a of stories) hash.update(indexedDigests?.get(a.url) ?? JSON.stringify(indexedPart(a)));
    return { key, glob, fingerprint: hash.digest("hex").slice(0, 32), urls: stories.map((a) => a.url) };
  });
}

/** Years and months in date order (`2020` before `2020-06`), the undated shelf last. */
const compareKeys = (a: string, b: string): number => (a === "undated") !== (b === "undated") ? (a === "undated" ? 1 : -1) : a < b ? -1 : a > b ? 1 : 0;

/** The shards a finished site holds, by key, with their fingerprints. */
export type BuiltShards = Map<string, BuiltShard>;

/** A shard as a build left it: what it was made from, and the stamp of its entry file (`pagefind-entry.json`, rewritten with the shard). */
export interface BuiltShard {
  fingerprint: string;
  stamp: string | null;
}

/** The file Pagefind writes last to a shard, naming its other files: its stamp stands for the shard's. */
const ENTRY_FILE = "pagefind-entry.json";

/** The files that stand for a built search index, relative to the site: the shard list and each shard's entry file. */
export function searchFiles(shards: BuiltShards): string[] {
  return [`${SEARCH_DIR}/${SHARDS_FILE}`, ...[...shards.keys()].sort().map((key) => `${SEARCH_DIR}/${key}/${ENTRY_FILE}`)];
}

export interface SearchOptions {
  /** The shards to write; by default one per four-digit year folder of the site, none reused. */
  shards?: SearchShard[];
  /**
   * The site the last build left and its shards: an unchanged shard is linked from there, or, when
   * `inPlace` (`outputDir` holds only the pages that changed, to be moved into that site), left
   * there; a changed shard's unchanged story pages are then linked from there to be indexed.
   */
  previous?: { siteDir: string; shards: BuiltShards; inPlace?: boolean } | null;
}

/** What `buildSearchIndex` made: pages indexed, shards reused, every shard, and the shard folders written (relative to the output folder). */
export interface BuiltSearch {
  pages: number;
  reused: number;
  shards: BuiltShards;
  written: string[];
}

/** Indexes `outputDir` and writes the shards and `pagefind/shards.json`. */
export async function buildSearchIndex(outputDir: string, options: SearchOptions = {}): Promise<BuiltSearch> {
  const shards = options.shards ?? ((await io.entriesOf(outputDir)) ?? []).filter((name) => /^\d{4}$/.test(name)).sort().map((key) => ({ key, glob: globOf([key]), fingerprint: "", urls: [] }));
  const built: BuiltShards = new Map();
  let pages = 0;
  let reused = 0;
  const toIndex: SearchShard[] = [];
  for (const shard of shards) {
    const previous = options.previous;
    const from = previous ? join(previous.siteDir, SEARCH_DIR, shard.key) : null;
    const before = previous?.shards.get(shard.key);
    const unchanged = from !== null && shard.fingerprint !== "" && before?.fingerprint === shard.fingerprint && before.stamp !== null && io.outputStamp(join(from, ENTRY_FILE)) === before.stamp;
    if (unchanged && (previous?.inPlace || (await io.linkTree(from, join(outputDir, SEARCH_DIR, shard.key))))) {
      built.set(shard.key, before);
      reused++;
    } else toIndex.push(shard);
  }
  if (toIndex.length > 0) {
    try {
      for (const shard of toIndex) {
        const previous = options.previous;
        if (previous?.inPlace) {
          // The year's pages not made again are in the last build's site: indexed from there.
          await inLanes(shard.urls, 16, async (url) => {
            if (io.outputStamp(pageFile(outputDir, url)) !== null) return;
            if (!(await io.linkFile(pageFile(previous.siteDir, url), pageFile(outputDir, url)))) throw new Error(`cannot index ${url}: its page in ${previous.siteDir} cannot be linked`);
          });
        }
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        const added = await index.addDirectory({ path: outputDir, glob: shard.glob });
        if (added.errors.length) throw new Error(`Pagefind could not index ${outputDir}/${shard.glob}: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: join(outputDir, SEARCH_DIR, shard.key) });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
        pages += added.page_count;
        built.set(shard.key, { fingerprint: shard.fingerprint, stamp: io.outputStamp(join(outputDir, SEARCH_DIR, shard.key, ENTRY_FILE)) });
      }
    } finally {
      await pagefind.close();
    }
  }
  await io.writeText(join(outputDir, SEARCH_DIR, SHARDS_FILE), `${JSON.stringify({ shards: shards.map((s) => `${s.key}/`) })}\n`);
  return { pages, reused, shards: built, written: toIndex.map((shard) => `${SEARCH_DIR}/${shard.key}`) };
}
