// The one module that touches the file system: listing and reading dumps, reading and writing
// records, the body packs, swapping a finished output folder into place. Everything else takes
// strings and values.
//
// Files of a few kB (dumps and records: a cold 10,000-story build reads and writes about 20,000)
// go through the synchronous calls behind the same promise-returning functions: measured here,
// 10,000 writes cost 393 ms of CPU that way against 1,570 ms through the promise API, CPU the
// main thread would otherwise take from parsing.
import { promises as fs, closeSync, createReadStream, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { execFile } from "node:child_process";
import { inLanes } from "./lanes.ts";

/** Folder inside the content folder where ingest writes records; never scanned for dumps. */
export const RECORDS_DIR = "records";

/** Where the record of a dump lives, relative to the content folder: `a/b.txt` -> `records/a/b.md`. */
export function recordPathFor(dumpFile: string): string {
  return `${RECORDS_DIR}/${dumpFile.replace(/\.txt$/i, "")}.md`;
}

/** A file or folder a listing could not use, and why; the caller reports it. */
export interface ListingProblem {
  /** `/`-separated path relative to the listed folder. */
  file: string;
  reason: string;
  hint: string;
  /** Nothing was lost (a folder reached twice is read once): worth a note, not a failure. */
  note?: true;
}

export interface Listing {
  /** Regular files, sorted, `/`-separated paths relative to the folder. */
  files: string[];
  problems: ListingProblem[];
}

/** A file-system error in a reader's words: "permission denied" rather than EACCES. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    ENOENT: "no such file or folder",
    ENOTDIR: "a part of the path is not a folder",
    EISDIR: "is a folder",
    ELOOP: "symbolic link loop",
    EIO: "input/output error",
    EMFILE: "too many open files",
  };
  return (code && words[code]) ?? (error instanceof Error ? error.message : String(error));
}

const UNREADABLE_HINT = "give the user running the build read permission (chmod a+r), or move it out of the content folder";

/**
 * Every regular file under `dir`; dotfiles skipped. Symbolic links are followed, to files and to
 * folders; a link that leads back into a folder being listed (a loop), a folder reached a second
 * time by another link, a broken link, an unreadable folder and anything that is not a file or a
 * folder are problems, never dropped without a word.
 */
export async function walkFiles(dir: string, skip: (relative: string) => boolean = () => false): Promise<Listing> {
  const files: string[] = [];
  const problems: ListingProblem[] = [];
  const seen = new Map<string, string>();
  async function walk(relative: string, ancestors: Set<string>): Promise<void> {
    const full = path.join(dir, relative);
    let real: string;
    let entries: import("node:fs").Dirent[];
    try {
      real = await fs.realpath(full);
      entries = await fs.readdir(full, { withFileTypes: true });
    } catch (error) {
      if (relative === "" && (error as NodeJS.ErrnoException).code === "ENOENT") return;
      problems.push({ file: relative || ".", reason: `folder cannot be read: ${describeError(error)}`, hint: UNREADABLE_HINT });
      return;
    }
    const earlier = seen.get(real);
    if (earlier !== undefined) {
      const loop = ancestors.has(real);
      problems.push({
        file: relative,
        reason: loop ? `symbolic link loop: leads back to ${earlier || "the content folder"}; not followed` : `same folder as ${earlier}, reached by a symbolic link; read once, as ${earlier}`,
        hint: loop ? "remove the link, or point it outside the folders it is in" : "remove one of the two ways to the folder if both were not meant",
        ...(loop ? {} : { note: true as const }),
      });
      return;
    }
    seen.set(real, relative);
    const inside = new Set(ancestors).add(real);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".")) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (skip(child)) continue;
      let kind: "file" | "folder" | "other" = entry.isDirectory() ? "folder" : entry.isFile() ? "file" : "other";
      if (entry.isSymbolicLink()) {
        const target = await fs.stat(path.join(dir, child)).catch((error: NodeJS.ErrnoException) => error);
        if (target instanceof Error) {
          const broken = target.code === "ENOENT";
          problems.push({
            file: child,
            reason: broken ? `broken symbolic link (to ${await fs.readlink(path.join(dir, child)).catch(() => "?")})` : `symbolic link cannot be followed: ${describeError(target)}`,
            hint: broken ? "point the link at an existing dump, or remove it" : UNREADABLE_HINT,
          });
          continue;
        }
        kind = target.isDirectory() ? "folder" : target.isFile() ? "file" : "other";
      }
      if (kind === "folder") await walk(child, inside);
      else if (kind === "file") files.push(child);
      else problems.push({ file: child, reason: "not a regular file (a device, socket or pipe)", hint: "dumps are regular files; move it out of the content folder" });
    }
  }
  await walk("", new Set());
  return { files: files.sort(), problems: problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}

