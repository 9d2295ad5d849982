// The `build` command's frame around the pipeline (src/pipeline.ts): the folders are checked and
// locked before anything is touched, and a build whose inputs (dumps, records, settings, code) are
// stamp for stamp those of the last finished build, with that build's site still in place, does
// nothing: it says so and repeats that build's report. Only a build with something to do loads
// the pipeline's stages (Eleventy, Pagefind, the parsers), which is most of a build's start-up time.
import { createHash } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { resolveConfig, type SiteConfig } from "./config.ts";
import { UserError } from "./errors.ts";
import * as io from "./io.ts";
import { formatFailure, type BuildReport } from "./report.ts";
import type { InputStamps, Progress } from "./pipeline.ts";
import { pageFile } from "./render/pages.ts";
import type { renderSite } from "./render/site.ts";
import type { buildSearchIndex } from "./render/search.ts";

export type { Ingested, IngestOptions, Progress } from "./pipeline.ts";
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
  /** Pages (stories, days, months, years, section and tag pages) taken unchanged from the last build instead of being rendered. */
  reusedPages: number;
  report: BuildReport;
  /** The report as the build printed it, a line per failure, correction, duplicate, note and undated story. */
  lines: string[];
  /** True when nothing changed since the last build and the site was left as it was. */
  upToDate: boolean;
  /** Files of the site besides story and paged pages (home, feeds, catalog, assets...; the search index's shard list and each shard's entry file), relative to the output folder. */
  otherFiles: string[];
  /** Milliseconds per stage; `swap` puts the new site in place (what changed moved into the site, or the whole folder swapped); `total` is all of it. */
  timings: Record<"ingest" | "index" | "render" | "search" | "swap" | "total", number>;
}

/** The folders a build reads and writes, with every symbolic link resolved. */
export interface BuildFolders {
  content: string;
  output: string;
  cache: string;
}

const inside = (child: string, parent: string): boolean => child !== parent && child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/**
 * Why these folders cannot be built with, or null. The swap moves the output folder aside and the
 * next build deletes it, so an output folder that is, holds or lies inside the content folder
 * would take the dumps with it (or be read as dumps); the cache must survive the swap too.
 */
export function folderConflict(real: BuildFolders, given: { content: string; output: string; cache: string }): UserError | null {
  const hint = "give --output (outputDir) a folder of its own, outside the content folder, such as _site";
  if (real.output === real.content) return new UserError(given.output, "the output folder is the content folder: building there would replace the dumps", hint);
  if (inside(real.content, real.output)) return new UserError(given.output, `the output folder holds the content folder ${given.content}: building there would move the dumps away`, hint);
  if (inside(real.output, real.content)) return new UserError(given.output, `the output folder is inside the content folder ${given.content}: the next build would read its pages as dumps`, hint);
  if (real.cache === real.output || inside(real.cache, real.output)) return new UserError(given.cache, `the cache folder is inside the output folder ${given.output}: each build replaces that folder`, "set cacheDir to a folder outside the output folder, or leave it unset");
  if (inside(real.output, real.cache)) return new UserError(given.output, `the output folder is inside the cache folder ${given.cache}`, hint);
  return null;
}

/** The locks of one build: the content folder's cache and the output folder, taken in that order. */
async function lockFolders(folders: BuildFolders): Promise<io.Lock[]> {
  const locks: io.Lock[] = [];
  const files = [path.join(folders.cache, "build.lock"), path.join(path.dirname(folders.output), `.${path.basename(folders.output)}.lock`)];
  for (const file of files) {
    const lock = await io.acquireLock(file);
    if ("release" in lock) {
      locks.push(lock);
      continue;
    }
    await Promise.all(locks.map((l) => l.release()));
    throw new UserError(
      file,
      `another build is running (pid ${lock.pid}${lock.host ? ` on ${lock.host}` : ""}, since ${lock.started})`,
      "wait for it to finish; if no build is running, delete this lock file",
    );
  }
  return locks;
}

