// The pipeline in one place: dumps -> records (ingest) -> archive index -> rendered site -> search
// index. Builds into a staging folder and swaps it in at the end, so a failed build leaves the
// previous site as it was.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { resolveConfig, type SiteConfig } from "./config.ts";
import { recordPathFor, type IngestResult } from "./ingest.ts";
import { ingesterFor } from "./ingest-pool.ts";
import * as io from "./io.ts";
import type { ArticleRecord } from "./record/schema.ts";
import { readRecord, RecordError } from "./record/store.ts";
import { emptyReport, formatFailure, type BuildReport } from "./report.ts";
import { buildArchive } from "./index/archive.ts";
import { mergeDuplicates } from "./index/dedupe.ts";
import { renderSite } from "./render/site.ts";
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
  report: BuildReport;
  /** Milliseconds per stage. */
  timings: Record<"ingest" | "index" | "render" | "search", number>;
}

/** How many dumps are read ahead of the parser; bounds memory while keeping workers busy. */
const IN_FLIGHT = 64;

export interface IngestOptions {
  timezone: string;
  /** Use records made by this same parser version for unchanged dumps (the cache). */
  reuse: boolean;
  progress?: Progress;
}

/** Called as a stage advances; the CLI draws it on a terminal. */
export type Progress = (stage: string, done: number, total: number) => void;

/** Ingest: every dump becomes a record on disk (or a failure in the report). */
export async function ingest(contentDir: string, options: IngestOptions, report: BuildReport): Promise<ArticleRecord[]> {
  const files = await io.listDumps(contentDir);
  const results: IngestResult[] = new Array(files.length);
  const ingester = ingesterFor(files.length);
  let done = 0;
  try {
    let cursor = 0;
    const lane = async (): Promise<void> => {
      while (cursor < files.length) {
        const index = cursor++;
        const file = files[index]!;
        const recordFile = path.join(contentDir, recordPathFor(file));
        const [bytes, existing] = await Promise.all([io.readBytes(path.join(contentDir, file)), io.readTextIfExists(recordFile)]);
        const result = await ingester.ingest({ file, bytes, existing, timezone: options.timezone, reuse: options.reuse });
        if (result.write !== null) await io.writeText(recordFile, result.write);
        else if (!result.record && existing !== null && !result.correction && !result.note) {
          // The dump no longer parses: its old generated record must not keep a stale story alive.
          await io.removeFile(recordFile);
        }
        results[index] = result;
        options.progress?.("ingest", ++done, files.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, lane));
  } finally {
    await ingester.close();
  }

  const records: ArticleRecord[] = [];
  for (const result of results) {
    if (result.failure) report.failures.push(result.failure);
    if (result.correction) report.corrections.push(result.correction);
    if (result.note) report.notes.push(result.note);
    if (result.record) records.push(result.record);
  }
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
      report.notes.push({ file: recordFile, message: `its dump ${record.sourceFile} is gone; the hand-edited record was kept` });
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      report.notes.push({ file: recordFile, message: `${recordFile}:${error.line}: ${error.message} (${error.hint})` });
    }
  }
  return records;
}

/** `build = render(index(records(parse(dumps))))`, with timings and a report. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const config = resolveConfig({ ...options.config, contentDir: options.contentDir, outputDir: options.outputDir });
  const report = emptyReport();
  const timings = { ingest: 0, index: 0, render: 0, search: 0 };
  let t = performance.now();
  const lap = (stage: keyof typeof timings): void => {
    const now = performance.now();
    timings[stage] = Math.round(now - t);
    t = now;
  };

  const stampFile = path.join(config.cacheDir ?? path.join(config.contentDir, ".morgue-cache"), "ingest.json");
  // Records are reusable while the code that made them and the timezone they were read in stay the same.
  const stampText = JSON.stringify({ version: await io.sourceVersion(), timezone: config.timezone });
  const stamp = await io.readTextIfExists(stampFile);
  const reuse = (options.cache ?? true) && stamp !== null && stamp.trim() === stampText;
  const records = await ingest(config.contentDir, { timezone: config.timezone, reuse, progress: options.progress }, report);
  await io.writeText(stampFile, `${stampText}\n`);
  lap("ingest");
  log(`ingest: ${records.length} records, ${report.failures.length} dumps reported`);

  const merged = mergeDuplicates(records);
  report.duplicates = merged.duplicates;
  const archive = buildArchive(merged.records, report, config);
  lap("index");

  const staging = await io.makeStagingDir(config.outputDir);
  let pages: number;
  try {
    ({ pages } = await (options.stages?.render ?? renderSite)(archive, config, staging, { progress: options.progress }));
    lap("render");
    log(`render: ${pages} pages`);
    if (options.search ?? true) {
      await (options.stages?.search ?? buildSearchIndex)(staging);
      lap("search");
      log("search: index written");
    }
    await io.swapInto(staging, config.outputDir);
  } catch (error) {
    await io.removeDir(staging);
    throw error;
  }

  for (const f of report.failures) log(`not built: ${formatFailure(f)}`);
  for (const c of report.corrections) {
    log(`kept hand correction: ${c.record} (${c.fields.join(", ") || "no field differs from the dump"})${c.dumpChanged ? "; its dump changed since" : ""}`);
  }
  for (const d of report.duplicates) log(`same story: ${d.also.join(", ")} built once, from ${d.kept}`);
  for (const n of report.notes) log(`note: ${n.message}`);
  return { stories: merged.records.length, pages, report, timings };
}