/** Every regular file under `dir` (see `walkFiles`), for morgue's own folders, where nothing is linked. */
export async function listFiles(dir: string, skip: (relative: string) => boolean = () => false): Promise<string[]> {
  return (await walkFiles(dir, skip)).files;
}

/** Dumps: every file in the content folder outside `records/`, and what could not be listed. */
export function listDumps(contentDir: string): Promise<Listing> {
  return walkFiles(contentDir, (relative) => relative === RECORDS_DIR);
}

/** Records: every `.md` file under `content/records/`, relative to the content folder. */
export async function listRecords(contentDir: string): Promise<string[]> {
  const files = await listFiles(path.join(contentDir, RECORDS_DIR));
  return files.filter((f) => f.endsWith(".md")).map((f) => `${RECORDS_DIR}/${f}`);
}

export async function readBytes(file: string): Promise<Uint8Array> {
  return readFileSync(file);
}

/**
 * Size, modification and change times and inode of a file, or null when there is none. Any write
 * changes it (the change time cannot be set back by hand), so an equal stamp means an unchanged file.
 * Synchronous: a build stats every dump and record, and one `statSync` costs less than the promise
 * machinery around an asynchronous one (10,000 files: 76 ms against 169 ms here).
 */
export function fileStamp(file: string): string | null {
  const s = statSync(file, { bigint: true, throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}` : null;
}

/** The file's text, or null when it does not exist. */
export async function readTextIfExists(file: string): Promise<string | null> {
  // Decoded in one piece: `readFile(file, "utf8")` decodes chunk by chunk, several times slower
  // on the multi-megabyte cache files.
  return (await readBytesIfExists(file))?.toString("utf8") ?? null;
}

/** `readTextIfExists` for code that cannot wait (the index stage reading a body again), or null when the file cannot be read. */
export function readTextNow(file: string): string | null {
  try {
    return readFileSync(file).toString("utf8");
  } catch {
    return null;
  }
}

/** The file's bytes, or null when it does not exist. */
export async function readBytesIfExists(file: string): Promise<Buffer | null> {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

let writes = 0;

/** Writes text (UTF-8) or bytes through a temporary file and a rename, so a crash never leaves half a record. */
export async function writeText(file: string, text: string | Uint8Array): Promise<void> {
  // Unique per call: two writes of the same file may be in flight (two dumps with one body).
  const temp = `${file}.${process.pid}-${++writes}.tmp`;
  try {
    writeFileSync(temp, text);
  } catch (error) {
    // The folder is made only when missing: one failed write is cheaper than a mkdir every time.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, text);
  }
  renameSync(temp, file);
}

/**
 * `writeText` on the file-system threads: for a large file (the related-story state, 34-47 MB at
 * 10,000 stories, 105 ms of this thread's time written synchronously) that the build need not wait
 * for until it ends.
 */
export async function writeLarge(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}-${++writes}.tmp`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(temp, bytes);
  await fs.rename(temp, file);
}

/**
 * Writes rendered pages under `dir` (their folders made once each), sixteen in flight on the
 * file-system threads, so the next pages render on this thread meanwhile. Eleventy writes each
 * page synchronously on the main thread: 3.6 s of a quiet cold build's profile at 10,000 stories.
 */
export async function writeFiles(dir: string, files: readonly { path: string; content: string }[]): Promise<void> {
  await inLanes([...new Set(files.map((f) => path.dirname(path.join(dir, f.path))))], 16, (folder) => fs.mkdir(folder, { recursive: true }));
  await inLanes(files, 16, (f) => fs.writeFile(path.join(dir, f.path), f.content));
}

/** A new file written from start to end: each `append` says where its bytes went. */
export interface Appender {
  /** Writes `text` (UTF-8) after what is there; returns its byte offset and byte length. */
  append(text: string): { offset: number; length: number };
  close(): void;
}

/** Creates `file` (and its folder) for appending; fails if it exists, so no file is ever written twice. */
export function createAppender(file: string): Appender {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "wx");
  let size = 0;
  return {
    append(text) {
      const bytes = Buffer.from(text, "utf8");
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, size + done);
      const at = { offset: size, length: bytes.length };
      size += bytes.length;
      return at;
    },
    close: () => closeSync(fd),
  };
}