/** Checks the folders before anything is touched: a refused build changes nothing. */
async function checkFolders(config: SiteConfig, cacheDir: string): Promise<BuildFolders> {
  const content = await io.kindOf(config.contentDir);
  const contentHint = "check --content (or contentDir in the settings); dumps go in this folder";
  if (content === "missing") throw new UserError(config.contentDir, "the content folder does not exist", contentHint);
  if (content === "file") throw new UserError(config.contentDir, "the content folder is a file, not a folder", contentHint);
  if (typeof content === "object") throw new UserError(config.contentDir, `the content folder cannot be read: ${content.error}`, "give the user running the build read permission");
  const folders = { content: await io.realPath(config.contentDir), output: await io.realPath(config.outputDir), cache: await io.realPath(cacheDir) };
  const conflict = folderConflict(folders, { content: config.contentDir, output: config.outputDir, cache: cacheDir });
  if (conflict) throw conflict;
  if (path.dirname(folders.output) === folders.output) throw new UserError(config.outputDir, "the output folder is the root of the file system", "give --output a folder of its own, such as _site");
  if ((await io.kindOf(config.outputDir)) === "file") throw new UserError(config.outputDir, "the output folder is a file; a build would replace it", "give --output (outputDir) a folder of its own, such as _site");
  // A full build replaces the whole output folder: a folder of other files must not be taken for a site.
  const entries = await io.entriesOf(config.outputDir);
  if (entries !== null && entries.length > 0 && !entries.includes("catalog.json")) {
    throw new UserError(config.outputDir, `the output folder holds ${entries.length} file(s) but no site morgue built (no catalog.json); a build would replace them`, "choose a new or empty folder for the site, or move those files away");
  }
  return folders;
}

/** Where the cache folder keeps the record of the last finished build. */
const LAST_BUILD_FILE = "last-build.json";
/** Where it keeps the story and list pages of the last build's site, with their fingerprints and file stamps. */
export const PAGES_FILE = "pages.json";

/** What the last finished build was made from, the stamp of the site it left, and what it reported. */
interface LastBuild {
  inputs: string;
  site: string;
  /** `io.outputStamp` of each of the site's other files (`BuildResult.otherFiles`), catalog.json among them. */
  others: [file: string, stamp: string | null][];
  result: Pick<BuildResult, "stories" | "pages" | "report" | "lines" | "otherFiles">;
}

/** The file stamp (size, times, inode) of each of `files`, by path relative to the content folder. */
function stampFiles(contentDir: string, files: readonly string[]): Map<string, string | null> {
  return new Map(files.map((file) => [file, io.fileStamp(path.join(contentDir, file))]));
}

/** Every dump's path and file stamp, and what could not be listed. */
function dumpsDigest(stamps: ReadonlyMap<string, string | null>, listing: io.Listing): string {
  const hash = createHash("sha256");
  for (const [file, stamp] of stamps) hash.update(`${file}\0${stamp}\n`);
  for (const p of listing.problems) hash.update(`${p.file}\0${p.reason}\0${p.note ?? ""}\n`);
  return hash.digest("hex");
}

