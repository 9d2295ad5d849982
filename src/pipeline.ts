// The pipeline's stages: dumps -> records (ingest) -> archive index -> rendered site -> search
// index, written into a staging folder and put in place at the end (what changed moved into the
// last build's site, or the whole site swapped in), so a failed build leaves the previous site as
// it was. `build()` (src/build.ts) checks the folders, takes the locks and skips
// all of this when nothing changed; the stages are loaded only when there is something to build.
import path from "node:path";
import v8 from "node:v8";
import { performance } from "node:perf_hooks";
import type { SiteConfig } from "./config.ts";
import { memoryBodies, packedBodies, type BodyStore } from "./ingest/body-store.ts";
import { IngestCache, type CachedResult } from "./ingest/cache.ts";
import { noFactsCache, openFactsCache, type FactsCache } from "./ingest/facts-cache.ts";
import { noRelatedCache, openRelatedCache, type RelatedCache } from "./ingest/related-cache.ts";
import { Crawls } from "./ingest/crawl.ts";
import { startIngest } from "./ingest/pool.ts";
import * as io from "./io.ts";
import { recordPathFor } from "./io.ts";
import { inLanes } from "./lanes.ts";
import type { ArticleRecord } from "./record/schema.ts";
import { readRecord, RecordError } from "./record/store.ts";
import { emptyReport, type BuildReport, type DumpFailure } from "./report.ts";
import type { Archive } from "./index/archive.ts";
import type { BodyFactsMemo } from "./index/body-facts.ts";
import type { RenderedSite } from "./render/site.ts";
import { pageFile } from "./render/pages.ts";
import type { BuiltSearch } from "./render/search.ts";
import { PAGES_FILE, readSiteCache, reportLines, writeSiteCache, type BuildOptions, type BuildResult } from "./build.ts";

/**
 * From this many dumps, the heap grows by at most a fifth between full collections (V8 lets it
 * grow up to fourfold, and a build's RSS is mostly garbage waiting for the next collection). At
 * 100,000 generated stories the cold build's peak RSS went from 3,697 to 2,875 MB (ingest 2,415
 * -> 2,186, index 2,738 -> 2,391, render 3,697 -> 2,875 MB; 260 -> 276 s, one run each); at 10,000
 * from 966-1,092 to 588-646 MB, but the render took 35-50% longer (9.5-9.7 -> 12.8-14.9 s, two
 * runs each), so smaller archives keep V8's default. A full collection forced between the index
 * and the render changed nothing (render peak 2,981 MB).
 */
const LARGE_ARCHIVE = 50_000;

/**
 * The index, render and search stages' modules: Eleventy, Pagefind's client, the tagger's tables.
 * Loaded while ingest's parsing starts (see `ingest`), so that this thread loads them while a
 * worker loads the parser on another core; about 0.4 s of an everyday build's start-up.
 */
interface LaterStages {
  archive: typeof import("./index/archive.ts");
  dedupe: typeof import("./index/dedupe.ts");
  site: typeof import("./render/site.ts");
  search: typeof import("./render/search.ts");
}
let laterStages: Promise<LaterStages> | null = null;
function loadLaterStages(): Promise<LaterStages> {
  laterStages ??= (async () => {
    const [archive, dedupe, site, search] = await Promise.all([import("./index/archive.ts"), import("./index/dedupe.ts"), import("./render/site.ts"), import("./render/search.ts")]);
    return { archive, dedupe, site, search };
  })();
  return laterStages;
}

/** How many dumps are read ahead of the parser; bounds memory while keeping workers busy. */
const IN_FLIGHT = 64;

export interface IngestOptions {
  timezone: string;
  /** Use records made by this same parser version for unchanged dumps (the cache). */
  reuse: boolean;
  /** Folder of the ingest cache (src/ingest/cache.ts); none: every dump is read. */
  cacheDir?: string;
  /** Stamps of the dumps and records taken at the start of the build; without them, ingest stamps the files itself. */
  stamps?: InputStamps;
  progress?: Progress;
}

