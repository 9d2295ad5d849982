// WARC crawls (web archives' standard format: wget --warc-file, Heritrix, Browsertrix): a streaming
// index of a crawl's records, and the payload of one record read back by its offset. Reading goes
// through webrecorder's warcio; this module adds what a crawl of a real site needs: every record
// classified (a page to parse, or a redirect, an error, a revisit, a duplicate capture, something
// other than a page), and damaged records reported with their offset while the rest is read.
// No file system here: the caller hands in a byte source (src/io.ts opens files).
import type { WARCRecord } from "warcio";

// Loaded when a crawl is read: most content folders have none, and warcio took about 30 ms of
// every build's start-up.
const warcio = async (): Promise<typeof import("warcio")> => import("warcio");

/** Reads a crawl from byte `start` on; `size` is its length in bytes. */
export interface WarcSource {
  size: number;
  open(start: number): AsyncIterable<Uint8Array>;
}

/** A captured HTML page of the crawl: what parsing it needs, and where it is in the file. */
export interface WarcPage {
  /** Byte offset of the record in the file (of its gzip member in a `.warc.gz`). */
  offset: number;
  /** Bytes of the record in the file. */
  length: number;
  recordId: string;
  /** WARC-Target-URI: the URL the page was fetched from. */
  url: string;
  /** WARC-Date: when it was captured, ISO 8601. */
  captured: string;
  /** The charset its HTTP Content-Type declares, if any. */
  charset: string | null;
}

/** What a crawl holds, record by record: pages to parse, and the count of everything else. */
export interface WarcIndex {
  pages: WarcPage[];
  /** Records by what they were (every record is counted once). */
  counts: {
    records: number;
    pages: number;
    redirects: number;
    /** HTTP 4xx and 5xx responses. */
    errors: number;
    /** Revisit records: a capture that refers to an earlier one. */
    revisits: number;
    /** A second capture of a URL already captured: the first is kept. */
    duplicates: number;
    /** Requests, metadata, warcinfo, and responses that are not HTML (images, scripts, styles). */
    other: number;
    /** HTML pages larger than `maxPageBytes`. */
    tooLarge: number;
  };
  /** Damaged stretches: the offset of the record that could not be read, and what was wrong. */
  damaged: { offset: number; message: string }[];
}

/** Crawl file names: `.warc` and `.warc.gz` (any case). */
export const isCrawl = (file: string): boolean => /\.warc(?:\.gz)?$/iu.test(file);

const GZIP_MAGIC = [0x1f, 0x8b, 0x08] as const;
const WARC_MAGIC = [...new TextEncoder().encode("WARC/1.")];

const lower = (value: string | null | undefined): string => (value ?? "").toLowerCase();

function header(record: WARCRecord, name: string): string | null {
  return record.httpHeaders?.headers.get(name) ?? null;
}

/** ISO 8601 of a WARC-Date ("2019-11-19T17:50:59Z"); WARC 1.1 allows fractions of a second. */
const isoDate = (value: string | null | undefined): string => (value ?? "").replace(/\.\d+Z$/u, "Z");

/**
 * Every record from byte `start` on, read by one warcio parser, until the end or the first record
 * that cannot be read whole. Returns where the last whole record ended, and the offset of the
 * record that stopped it (null when reading just stopped: the end, or warcio gave up silently).
 */
async function readFrom(source: WarcSource, start: number, visit: (record: WARCRecord, offset: number) => void): Promise<{ end: number; damagedAt: number | null }> {
  const { WARCParser } = await warcio();
  const parser = new WARCParser(source.open(start));
  let end = start;
  try {
    for await (const record of parser) {
      const offset = start + parser.offset;
      // warcio reads a broken gzip member as raw bytes and returns a "record" of garbage.
      if (!record.warcType || !record.warcHeader("WARC-Record-ID")) return { end, damagedAt: offset };
      // Skipped here rather than by warcio, whose skip never ends on a record cut short.
      const rest = record.reader as AsyncIterable<Uint8Array> & { limit?: number };
      for await (const chunk of rest) void chunk;
      if ((rest.limit ?? 0) > 0) return { end, damagedAt: offset };
      record.consumed = "skipped";
      visit(record, offset);
      end = offset + parser.recordLength;
    }
  } catch {
    // A record warcio cannot read at all: reading stopped after the last whole one.
  }
  return { end, damagedAt: null };
}

/** Whether the bytes from `from` to the end are only the blank lines that close a record. */
async function onlyNewlines(source: WarcSource, from: number): Promise<boolean> {
  if (source.size - from > 16) return false;
  for await (const chunk of source.open(from)) if (chunk.some((b) => b !== 0x0d && b !== 0x0a)) return false;
  return true;
}

