// Crawls in the content folder. Each WARC file is streamed once to index its records (and the
// index cached under the file's stamp, so an unchanged crawl is not read again); its HTML pages
// then join the build as dumps of their own, named `<crawl>/<key>.html` (records at
// `records/<crawl>/<key>.html.md`), each read back alone by its offset, so memory stays bounded
// whatever the crawl's size. The crawl file itself is never changed. What is not a story
// (redirects, errors, revisits, repeated captures, pages that are no article) is counted in the
// report, and a damaged record is reported with its offset.
import path from "node:path";
import { MAX_DUMP_BYTES } from "../dump/decode.ts";
import { indexWarc, isCrawl, readWarcPayload, type WarcIndex, type WarcPage } from "../dump/warc.ts";
import * as io from "../io.ts";
import { sha256, slugify } from "../record/identity.ts";
import type { Capture } from "../record/schema.ts";
import type { BuildReport } from "../report.ts";

/** Rule id of a crawl record that could not be read; the others were. */
export const DAMAGED_RULE = "warc-damaged";

/** The page dump name of a URL inside a crawl: readable (host and path), unique (a digest of the URL). */
export function crawlPageName(crawl: string, url: string): string {
  const readable = slugify(url.replace(/^[a-z]+:\/\/(?:www\.)?/iu, "").replace(/[?#].*$/u, ""), "page").slice(0, 60).replace(/-+$/u, "");
  return `${crawl}/${readable}-${sha256(url).slice(0, 8)}.html`;
}

interface CachedIndex {
  stamp: string | null;
  index: WarcIndex;
}

/** The crawls of a content folder, indexed, and their pages as dumps. */
export class Crawls {
  private constructor(
    private readonly contentDir: string,
    /** Index and file stamp of each crawl, by its path. */
    private readonly crawls: Map<string, CachedIndex>,
    /** Each page dump's crawl and record, by the page's name. */
    private readonly pages: Map<string, { crawl: string; page: WarcPage }>,
  ) {}

  /**
   * Indexes the crawls among `files` (paths relative to `contentDir`). With a `cacheDir`, an index is
   * kept there with the crawl's file stamp and reused while the stamp is the same.
   */
  static async index(contentDir: string, files: readonly string[], cacheDir?: string): Promise<Crawls> {
    const crawls = new Map<string, CachedIndex>();
    const pages = new Map<string, { crawl: string; page: WarcPage }>();
    for (const crawl of files.filter(isCrawl)) {
      const file = path.join(contentDir, crawl);
      const stamp = io.fileStamp(file);
      const cacheFile = cacheDir === undefined ? null : path.join(cacheDir, "crawls", `${sha256(crawl).slice(0, 16)}.json`);
      let cached: CachedIndex | null = null;
      try {
        const text = cacheFile === null ? null : await io.readTextIfExists(cacheFile);
        cached = text === null ? null : (JSON.parse(text) as CachedIndex);
      } catch {
        // A damaged cache file costs one more read of the crawl.
      }
      if (cached === null || cached.stamp === null || cached.stamp !== stamp) {
        const index = await indexWarc({ size: io.sizeOf(file) ?? 0, open: (start) => io.readStream(file, start) }, { maxPageBytes: MAX_DUMP_BYTES });
        cached = { stamp, index };
        if (cacheFile !== null) await io.writeText(cacheFile, `${JSON.stringify(cached)}\n`);
      }
      crawls.set(crawl, cached);
      for (const page of cached.index.pages) pages.set(crawlPageName(crawl, page.url), { crawl, page });
    }
    return new Crawls(contentDir, crawls, pages);
  }

  /** `files` with each crawl replaced by its pages, sorted. */
  dumps(files: readonly string[]): string[] {
    return [...files.filter((f) => !isCrawl(f)), ...this.pages.keys()].sort();
  }

  has(file: string): boolean {
    return this.pages.has(file);
  }

  /** A page's stamp for the ingest cache: its crawl's file stamp and its offset; undefined for a file that is no crawl page. */
  stamp(file: string): string | null | undefined {
    const entry = this.pages.get(file);
    if (entry === undefined) return undefined;
    const stamp = this.crawls.get(entry.crawl)?.stamp ?? null;
    return stamp === null ? null : `${stamp}@${entry.page.offset}`;
  }

  /** A page's HTML bytes, read from its crawl by offset. */
  async read(file: string): Promise<Uint8Array> {
    const entry = this.pages.get(file);
    if (entry === undefined) throw new Error(`internal: ${file} is not a crawl page`);
    const bytes = await io.readBytesAt(path.join(this.contentDir, entry.crawl), entry.page.offset, entry.page.length);
    return readWarcPayload(bytes);
  }

  /** Where a page was captured, for its record; undefined for a file that is no crawl page. */
  origin(file: string): Capture | undefined {
    const entry = this.pages.get(file);
    return entry === undefined ? undefined : { warc: entry.crawl, recordId: entry.page.recordId, targetUri: entry.page.url, date: entry.page.captured };
  }

  /**
   * Accounts for every record of every crawl in the report: pages that are no article leave the
   * list of failures for a count, damaged records join it, and one note per crawl counts the rest.
   */
  report(report: BuildReport): void {
    for (const [crawl, { index }] of this.crawls) {
      const inCrawl = (file: string): boolean => file.startsWith(`${crawl}/`);
      const notArticles = report.failures.filter((f) => inCrawl(f.file) && f.rule === "not-article").length;
      report.failures = report.failures.filter((f) => !(inCrawl(f.file) && f.rule === "not-article"));
      const failed = report.failures.filter((f) => inCrawl(f.file)).length;
      for (const d of index.damaged) {
        report.failures.push({
          file: crawl,
          line: 0,
          rule: DAMAGED_RULE,
          message: `the record at byte ${d.offset} cannot be read: ${d.message}`,
          hint: "every other record was read; crawl the page again to have this one",
        });
      }
      const c = index.counts;
      const count = (n: number, one: string, many: string = `${one}s`): string => (n === 0 ? "" : `${n} ${n === 1 ? one : many}`);
      const parts = [
        count(c.pages - notArticles - failed, "story", "stories") || "0 stories",
        count(notArticles, "page that is not an article", "pages that are not articles"),
        count(failed, "page not built", "pages not built"),
        count(c.redirects, "redirect"),
        count(c.errors, "error response"),
        count(c.revisits, "revisit"),
        count(c.duplicates, "repeated capture of a page", "repeated captures of a page"),
        count(c.tooLarge, "page over 16 MB", "pages over 16 MB"),
        count(c.other, "other record (request, metadata, image, script, style)", "other records (requests, metadata, images, scripts, styles)"),
        count(index.damaged.length, "damaged record", "damaged records"),
      ].filter(Boolean);
      report.notes.push({ file: crawl, message: `${crawl}: ${c.records} records: ${parts.join(", ")}` });
    }
  }
}