/**
 * `io.fileStamp` of every dump in the listing and every record file, by path relative to the
 * content folder, taken once by `build()` (src/build.ts) before anything is read. Ingest keeps
 * `records` up to date as it writes and removes records: after it, they are the records the build
 * leaves, each with the stamp of what the build read or wrote.
 */
export interface InputStamps {
  dumps: ReadonlyMap<string, string | null>;
  records: Map<string, string | null>;
}

/** Called as a stage advances; the CLI draws it on a terminal. */
export type Progress = (stage: string, done: number, total: number) => void;

/** The stories ingest gives, and where each one's body as HTML is: its key in `bodies`, by dump path. */
export interface Ingested {
  records: ArticleRecord[];
  bodyKeys: Map<string, string>;
  bodies: BodyStore;
  /** What the last build's index read from the bodies (src/index/body-facts.ts), by body key; the index stage uses and replaces it. */
  facts: FactsCache;
  /**
   * The facts of this build's bodies: every record's description, reading time, 3-grams and
   * counted terms are in it when ingest ends. The records' own `body` is then empty, and their `provenance` holds only how the section was found: see `ingest`.
   */
  memo: BodyFactsMemo;
  /** A record's Markdown body, read again from its record file, for facts neither made at ingest nor kept by the facts cache. */
  bodyOf(record: ArticleRecord): string;
  /** What the last build's related-story scoring left (src/index/related.ts); the index stage uses and replaces it. */
  related: RelatedCache;
  /** Dumps read this time; the others were unchanged and came from the cache. */
  read: number;
}

/** Files the listing could not use go into the report: failures, or notes when nothing was lost. */
function reportListing(listing: io.Listing, report: BuildReport): void {
  for (const p of listing.problems) {
    if (p.note) report.notes.push({ file: p.file, message: `${p.file}: ${p.reason} (${p.hint})` });
    else report.failures.push({ file: p.file, line: 0, rule: "unreadable", message: p.reason, hint: p.hint });
  }
}

/** A dump (or its record) that cannot be read, as a failure naming it; the rest is built. */
function unreadable(file: string, error: unknown): DumpFailure {
  return { file, line: 0, rule: "unreadable", message: `cannot be read: ${io.describeError(error)}`, hint: "give the user running the build read permission (chmod a+r), or move it out of the content folder" };
}