/** The first offset at or after `from` where a record may start (a gzip member or a "WARC/1." line), or null. */
async function nextRecordStart(source: WarcSource, from: number, gzip: boolean): Promise<number | null> {
  const magic: readonly number[] = gzip ? GZIP_MAGIC : WARC_MAGIC;
  let position = from;
  let carry: number[] = [];
  for await (const chunk of source.open(from)) {
    const bytes = carry.length > 0 ? Uint8Array.from([...carry, ...chunk]) : chunk;
    const base = position - carry.length;
    for (let i = 0; i + magic.length <= bytes.length; i++) {
      if (magic.every((b, k) => bytes[i + k] === b) && (gzip || i + base === 0 || bytes[i - 1] === 0x0a)) return base + i;
    }
    carry = Array.from(bytes.subarray(Math.max(0, bytes.length - magic.length)));
    position += chunk.length;
  }
  return null;
}

/** Whether the crawl is gzipped, from its first bytes. */
async function isGzip(source: WarcSource): Promise<boolean> {
  for await (const chunk of source.open(0)) return chunk[0] === GZIP_MAGIC[0] && chunk[1] === GZIP_MAGIC[1];
  return false;
}

/**
 * Streams a crawl and classifies every record. Memory stays bounded whatever the crawl's size: no
 * payload is read here, and only the URLs seen are kept. A damaged or truncated record is listed
 * with its offset, and reading resumes at the next record start after it.
 */
export async function indexWarc(source: WarcSource, options: { maxPageBytes: number }): Promise<WarcIndex> {
  const index: WarcIndex = { pages: [], counts: { records: 0, pages: 0, redirects: 0, errors: 0, revisits: 0, duplicates: 0, other: 0, tooLarge: 0 }, damaged: [] };
  const { counts } = index;
  const seen = new Set<string>();
  // The page whose record is being read; its length is known when the next record starts.
  const state: { pending: WarcPage | null } = { pending: null };
  const visit = (record: WARCRecord, offset: number): void => {
    counts.records++;
    const type = record.warcType;
    const url = record.warcTargetURI ?? "";
    if (type === "revisit") return void counts.revisits++;
    if (type !== "response" && type !== "resource") return void counts.other++;
    const status = Number(record.httpHeaders?.statusCode ?? (type === "resource" ? 200 : 0));
    const contentType = lower(record.httpHeaders ? header(record, "content-type") : record.warcContentType);
    if (status >= 300 && status < 400) return void counts.redirects++;
    if (status >= 400 || status === 0) return void counts.errors++;
    if (!/(?:text\/html|application\/xhtml\+xml)/u.test(contentType)) return void counts.other++;
    if (seen.has(url)) return void counts.duplicates++;
    seen.add(url);
    if (record.warcContentLength > options.maxPageBytes) return void counts.tooLarge++;
    const charset = /charset=["']?([\w-]+)/u.exec(contentType)?.[1] ?? null;
    state.pending = { offset, length: 0, recordId: record.warcHeader("WARC-Record-ID") ?? `<offset:${offset}>`, url, captured: isoDate(record.warcDate), charset };
  };
  const gzip = await isGzip(source);
  let start = 0;
  while (start < source.size) {
    const { end, damagedAt } = await readFrom(source, start, (record, offset) => {
      // The page before this record ended where this one begins.
      if (state.pending !== null) index.pages.push({ ...state.pending, length: offset - state.pending.offset });
      state.pending = null;
      visit(record, offset);
    });
    const finished = state.pending;
    state.pending = null;
    if (finished !== null && end > finished.offset) index.pages.push({ ...finished, length: end - finished.offset });
    if (damagedAt === null && (end >= source.size || (await onlyNewlines(source, end)))) break;
    // Reading stopped early: the record there is damaged (or the file is cut short).
    const at = damagedAt ?? end;
    const next = await nextRecordStart(source, at + 1, gzip);
    index.damaged.push({ offset: at, message: next === null ? "truncated or damaged record at the end of the file" : `damaged record (${next - at} bytes skipped to the next record)` });
    if (next === null) break;
    start = next;
  }
  counts.pages = index.pages.length;
  return index;
}

/** The HTTP payload (decoded from chunked and gzip transfer) of the single record in `bytes`. */
export async function readWarcPayload(bytes: Uint8Array): Promise<Uint8Array> {
  const { WARCParser } = await warcio();
  const record = await WARCParser.parse([bytes]);
  if (record === null) throw new Error("no WARC record at that offset");
  return record.readFully(true);
}
