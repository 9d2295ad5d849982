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
import { createHash } from "node:crypto";

/** Folder inside the content folder where ingest writes records; never scanned for dumps. */
export const RECORDS_DIR = "records";

/** Every regular file under `dir`, as sorted `/`-separated paths relative to it; dotfiles skipped. */
export async function listFiles(dir: string, skip: (relative: string) => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await fs.readdir(path.join(dir, relative), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (skip(child)) continue;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) out.push(child);
    }
  }
  await walk("");
  return out.sort();
}

/** Dumps: every file in the content folder outside `records/`. */
export function listDumps(contentDir: string): Promise<string[]> {
  return listFiles(contentDir, (relative) => relative === RECORDS_DIR);
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
  try {
    // Decoded in one piece: `readFile(file, "utf8")` decodes chunk by chunk, several times slower
    // on the multi-megabyte cache files.
    return readFileSync(file).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

let writes = 0;

/** Writes through a temporary file and a rename, so a crash never leaves half a record. */
export async function writeText(file: string, text: string): Promise<void> {
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

/** A fresh, empty sibling folder of `outputDir` to build into. */
export async function makeStagingDir(outputDir: string): Promise<string> {
  const parent = path.dirname(path.resolve(outputDir));
  await fs.mkdir(parent, { recursive: true });
  return fs.mkdtemp(path.join(parent, `.${path.basename(outputDir)}-building-`));
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
 * Removes the site the last build replaced. A build starts this first and waits for it before its
 * swap, so the deletion (one unlink per file: 1.8-3.8 s of a 10,000-story rebuild, measured) runs
 * on the file-system threads while the build parses and indexes on this one.
 */
export function removePreviousSite(outputDir: string): Promise<void> {
  return fs.rm(previousSiteDir(outputDir), { recursive: true, force: true });
}

export function removeDir(dir: string): Promise<void> {
  return fs.rm(dir, { recursive: true, force: true });
}

export async function isDirectory(target: string): Promise<boolean> {
  return fs.stat(target).then((s) => s.isDirectory(), () => false);
}

/**
 * A digest of the code behind one kind of cached output, plus the lockfile: when it changes, what
 * the cache holds is made again. "ingest": every source file outside render/, bench/ and eval/,
 * with render/markdown.ts (bodies are made into HTML at ingest). "render": the templates and
 * render/ (story pages reused from the last build).
 */
export async function codeVersion(of: "ingest" | "render"): Promise<string> {
  const src = path.dirname(new URL(import.meta.url).pathname);
  const root = path.join(src, "..");
  const files =
    of === "ingest"
      ? (await listFiles(src, (relative) => /^(bench|eval)$/.test(relative) || (/^render\//.test(relative) && relative !== "render/markdown.ts"))).map((f) => `src/${f}`)
      : [...(await listFiles(path.join(root, "templates"))).map((f) => `templates/${f}`), ...(await listFiles(path.join(src, "render"))).map((f) => `src/render/${f}`)];
  const hash = createHash("sha256");
  for (const file of files.filter((f) => /\.(ts|js|css)$/.test(f))) hash.update(file).update(await fs.readFile(path.join(root, file)));
  hash.update((await readTextIfExists(path.join(root, "package-lock.json"))) ?? "");
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