/** Reads pieces of one file by offset, through one open descriptor. */
export interface RangeReader {
  /** The UTF-8 text of `length` bytes from `offset`; throws if the file is shorter. */
  read(offset: number, length: number): string;
  close(): void;
}

export function openRangeReader(file: string): RangeReader {
  const fd = openSync(file, "r");
  return {
    read(offset, length) {
      const bytes = Buffer.allocUnsafe(length);
      for (let done = 0; done < length; ) {
        const n = readSync(fd, bytes, done, length - done, offset + done);
        if (n === 0) throw new Error(`${file} ends before byte ${offset + length}`);
        done += n;
      }
      return bytes.toString("utf8");
    },
    close: () => closeSync(fd),
  };
}

/** Size in bytes of `file`, or null when there is none. */
export function sizeOf(file: string): number | null {
  return statSync(file, { throwIfNoEntry: false })?.size ?? null;
}

export function removeFile(file: string): Promise<void> {
  return fs.rm(file, { force: true });
}

const STAGING_MARK = "-building-";

/**
 * A fresh, empty sibling folder of `outputDir` to build into. Made with `mkdir`, which respects
 * the umask (`mkdtemp` makes 0700 folders, which a web server running as another user cannot read
 * once the folder is swapped in).
 */
export async function makeStagingDir(outputDir: string): Promise<string> {
  const target = path.resolve(outputDir);
  await fs.mkdir(path.dirname(target), { recursive: true });
  for (;;) {
    const dir = path.join(path.dirname(target), `.${path.basename(target)}${STAGING_MARK}${randomBytes(4).toString("hex")}`);
    try {
      await fs.mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/**
 * Removes the staging folders that builds of `outputDir` killed before their swap left behind.
 * Only safe while holding the output folder's lock: no other build can be writing one.
 */
export async function removeStaleStagingDirs(outputDir: string): Promise<number> {
  const target = path.resolve(outputDir);
  const prefix = `.${path.basename(target)}${STAGING_MARK}`;
  const names = await fs.readdir(path.dirname(target)).catch(() => [] as string[]);
  const stale = names.filter((name) => name.startsWith(prefix) && /^[0-9a-zA-Z]+$/.test(name.slice(prefix.length)));
  await Promise.all(stale.map((name) => fs.rm(path.join(path.dirname(target), name), { recursive: true, force: true })));
  return stale.length;
}

/** Where `swapInto` leaves the site it replaced: a hidden sibling of the output folder. */
function previousSiteDir(outputDir: string): string {
  const target = path.resolve(outputDir);
  return path.join(path.dirname(target), `.${path.basename(target)}-previous`);
}

/**
 * Puts a finished build in place of `outputDir`. Until this runs, the previous site stays as it
 * was; a build that fails earlier leaves it untouched (the staging folder is removed). The site
 * it replaces is moved aside, not deleted: see `removePreviousSite`.
 */
export async function swapInto(stagingDir: string, outputDir: string): Promise<void> {
  const target = path.resolve(outputDir);
  const previous = previousSiteDir(outputDir);
  // Normally gone already: the build removes it while it works.
  await fs.rm(previous, { recursive: true, force: true });
  await fs.rename(target, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await fs.rename(stagingDir, target);
}

/**
 * Removes the site the last build replaced. A build starts this first and waits for it before it
 * puts its own site in place, so the deletion (one unlink per file: 1.8-3.8 s of a 10,000-story
 * rebuild, measured) runs beside the build. It runs in an `rm -rf` process of its own: done on
 * Node's four file-system threads, its unlinks queued the build's own reads (the modules it loads,
 * the caches) behind them, and the main thread of a one-dump rebuild after a full one sat idle for
 * 1.5-2.5 s. At 10,000 stories, one-dump rebuilds with a previous site to remove took 7.9-8.8 s
 * wall this way and 10.0-13.0 s with `fs.rm` (three each, alternating). Where there is no `rm`,
 * `fs.rm` does it.
 */
export async function removePreviousSite(outputDir: string): Promise<void> {
  const previous = previousSiteDir(outputDir);
  if ((await kindOf(previous)) === "missing") return;
  const removed = await new Promise<boolean>((resolve) => {
    execFile("rm", ["-rf", "--", previous], (error) => resolve(error === null));
  });
  if (!removed) await fs.rm(previous, { recursive: true, force: true });
}

/** What `updateInPlace` does to the site, every path relative to the site and staging folders. */
export interface SiteUpdate {
  /** Files written into the staging folder, moved over (or beside) the site's, in this order. */
  files: string[];
  /** Folders written whole into the staging folder (a year's search index), each replacing the site's. */
  folders: string[];
  /** Files of the site the new build does not have; their folders go too when left empty. */
  gone: string[];
  /** Folders of the site the new build does not have (a year's search index with no story left). */
  goneFolders: string[];
}

/**
 * Brings the site in `outputDir` up to date with what a build wrote into `stagingDir`, file by
 * file, without making the rest of it again: each file is renamed into place (a reader sees the
 * old page or the new one, never a missing or half-written one; a folder replaced whole, a year's
 * search index, is missing for the instant between its two renames), then what the new build does not
 * have is removed, and the staging folder with it. Pages come first and removals last, so a page
 * never links to a page not yet there. The caller removes its record of the site first: a build
 * stopped in the middle leaves a mix of the two sites, which the next build replaces whole.
 */
export async function updateInPlace(stagingDir: string, outputDir: string, update: SiteUpdate): Promise<void> {
  const site = path.resolve(outputDir);
  const made = new Set<string>();
  const folderOf = async (file: string): Promise<void> => {
    const folder = path.dirname(path.join(site, file));
    if (made.has(folder)) return;
    await fs.mkdir(folder, { recursive: true });
    made.add(folder);
  };
  for (const file of update.files) {
    await folderOf(file);
    await fs.rename(path.join(stagingDir, file), path.join(site, file));
  }
  for (const folder of update.folders) {
    await folderOf(folder);
    const aside = path.join(stagingDir, `${STAGING_MARK}replaced`, folder);
    await fs.mkdir(path.dirname(aside), { recursive: true });
    await fs.rename(path.join(site, folder), aside).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await fs.rename(path.join(stagingDir, folder), path.join(site, folder));
  }
  await inLanes(update.gone, 16, (file) => fs.rm(path.join(site, file), { force: true }));
  await Promise.all(update.goneFolders.map((folder) => fs.rm(path.join(site, folder), { recursive: true, force: true })));
  // Folders the removals emptied, deepest first; a folder that still holds anything stays.
  const emptied = new Set<string>();
  for (const gone of [...update.gone, ...update.goneFolders]) {
    for (let folder = path.dirname(path.join(site, gone)); folder.length > site.length; folder = path.dirname(folder)) emptied.add(folder);
  }
  for (const folder of [...emptied].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) {
    await fs.rmdir(folder).catch(() => {});
  }
  await fs.rm(stagingDir, { recursive: true, force: true });
}

export function removeDir(dir: string): Promise<void> {
  return fs.rm(dir, { recursive: true, force: true });
}

/** The names in folder `dir`, or null when there is no such folder. */
export async function entriesOf(dir: string): Promise<string[] | null> {
  return fs.readdir(dir).catch(() => null);
}

/** What is at `target`: a folder, a file, nothing, or an error in words (see `describeError`). */
export async function kindOf(target: string): Promise<"folder" | "file" | "missing" | { error: string }> {
  try {
    const s = await fs.stat(target);
    return s.isDirectory() ? "folder" : "file";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : { error: describeError(error) };
  }
}

/**
 * The absolute path of `target` with every symbolic link resolved, also when it does not exist yet
 * (its nearest existing ancestor is resolved and the rest appended): two paths name the same place
 * exactly when their real paths are equal.
 */
export async function realPath(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const rest: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    try {
      return path.join(await fs.realpath(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return absolute;
      rest.push(path.basename(at));
    }
  }
}

/** Who holds a lock: a build's process, its machine and when it started. */
export interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

export interface Lock {
  file: string;
  release(): Promise<void>;
}

/** True when a process with this id runs on this machine (a signal 0 reaches it or is refused). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readHolder(file: string): Promise<{ text: string; holder: LockHolder | null } | null> {
  const text = await fs.readFile(file, "utf8").catch(() => null);
  if (text === null) return null;
  try {
    const holder = JSON.parse(text) as LockHolder;
    return { text, holder: typeof holder.pid === "number" && typeof holder.host === "string" ? holder : null };
  } catch {
    return { text, holder: null };
  }
}

/** Creates `file` holding `text` only if it does not exist: written aside, then linked (atomic). */
async function createExclusive(file: string, text: string): Promise<boolean> {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  await fs.writeFile(temp, text);
  try {
    await fs.link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** A takeover that has not finished in this time was killed in the middle: its guard is stale. */
const TAKEOVER_STALE_MS = 30_000;

/**
 * Takes the lock `file` for this process, or returns who holds it. A lock whose process is gone
 * (a killed build) is taken over: under a second, short-lived guard file, so that of two builds
 * finding the same stale lock only one takes it.
 */
export async function acquireLock(file: string): Promise<Lock | LockHolder> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() } satisfies LockHolder);
  const lock: Lock = {
    file,
    async release() {
      if ((await fs.readFile(file, "utf8").catch(() => null)) === mine) await fs.rm(file, { force: true });
    },
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await createExclusive(file, mine)) return lock;
    const found = await readHolder(file);
    if (found === null) continue;
    const { holder } = found;
    if (holder && (holder.host !== hostname() || processAlive(holder.pid))) return holder;
    // The holder is gone (or the file is not a lock morgue wrote): take it over under the guard.
    const guard = `${file}.takeover`;
    if (!(await createExclusive(guard, mine))) {
      const age = Date.now() - ((await fs.stat(guard).catch(() => null))?.mtimeMs ?? Date.now());
      if (age > TAKEOVER_STALE_MS) await fs.rm(guard, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    try {
      if ((await readHolder(file))?.text === found.text) {
        await fs.rm(file, { force: true });
        if (await createExclusive(file, mine)) return lock;
      }
    } finally {
      await fs.rm(guard, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

/**
 * A digest of the code behind one kind of cached output, plus the lockfile and the Node, ICU and
 * time-zone data versions (dates are read and written through Intl, and country names come from
 * ICU): when it changes, what the cache holds is made again. "ingest": every source file outside
 * render/, bench/ and eval/, with render/markdown.ts (bodies are made into HTML at ingest).
 * "render": the templates and render/ (story pages reused from the last build).
 */
export function codeVersion(of: "ingest" | "render"): Promise<string> {
  // Once per process: the code running is the code it loaded, and a build asks for each version
  // three times (before, during and after the pipeline).
  let version = codeVersions.get(of);
  if (version === undefined) {
    version = hashCode(of);
    codeVersions.set(of, version);
    // A failed read is tried again by the next build.
    version.catch(() => codeVersions.delete(of));
  }
  return version;
}

const codeVersions = new Map<"ingest" | "render", Promise<string>>();

async function hashCode(of: "ingest" | "render"): Promise<string> {
  // The sources, also when this runs from the compiled copy (dist/src/io.js, src/compile.ts): both
  // are the same code, and a cache made by one is used by the other.
  const here = path.dirname(new URL(import.meta.url).pathname);
  const root = path.join(here, import.meta.url.endsWith(".js") ? "../.." : "..");
  const src = path.join(root, "src");
  const files =
    of === "ingest"
      ? (await listFiles(src, (relative) => /^(bench|eval)$/.test(relative) || (/^render\//.test(relative) && relative !== "render/markdown.ts"))).map((f) => `src/${f}`)
      : [".eleventy.ts", ...(await listFiles(path.join(root, "templates"))).map((f) => `templates/${f}`), ...(await listFiles(path.join(src, "render"))).map((f) => `src/render/${f}`)];
  const hash = createHash("sha256");
  for (const file of files.filter((f) => /\.(ts|js|css)$/.test(f))) hash.update(file).update(await fs.readFile(path.join(root, file)));
  hash.update((await readTextIfExists(path.join(root, "package-lock.json"))) ?? "");
  hash.update(`node ${process.versions.node} icu ${process.versions.icu ?? ""} tz ${process.versions.tz ?? ""}`);
  return hash.digest("hex").slice(0, 16);
}

/**
 * Size, modification time and inode of an output file, or null when there is none: what the next
 * build checks before it reuses the file (the change time is left out, since linking changes it).
 */
export function outputStamp(file: string): string | null {
  const s = statSync(file, { bigint: true, throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeNs}:${s.ino}` : null;
}

/**
 * Makes `to` a copy of the folder `from` whose files are hard links (see `linkFile`); false when
 * `from` is missing or a file cannot be linked (the caller then writes the folder anew).
 */
export async function linkTree(from: string, to: string): Promise<boolean> {
  const files = await listFiles(from);
  if (files.length === 0) return false;
  // Each folder is made once (a search shard holds thousands of files in a few folders).
  for (const folder of new Set(files.map((file) => path.dirname(path.join(to, file))))) await fs.mkdir(folder, { recursive: true });
  // Sixteen links in flight: one at a time leaves the thread pool idle between them.
  const linked = await inLanes(files, 16, (file) => fs.link(path.join(from, file), path.join(to, file)).then(() => true, () => false));
  return linked.every(Boolean);
}

/**
 * Makes `to` a second name of the file `from` (a hard link: no bytes copied, and the file is never
 * written again, so the site it came from stays as it was). False when it cannot be linked, for
 * example across file systems; the caller then writes the file anew.
 */
export async function linkFile(from: string, to: string): Promise<boolean> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  return fs.link(from, to).then(
    () => true,
    () => false,
  );
}

/** `file` from byte `start` on, in chunks: crawls are streamed, never read whole. */
export function readStream(file: string, start = 0): AsyncIterable<Uint8Array> {
  return createReadStream(file, { start });
}

/** `length` bytes of `file` from byte `offset` (one record of a crawl). */
export async function readBytesAt(file: string, offset: number, length: number): Promise<Uint8Array> {
  const fd = openSync(file, "r");
  try {
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, bytes, done, length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    return bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}
