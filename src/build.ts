// The pipeline in one place: dumps -> records (ingest) -> archive index -> rendered site -> search
// index. Builds into a staging folder and swaps it in at the end, so a failed build leaves the
// previous site as it was.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { resolveConfig, type SiteConfig } from "./config.ts";
import { bodyHtml, recordPathFor } from "./ingest.ts";
import { memoryBodies, packedBodies, type BodyStore } from "./body-store.ts";
import { IngestCache, type CachedResult } from "./ingest-cache.ts";
import { Crawls } from "./ingest-crawl.ts";
import { ingesterFor } from "./ingest-pool.ts";
import * as io from "./io.ts";
import { inLanes } from "./lanes.ts";
import type { ArticleRecord } from "./record/schema.ts";
import { readRecord, RecordError } from "./record/store.ts";
import { emptyReport, formatFailure, type BuildReport } from "./report.ts";
import { buildArchive, type Archive } from "./index/archive.ts";
import { mergeDuplicates } from "./index/dedupe.ts";
import { renderSite, type StoryPages } from "./render/site.ts";
import { buildSearchIndex } from "./render/search.ts";

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Settings over the defaults (see config.ts). */
  config?: Partial<SiteConfig>;
  /** Build the Pagefind search index (default true). */
  search?: boolean;
  /** Reuse records of unchanged dumps made by this parser version (default true). */
  cache?: boolean;
  /** Where the summary goes; silent when omitted. */
  log?: (line: string) => void;
  progress?: Progress;
  /** Stand-ins for the render and search stages (tests use them to make a stage fail). */
  stages?: Partial<{ render: typeof renderSite; search: typeof buildSearchIndex }>;
}

export interface BuildResult {
  stories: number;
  pages: number;
  /** Story pages taken unchanged from the last build instead of being rendered. */
  reusedPages: number;
  report: BuildReport;
  /** Milliseconds per stage; `swap` puts the new site in place and removes the old one; `total` is all of it. */
  timings: Record<"ingest" | "index" | "render" | "search" | "swap" | "total", number>;
}

/** How many dumps are read ahead of the parser; bounds memory while keeping workers busy. */
const IN_FLIGHT = 64;

export interface IngestOptions {
  timezone: string;
  /** Use records made by this same parser version for unchanged dumps (the cache). */
  reuse: boolean;
  /** Folder of the ingest cache (src/ingest-cache.ts); none: every dump is read. */
  cacheDir?: string;
  progress?: Progress;
}

/** Called as a stage advances; the CLI draws it on a terminal. */
export type Progress = (stage: string, done: number, total: number) => void;

/** The stories ingest gives, and where each one's body as HTML is: its key in `bodies`, by dump path. */
export interface Ingested {
  records: ArticleRecord[];
  bodyKeys: Map<string, string>;
  bodies: BodyStore;
  /** Dumps read this time; the others were unchanged and came from the cache. */
  read: number;
}