/** Ingest: every dump becomes a record on disk (or a failure in the report). */
export async function ingest(contentDir: string, options: IngestOptions, report: BuildReport, listing?: io.Listing): Promise<Ingested> {
  listing ??= await io.listDumps(contentDir);
  reportListing(listing, report);
  // The parser starts first: see `startIngest`.
  const starting = startIngest();
  let crawls: Crawls;
  let files: string[];
  let cache: IngestCache | null;
  let bodies: BodyStore;
  try {
    // Crawls (WARC files) are indexed first; their pages are dumps of their own from here on.
    crawls = await Crawls.index(contentDir, listing.files, options.cacheDir);
    files = crawls.dumps(listing.files);
    cache = options.cacheDir === undefined ? null : await IngestCache.open(options.cacheDir, options.reuse);
    bodies = options.cacheDir === undefined ? memoryBodies() : await packedBodies(path.join(options.cacheDir, "bodies"));
  } catch (error) {
    await starting.cancel();
    throw error;
  }
  const recordFileOf = (file: string): string => path.join(contentDir, recordPathFor(file));

  // Unchanged dumps (same file stamps as last time) take their cached result without being read.
  // A record the build's listing did not find is stamped here (a new dump has none: null).
  const stampOf = (known: ReadonlyMap<string, string | null> | undefined, file: string): string | null => {
    const stamp = known?.get(file);
    return stamp !== undefined ? stamp : io.fileStamp(path.join(contentDir, file));
  };
  const stamps = files.map((file) => [crawls.stamp(file) ?? stampOf(options.stamps?.dumps, file), stampOf(options.stamps?.records, recordPathFor(file))] as const);
  const results: (CachedResult | undefined)[] = files.map((file, i) => {
    const cached = cache?.lookup(file, ...stamps[i]!);
    return cached && (cached.bodyKey === null || bodies.has(cached.bodyKey)) ? cached : undefined;
  });
  const toRead = files.flatMap((file, i) => (results[i] === undefined ? [i] : []));

  // The parsing starts here (in a worker, for a few dumps from the compiled copy: see
  // `startIngest`); meanwhile this thread reads the other caches and loads the later stages.
  const ingester = starting.choose(toRead.length);
  let done = files.length - toRead.length;
  loadLaterStages().catch(() => {});
  const opening = (async () => {
    const facts = options.cacheDir === undefined ? noFactsCache() : await openFactsCache(options.cacheDir, options.reuse);
    const related = options.cacheDir === undefined ? noRelatedCache() : await openRelatedCache(options.cacheDir, options.reuse);
    const { BodyFactsMemo } = await import("./index/body-facts.ts");
    return { facts, related, memo: new BodyFactsMemo(facts.known, facts.names) };
  })();
  opening.catch(() => {});
  // Bodies leave memory at ingest. A record's description, reading time, 3-grams and counted terms
  // are made as soon as it is read (or taken from the facts cache), and its `body` is emptied: they
  // are all the index reads of a body. (Related-story scoring asks for the 3-grams of nearly every
  // story, to tell copies: made from record files read again, they cost a cold 10,000-story index
  // 0.9 s more.) A body is read again from its record file (`bodyOf`) only for facts the cache
  // lost. The HTML is in the body store. Bodies were 44% of the records' heap after ingest (31 of
  // 70 MB at 10,000 bench stories), about 300 MB at 100,000, and 70% of the ingest cache's files
  // (52 MB at 10,000).
  const shelve = async (record: ArticleRecord, key: string): Promise<ArticleRecord> => {
    const { memo } = await opening;
    memo.grams(key, record.body);
    memo.terms(key, record.body);
    // Of the parser's provenance the index reads only how the section was found (the review
    // queue's "default section"); the rest was 30% of the ingest cache's JSON, read by every build.
    const section = record.provenance.section;
    const provenance: Record<string, string> = section === undefined ? {} : { section };
    return { ...record, body: "", provenance };
  };
  // Only a record taken from the ingest cache can lack facts (every record read this build has all
  // of them), and its record file is its dump's. A record file changed or removed since ingest
  // stamped it gives no body: its facts are then an empty body's, and the build's closing stamps
  // see the change, so the next build makes it again.
  const bodyOf = (record: ArticleRecord): string => {
    const text = io.readTextNow(recordFileOf(record.sourceFile));
    try {
      return text === null ? "" : readRecord(text).record.body;
    } catch (error) {
      if (error instanceof RecordError) return "";
      throw error;
    }
  };

  try {
    await inLanes(toRead, IN_FLIGHT, async (index) => {
      const file = files[index]!;
      const recordFile = recordFileOf(file);
      // A dump or record that cannot be read is reported, and the rest goes on.
      const skip = (failure: DumpFailure): void => {
        results[index] = { record: null, failure, correction: null, note: null, bodyKey: null };
        options.progress?.("ingest", ++done, files.length);
      };
      let bytes: Uint8Array;
      let existing: string | null;
      try {
        bytes = crawls.has(file) ? await crawls.read(file) : await io.readBytes(path.join(contentDir, file));
      } catch (error) {
        return skip(unreadable(file, error));
      }
      try {
        existing = await io.readTextIfExists(recordFile);
      } catch (error) {
        // A record that cannot be read may be a hand correction: it is neither used nor overwritten.
        const failure = unreadable(file, error);
        return skip({ ...failure, message: `its record ${recordPathFor(file)} ${failure.message}` });
      }
      const { write, html, ...decided } = await ingester.ingest({ file, bytes, existing, timezone: options.timezone, reuse: options.reuse, origin: crawls.origin(file) });
      if (html) await bodies.put(html.key, html.text);
      const record = decided.record && html ? await shelve(decided.record, html.key) : decided.record;
      const result: CachedResult = { ...decided, record, bodyKey: html?.key ?? null };
      if (write !== null) await io.writeText(recordFile, write);
      else if (!result.record && existing !== null && !result.correction && !result.note) {
        // The dump no longer parses: its old generated record must not keep a stale story alive.
        await io.removeFile(recordFile);
      }
      results[index] = result;
      const recordStamp = io.fileStamp(recordFile);
      if (recordStamp === null) options.stamps?.records.delete(recordPathFor(file));
      else options.stamps?.records.set(recordPathFor(file), recordStamp);
      cache?.set(file, { dump: stamps[index]![0] ?? "", record: recordStamp, result });
      options.progress?.("ingest", ++done, files.length);
    });
  } finally {
    await ingester.close();
  }
  if (cache) {
    cache.keepOnly(new Set(files));
    await cache.save();
  }

  const records: ArticleRecord[] = [];
  const bodyKeys = new Map<string, string>();
  for (const result of results) {
    if (!result) continue;
    if (result.failure) report.failures.push(result.failure);
    if (result.correction) report.corrections.push(result.correction);
    if (result.note) report.notes.push(result.note);
    if (result.record) {
      records.push(result.record);
      if (result.bodyKey !== null) bodyKeys.set(result.record.sourceFile, result.bodyKey);
    }
  }
  crawls.report(report);
  // Records whose dump is gone: generated ones go with it; hand-made or corrected ones stay.
  const live = new Set(files.map(recordPathFor));
  // Records made during this build belong to live dumps: the listing from its start serves.
  for (const recordFile of options.stamps ? [...options.stamps.records.keys()] : await io.listRecords(contentDir)) {
    if (live.has(recordFile)) continue;
    const full = path.join(contentDir, recordFile);
    const text = await io.readTextIfExists(full);
    if (text === null) continue;
    try {
      const { record, generated } = readRecord(text);
      if (generated) {
        await io.removeFile(full);
        options.stamps?.records.delete(recordFile);
        continue;
      }
      const html = await (await import("./ingest/ingest.ts")).bodyHtmlLoading(record.body);
      await bodies.put(html.key, html.text);
      records.push(await shelve(record, html.key));
      bodyKeys.set(record.sourceFile, html.key);
      report.notes.push({ file: recordFile, message: `its dump ${record.sourceFile} is gone; the hand-edited record was kept` });
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      report.notes.push({ file: recordFile, message: `${recordFile}:${error.line}: ${error.message} (${error.hint})` });
    }
  }
  await bodies.keepOnly(new Set(bodyKeys.values()));
  const { facts, related, memo } = await opening;
  return { records, bodyKeys, bodies, facts, memo, bodyOf, related, read: toRead.length };
}