/** Everything a build is made from: the dumps, the records (edited by hand or not, with their stamps), the settings and the code. */
async function inputsDigest(config: SiteConfig, options: BuildOptions, dumps: string, records: ReadonlyMap<string, string | null>): Promise<string> {
  const hash = createHash("sha256").update(dumps);
  // In path order: records a build wrote were added to the map after the others.
  for (const [record, stamp] of [...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${record}\0${stamp}\n`);
  hash.update(await io.codeVersion("ingest")).update(await io.codeVersion("render"));
  return hash.update(JSON.stringify(config)).update(`search:${options.search ?? true}`).digest("hex");
}

/**
 * The last build's result when this build has nothing to do: the same inputs, and its site still in
 * the output folder as it left it (the stamps of every file it rendered). Its report is printed again, so
 * a dump that could not be built is never forgotten because nothing changed.
 */
async function lastBuildIfUpToDate(cacheDir: string, config: SiteConfig, options: BuildOptions, dumps: string, stamps: InputStamps, start: number): Promise<BuildResult | null> {
  let last: LastBuild;
  try {
    const text = await io.readTextIfExists(path.join(cacheDir, LAST_BUILD_FILE));
    if (text === null) return null;
    last = JSON.parse(text) as LastBuild;
  } catch {
    return null;
  }
  if (last.site !== path.resolve(config.outputDir) || !Array.isArray(last.others) || last.others.length === 0) return null;
  // Every file it wrote is as it left it: one changed by hand in the site is made again.
  if (last.others.some(([file, stamp]) => stamp === null || io.outputStamp(path.join(config.outputDir, file)) !== stamp)) return null;
  if (last.inputs !== (await inputsDigest(config, options, dumps, stamps.records))) return null;
  const built = (await readSiteCache<[string, string, string]>(path.join(cacheDir, PAGES_FILE), config.outputDir))?.rows;
  if (built === undefined || built.some(([url, , stamp]) => io.outputStamp(pageFile(config.outputDir, url)) !== stamp)) return null;
  for (const line of last.result.lines) options.log?.(line);
  const total = Math.round(performance.now() - start);
  const { stories, pages, report, lines, otherFiles } = last.result;
  return { stories, pages, reusedPages: pages, report, lines, otherFiles, upToDate: true, timings: { ingest: 0, index: 0, render: 0, search: 0, swap: 0, total } };
}

/** What the last build left in a site, as a cache file names it (see `readSiteCache`). */
export interface SiteCache<Row> {
  rows: Row[];
  /** The other files it wrote there (pages made from the whole archive, feeds, assets), relative to the site. */
  others: string[] | null;
}

/**
 * What the last build left in the site `siteDir`, as a cache file names it: rows of its story and
 * list pages (url, fingerprint, file stamp) or of its search shards (key, fingerprint), and its
 * other files. Null when the file is missing or unreadable, or was written for another output folder.
 */
export async function readSiteCache<Row>(file: string, siteDir: string): Promise<SiteCache<Row> | null> {
  const text = await io.readTextIfExists(file);
  try {
    const saved = text === null ? null : (JSON.parse(text) as { site: string; rows: Row[]; others?: string[] });
    if (saved?.site !== path.resolve(siteDir) || !Array.isArray(saved.rows)) return null;
    return { rows: saved.rows, others: Array.isArray(saved.others) ? saved.others : null };
  } catch {
    return null;
  }
}

export function writeSiteCache(file: string, siteDir: string, rows: unknown[], others?: string[]): Promise<void> {
  return io.writeText(file, `${JSON.stringify({ site: path.resolve(siteDir), rows, ...(others ? { others } : {}) })}\n`);
}

/** The report as a build prints it: a line per failure, kept correction, duplicate, note and undated story. */
export function reportLines(report: BuildReport, undated: { file: string; url: string }[]): string[] {
  return [
    ...report.failures.map((f) => `not built: ${formatFailure(f)}`),
    ...report.corrections.map((c) => `kept hand correction: ${c.record} (${c.fields.join(", ") || "no field differs from the dump"})${c.dumpChanged ? "; its dump changed since" : ""}`),
    ...report.duplicates.map((d) => `same story: ${d.also.join(", ")} built once, from ${d.kept}`),
    ...report.notes.map((n) => `note: ${n.message}`),
    ...undated.map((u) => `undated: ${u.file}: no date could be read; built on the undated shelf, ${u.url} (put the date in the file name, 2019-11-20-name.txt, or in the record's date field)`),
  ];
}

/**
 * `build = render(index(records(parse(dumps))))`, with timings and a report; nothing at all when
 * the inputs are those of the last finished build and its site is in place.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const start = performance.now();
  const config = resolveConfig({ ...options.config, contentDir: options.contentDir, outputDir: options.outputDir });
  const cacheDir = config.cacheDir ?? path.join(config.contentDir, ".morgue-cache");
  const folders = await checkFolders(config, cacheDir);
  const locks = await lockFolders(folders);
  try {
    // With the output folder locked, no other build owns a staging folder: what is left was a killed build's.
    const stale = await io.removeStaleStagingDirs(config.outputDir);
    if (stale > 0) options.log?.(`removed ${stale} unfinished site folder(s) left by a build that was stopped`);
    const listing = await io.listDumps(config.contentDir);
    if (listing.files.length === 0) {
      const unread = listing.problems.filter((p) => !p.note).length;
      throw new UserError(
        config.contentDir,
        `the content folder holds no dump${unread > 0 ? ` that can be read (${unread} file(s) or folder(s) cannot: ${listing.problems.map((p) => `${p.file}: ${p.reason}`).join("; ")})` : ""}; the site was left as it was`,
        "put the dumps (.txt files) in this folder, or check --content (contentDir)",
      );
    }
    // Stand-in stages (tests) are not the pipeline a recorded build ran: they always run.
    const recorded = (options.cache ?? true) && options.stages === undefined;
    const lastBuildFile = path.join(cacheDir, LAST_BUILD_FILE);
    // Each dump and record is stamped once: the nothing-changed check digests the stamps, and
    // ingest takes the results of unchanged ones from its cache by them.
    const stamps: InputStamps = { dumps: stampFiles(config.contentDir, listing.files), records: stampFiles(config.contentDir, await io.listRecords(config.contentDir)) };
    const dumps = dumpsDigest(stamps.dumps, listing);
    if (recorded) {
      const upToDate = await lastBuildIfUpToDate(cacheDir, config, options, dumps, stamps, start);
      if (upToDate) return upToDate;
    }
    // The record of the last build goes first: from here on the site may change.
    await io.removeFile(lastBuildFile);
    // Runs beside the whole build; awaited before the swap (see `io.removePreviousSite`). A failure
    // here shows again, with its message, when the swap removes the folder itself.
    const clearing = io.removePreviousSite(config.outputDir).catch(() => {});
    // A dump that changed while the build read the others is built next time: no record then.
    // Stamped again: the ones ingest used were taken before it read the dumps. Any time after
    // ingest will do (a later change differs from the stamps this build is recorded with), so the
    // pipeline takes them while Pagefind indexes in its own process.
    let closing: Promise<string> | null = null;
    const closingStamps = (): Promise<string> => {
      if (closing === null) {
        closing = (async () => {
          const after = await io.listDumps(config.contentDir);
          return dumpsDigest(stampFiles(config.contentDir, after.files), after);
        })();
        // Awaited below; a build that fails before then does not wait for it.
        closing.catch(() => {});
      }
      return closing;
    };
    let result: BuildResult;
    try {
      const { runPipeline } = await import("./pipeline.ts");
      result = await runPipeline(options, config, cacheDir, listing, clearing, stamps, closingStamps);
    } finally {
      await clearing;
    }
    if (recorded && (await closingStamps()) === dumps) {
      const last: LastBuild = {
        // The records as the build left them: ingest updated their stamps as it wrote and removed them.
        inputs: await inputsDigest(config, options, dumps, stamps.records),
        site: path.resolve(config.outputDir),
        others: result.otherFiles.map((file) => [file, io.outputStamp(path.join(config.outputDir, file))]),
        result: { stories: result.stories, pages: result.pages, report: result.report, lines: result.lines, otherFiles: result.otherFiles },
      };
      await io.writeText(lastBuildFile, `${JSON.stringify(last)}\n`);
    }
    return result;
  } finally {
    await Promise.all(locks.reverse().map((l) => l.release()));
  }
}