/** Ingest: every dump becomes a record on disk (or a failure in the report). */
export async function ingest(contentDir: string, options: IngestOptions, report: BuildReport): Promise<Ingested> {
  const listed = await io.listDumps(contentDir);
  // Crawls (WARC files) are indexed first; their pages are dumps of their own from here on.
  const crawls = await Crawls.index(contentDir, listed, options.cacheDir);
  const files = crawls.dumps(listed);
  const cache = options.cacheDir === undefined ? null : await IngestCache.open(options.cacheDir, options.reuse);
  const bodies = options.cacheDir === undefined ? memoryBodies() : await packedBodies(path.join(options.cacheDir, "bodies"));
  const recordFileOf = (file: string): string => path.join(contentDir, recordPathFor(file));

  // Unchanged dumps (same file stamps as last time) take their cached result without being read.
  const stamps = files.map((file) => [crawls.stamp(file) ?? io.fileStamp(path.join(contentDir, file)), io.fileStamp(recordFileOf(file))] as const);
  const results: (CachedResult | undefined)[] = files.map((file, i) => {
    const cached = cache?.lookup(file, ...stamps[i]!);
    return cached && (cached.bodyKey === null || bodies.has(cached.bodyKey)) ? cached : undefined;
  });
  const toRead = files.flatMap((file, i) => (results[i] === undefined ? [i] : []));

  const ingester = ingesterFor(toRead.length);
  let done = files.length - toRead.length;
  try {
    await inLanes(toRead, IN_FLIGHT, async (index) => {
      const file = files[index]!;
      const recordFile = recordFileOf(file);
      const [bytes, existing] = await Promise.all([crawls.has(file) ? crawls.read(file) : io.readBytes(path.join(contentDir, file)), io.readTextIfExists(recordFile)]);
      const { write, html, ...decided } = await ingester.ingest({ file, bytes, existing, timezone: options.timezone, reuse: options.reuse, origin: crawls.origin(file) });
      if (html) await bodies.put(html.key, html.text);
      const result: CachedResult = { ...decided, bodyKey: html?.key ?? null };
      if (write !== null) await io.writeText(recordFile, write);
      else if (!result.record && existing !== null && !result.correction && !result.note) {
        // The dump no longer parses: its old generated record must not keep a stale story alive.
        await io.removeFile(recordFile);
      }
      results[index] = result;
      cache?.set(file, { dump: stamps[index]![0] ?? "", record: io.fileStamp(recordFile), result });
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
  for (const recordFile of await io.listRecords(contentDir)) {
    if (live.has(recordFile)) continue;
    const full = path.join(contentDir, recordFile);
    const text = await io.readTextIfExists(full);
    if (text === null) continue;
    try {
      const { record, generated } = readRecord(text);
      if (generated) {
        await io.removeFile(full);
        continue;
      }
      records.push(record);
      const html = bodyHtml(record.body);
      await bodies.put(html.key, html.text);
      bodyKeys.set(record.sourceFile, html.key);
      report.notes.push({ file: recordFile, message: `its dump ${record.sourceFile} is gone; the hand-edited record was kept` });
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      report.notes.push({ file: recordFile, message: `${recordFile}:${error.line}: ${error.message} (${error.hint})` });
    }
  }
  await bodies.keepOnly(new Set(bodyKeys.values()));
  return { records, bodyKeys, bodies, read: toRead.length };
}

/** The story pages of the site in `siteDir` as the last build left them; null when it was another folder. */
async function readStoryPages(file: string, siteDir: string): Promise<{ siteDir: string; pages: StoryPages } | null> {
  const text = await io.readTextIfExists(file);
  try {
    const saved = text === null ? null : (JSON.parse(text) as { site: string; pages: [string, string, string][] });
    if (saved?.site !== path.resolve(siteDir)) return null;
    return { siteDir, pages: new Map(saved.pages.map(([url, fingerprint, stamp]) => [url, { fingerprint, stamp }])) };
  } catch {
    return null;
  }
}

function writeStoryPages(file: string, siteDir: string, pages: StoryPages): Promise<void> {
  const rows = [...pages].map(([url, p]) => [url, p.fingerprint, p.stamp]);
  return io.writeText(file, `${JSON.stringify({ site: path.resolve(siteDir), pages: rows })}\n`);
}

/** Index: duplicates merged, then the archive (dates, sections, tags, related stories, links). */
export function index(ingested: Ingested, report: BuildReport, config: SiteConfig): Archive {
  const merged = mergeDuplicates(ingested.records);
  report.duplicates = merged.duplicates;
  const { bodyKeys } = ingested;
  return buildArchive(merged.records, report, config, (record) => {
    const key = bodyKeys.get(record.sourceFile);
    if (key === undefined) throw new Error(`internal: ingest gave no body for ${record.sourceFile}`);
    return key;
  });
}

/** `build = render(index(records(parse(dumps))))`, with timings and a report. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const config = resolveConfig({ ...options.config, contentDir: options.contentDir, outputDir: options.outputDir });
  // Runs beside the whole build; awaited before the swap (see `io.removePreviousSite`). A failure
  // here shows again, with its message, when the swap removes the folder itself.
  const clearing = io.removePreviousSite(config.outputDir).catch(() => {});
  try {
    return await buildWith(options, config, clearing);
  } finally {
    await clearing;
  }
}

async function buildWith(options: BuildOptions, config: SiteConfig, clearing: Promise<void>): Promise<BuildResult> {
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

  const cacheDir = config.cacheDir ?? path.join(config.contentDir, ".morgue-cache");
  const stampFile = path.join(cacheDir, "ingest.json");
  // Records are reusable while the code that made them and the timezone they were read in stay the same.
  const stampText = JSON.stringify({ version: await io.codeVersion("ingest"), timezone: config.timezone });
  const stamp = await io.readTextIfExists(stampFile);
  const reuse = (options.cache ?? true) && stamp !== null && stamp.trim() === stampText;
  let ingested: Ingested | null = await ingest(config.contentDir, { timezone: config.timezone, reuse, cacheDir, progress: options.progress }, report);
  await io.writeText(stampFile, `${stampText}\n`);
  lap("ingest");
  log(`ingest: ${ingested.records.length} records (${ingested.read} dumps read, the others unchanged), ${report.failures.length} dumps reported`);

  const archive = index(ingested, report, config);
  const { bodies } = ingested;
  // The records (with their Markdown bodies) are let go here: the archive holds what the pages
  // need, and their HTML waits in the body store, so at 100,000 stories the bodies are not in
  // memory during the render.
  ingested = null;
  lap("index");

  const pagesFile = path.join(cacheDir, "pages.json");
  const previous = (options.cache ?? true) ? await readStoryPages(pagesFile, config.outputDir) : null;
  const staging = await io.makeStagingDir(config.outputDir);
  let pages: number;
  let reused: number;
  let storyPages: StoryPages;
  try {
    ({ pages, reused, storyPages } = await (options.stages?.render ?? renderSite)(archive, config, staging, {
      progress: options.progress,
      bodies,
      previous,
      codeVersion: await io.codeVersion("render"),
    }));
    lap("render");
    log(`render: ${pages} pages (${reused} story pages unchanged since the last build)`);
    if (options.search ?? true) {
      await (options.stages?.search ?? buildSearchIndex)(staging);
      lap("search");
      log("search: index written");
    }
    await clearing;
    await io.swapInto(staging, config.outputDir);
    await writeStoryPages(pagesFile, config.outputDir, storyPages);
    lap("swap");
  } catch (error) {
    await io.removeDir(staging);
    throw error;
  } finally {
    bodies.close();
  }

  for (const f of report.failures) log(`not built: ${formatFailure(f)}`);
  for (const c of report.corrections) {
    log(`kept hand correction: ${c.record} (${c.fields.join(", ") || "no field differs from the dump"})${c.dumpChanged ? "; its dump changed since" : ""}`);
  }
  for (const d of report.duplicates) log(`same story: ${d.also.join(", ")} built once, from ${d.kept}`);
  for (const n of report.notes) log(`note: ${n.message}`);
  timings.total = Math.round(performance.now() - start);
  return { stories: archive.articles.length, pages, reusedPages: reused, report, timings };
}