/**
 * Index: duplicates merged, then the archive (dates, sections, tags, related stories, links). What
 * both steps read from the bodies is made once, by body key, and kept for the next build, as is
 * what related-story scoring leaves for the next build to recompute only what changed.
 */
export async function index(ingested: Ingested, report: BuildReport, config: SiteConfig, writes?: Promise<void>[]): Promise<Archive> {
  const { bodyKeys } = ingested;
  const bodyKey = (record: ArticleRecord): string => {
    const key = bodyKeys.get(record.sourceFile);
    if (key === undefined) throw new Error(`internal: ingest gave no body for ${record.sourceFile}`);
    return key;
  };
  const { memo, bodyOf } = ingested;
  const facts = {
    summary: (record: ArticleRecord) => memo.summary(bodyKey(record), () => bodyOf(record)),
    grams: (record: ArticleRecord) => memo.grams(bodyKey(record), () => bodyOf(record)),
    terms: (record: ArticleRecord) => memo.terms(bodyKey(record), () => bodyOf(record)),
  };
  const { archive: { buildArchive }, dedupe: { mergeDuplicates } } = await loadLaterStages();
  const merged = mergeDuplicates(ingested.records, facts.grams);
  report.duplicates = merged.duplicates;
  const related = { previous: ingested.related.previous, next: null };
  const archive = buildArchive(merged.records, report, config, bodyKey, facts, related);
  // Given `writes`, the caches are written while the build goes on, and the caller awaits them.
  const saving = Promise.all([ingested.facts.save(memo.used), related.next !== null ? ingested.related.save(related.next) : null]).then(() => {});
  if (writes) writes.push(saving);
  else await saving;
  return archive;
}

/**
 * What moves into the last build's site and what leaves it: the files written (story and list
 * pages first, then the pages made from the whole archive, feeds and assets, so no page links to
 * one not there yet) and the search shards indexed again; the pages and files this build no longer
 * has, and search shards gone (all of them when this build has no search).
 */
async function siteUpdate(siteDir: string, last: { pages: [string, string, string][]; others: string[] }, rendered: RenderedSite, search: BuiltSearch | null): Promise<io.SiteUpdate> {
  const { SEARCH_DIR, SHARDS_FILE } = (await loadLaterStages()).search;
  const others = new Set(rendered.others);
  const files = [...rendered.written.filter((f) => !others.has(f)), ...rendered.others];
  if (search) files.push(`${SEARCH_DIR}/${SHARDS_FILE}`);
  const gone = [
    ...last.pages.filter(([url]) => !rendered.builtPages.has(url)).map(([url]) => path.relative(siteDir, pageFile(siteDir, url))),
    ...last.others.filter((f) => !others.has(f)),
  ];
  const shardsThere = ((await io.entriesOf(path.join(siteDir, SEARCH_DIR))) ?? []).filter((name) => name !== SHARDS_FILE).map((name) => `${SEARCH_DIR}/${name}`);
  const goneFolders = search ? shardsThere.filter((folder) => !search.shards.has(folder.slice(SEARCH_DIR.length + 1))) : [SEARCH_DIR];
  return { files, folders: [...(search?.written ?? [])].sort(), gone, goneFolders };
}

/** Every stage, into a staging folder put in place at the end (after `clearing`, the removal of the site a swap left beside it). */
export async function runPipeline(
  options: BuildOptions,
  config: SiteConfig,
  cacheDir: string,
  listing: io.Listing,
  clearing: Promise<void>,
  stamps?: InputStamps,
  /** Work for after ingest that can run while Pagefind indexes (the build's closing stamps, src/build.ts). */
  whileSearching?: () => Promise<unknown>,
): Promise<BuildResult> {
  if (listing.files.length >= LARGE_ARCHIVE) v8.setFlagsFromString("--heap-growing-percent=20");
  const log = options.log ?? (() => {});
  const report = emptyReport();
  const timings = { ingest: 0, index: 0, render: 0, search: 0, swap: 0, total: 0 };
  const start = performance.now();
  let t = performance.now();
  const lap = (stage: keyof typeof timings): void => {
    const now = performance.now();
    timings[stage] = Math.round(now - t);
    t = now;
  };

  const stampFile = path.join(cacheDir, "ingest.json");
  // Records are reusable while the code that made them and the timezone they were read in stay the same.
  const stampText = JSON.stringify({ version: await io.codeVersion("ingest"), timezone: config.timezone });
  const stamp = await io.readTextIfExists(stampFile);
  const reuse = (options.cache ?? true) && stamp !== null && stamp.trim() === stampText;
  let ingested: Ingested | null = await ingest(config.contentDir, { timezone: config.timezone, reuse, cacheDir, progress: options.progress, stamps }, report, listing);
  await io.writeText(stampFile, `${stampText}\n`);
  lap("ingest");
  log(`ingest: ${ingested.records.length} records (${ingested.read} dumps read, the others unchanged), ${report.failures.length} dumps reported`);

  // The caches the index leaves are written while the render runs, except at a size where the
  // related-story state (about 4.6 MB a thousand stories) would sit in memory next to the render's
  // peak: see `LARGE_ARCHIVE`.
  const writes: Promise<void>[] = [];
  const archive = await index(ingested, report, config, listing.files.length < LARGE_ARCHIVE ? writes : undefined);
  const written = Promise.all(writes).then(() => {});
  written.catch(() => {});
  const { bodies } = ingested;
  // The records (with their Markdown bodies) are let go here: the archive holds what the pages
  // need, and their HTML waits in the body store, so at 100,000 stories the bodies are not in
  // memory during the render.
  ingested = null;
  lap("index");

  const { site: { renderSite }, search: { buildSearchIndex, searchFiles, searchShards } } = await loadLaterStages();
  const pagesFile = path.join(cacheDir, PAGES_FILE);
  const searchFile = path.join(cacheDir, "search.json");
  const renderVersion = await io.codeVersion("render");
  const cached = (options.cache ?? true) ? await readSiteCache<[string, string, string]>(pagesFile, config.outputDir) : null;
  // With the last build's site and the list of all it wrote, only what changed is written, into a
  // staging folder, and moved into the site at the end (`io.updateInPlace`); without, the whole
  // site is written into the staging folder, which then takes the site's place (`io.swapInto`).
  const lastSite = cached && cached.others !== null && (await io.kindOf(config.outputDir)) === "folder" ? { pages: cached.rows, others: cached.others } : null;
  const previous = cached && { siteDir: config.outputDir, pages: new Map(cached.rows.map(([url, fingerprint, stamp]) => [url, { fingerprint, stamp }])), inPlace: lastSite !== null };
  const staging = await io.makeStagingDir(config.outputDir);
  let rendered: RenderedSite;
  let searched: string[] = [];
  try {
    rendered = await (options.stages?.render ?? renderSite)(archive, config, staging, {
      progress: options.progress,
      bodies,
      previous,
      codeVersion: renderVersion,
    });
    lap("render");
    log(`render: ${rendered.pages} pages (${rendered.reused} unchanged since the last build)`);
    let search: BuiltSearch | null = null;
    if (options.search ?? true) {
      const shardRows = (options.cache ?? true) ? (await readSiteCache<[string, string, string | null]>(searchFile, config.outputDir))?.rows : undefined;
      const shards = new Map(shardRows?.map(([key, fingerprint, stamp]) => [key, { fingerprint, stamp: stamp ?? null }]));
      const previousSearch = (shardRows || lastSite) && { siteDir: config.outputDir, shards, inPlace: lastSite !== null };
      [search] = await Promise.all([
        (options.stages?.search ?? buildSearchIndex)(staging, { shards: searchShards(archive, config, renderVersion, rendered.indexedDigests), previous: previousSearch }),
        whileSearching?.(),
      ]);
      lap("search");
      log(`search: ${search.shards.size} shard(s), ${search.reused} unchanged since the last build`);
    }
    await Promise.all([clearing, written]);
    if (lastSite) {
      // The records of the site go first: a build stopped while the files move leaves a mix, which the next build replaces whole.
      await Promise.all([io.removeFile(pagesFile), io.removeFile(searchFile)]);
      await io.updateInPlace(staging, config.outputDir, await siteUpdate(config.outputDir, lastSite, rendered, search));
    } else await io.swapInto(staging, config.outputDir);
    await writeSiteCache(pagesFile, config.outputDir, [...rendered.builtPages].map(([url, p]) => [url, p.fingerprint, p.stamp]), rendered.others);
    if (search) searched = searchFiles(search.shards);
    if (search) await writeSiteCache(searchFile, config.outputDir, [...search.shards].map(([key, { fingerprint, stamp }]) => [key, fingerprint, stamp]));
    else await io.removeFile(searchFile);
    lap("swap");
  } catch (error) {
    await Promise.all([io.removeDir(staging), written.catch(() => {})]);
    throw error;
  } finally {
    bodies.close();
  }

  const undated = archive.articles.flatMap((a) => (a.date === null ? [{ file: a.sourceFiles[0]!, url: a.url }] : []));
  const lines = reportLines(report, undated);
  for (const line of lines) log(line);
  timings.total = Math.round(performance.now() - start);
  return { stories: archive.articles.length, pages: rendered.pages, reusedPages: rendered.reused, report, lines, otherFiles: [...rendered.others, ...searched], timings, upToDate: false };
}
