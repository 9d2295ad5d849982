// WARC crawls: the streaming index (every record classified, damaged records reported with their
// offset while the rest is read, gzipped or not, bounded memory), and a crawl and an HTML page built
// end to end into a site, whose dumps stay as they were.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { WARCRecord, WARCSerializer } from "warcio";
import { indexWarc, isCrawl, readWarcPayload, type WarcSource } from "../src/dump/warc.ts";
import { crawlPageName } from "../src/ingest/crawl.ts";
import { build, type BuildResult } from "../src/build.ts";
import { sha256 } from "../src/record/identity.ts";
import { main } from "../src/cli.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const CRAWL = path.join(here, "fixtures/warc/crawl.warc.gz");
const LIMIT = { maxPageBytes: 16 * 1024 * 1024 };

/** A crawl held in memory, served in small chunks as a file stream would be. */
function memory(bytes: Uint8Array, chunk = 1000): WarcSource {
  return {
    size: bytes.length,
    async *open(start) {
      for (let at = start; at < bytes.length; at += chunk) yield bytes.subarray(at, Math.min(at + chunk, bytes.length));
    },
  };
}

async function htmlRecord(url: string, body: string, gzip: boolean): Promise<Uint8Array> {
  async function* payload(): AsyncGenerator<Uint8Array> {
    yield new TextEncoder().encode(body);
  }
  const record = WARCRecord.create({ url, date: "2021-03-05T15:00:00Z", type: "response", statusline: "HTTP/1.1 200 OK", httpHeaders: { "Content-Type": "text/html" } }, payload());
  return WARCSerializer.serialize(record, { gzip });
}

const concat = (parts: Uint8Array[]): Uint8Array => Uint8Array.from(Buffer.concat(parts));

describe("indexWarc", () => {
  test("the fixture crawl: every record counted once, the truncated last one reported with its offset", async () => {
    const bytes = readFileSync(CRAWL);
    const index = await indexWarc(memory(bytes), LIMIT);
    assert.deepEqual(index.counts, { records: 12, pages: 4, redirects: 1, errors: 1, revisits: 1, duplicates: 1, other: 4, tooLarge: 0 });
    assert.deepEqual(index.pages.map((p) => p.url), [
      "https://news.example.com/",
      "https://news.example.com/2021/03/04/harbour-bridge-repairs/",
      "https://riverside.example.org/2022/library-hours",
      "https://news.example.com/2021/03/05/fire-station/",
    ]);
    assert.equal(index.damaged.length, 1);
    assert.equal(index.damaged[0]?.offset, 8269);
    const bridge = index.pages[1]!;
    assert.equal(bridge.captured, "2021-03-05T15:00:02Z");
    assert.match(bridge.recordId, /^<urn:uuid:/);
    const payload = new TextDecoder().decode(await readWarcPayload(bytes.subarray(bridge.offset, bridge.offset + bridge.length)));
    assert.match(payload, /^<!DOCTYPE html>[\s\S]*Council approves harbour bridge repairs/);
  });

  test("a damaged record in the middle is reported at its offset, and the records after it are read", async () => {
    const parts = await Promise.all([1, 2, 3, 4].map((n) => htmlRecord(`https://ex.org/${n}`, `<html><body><p>page ${n}</p></body></html>`, true)));
    const bytes = concat(parts);
    const second = parts[0]!.length;
    bytes.fill(0x41, second + 30, second + 60);
    const index = await indexWarc(memory(bytes), LIMIT);
    assert.deepEqual(index.pages.map((p) => p.url), ["https://ex.org/1", "https://ex.org/3", "https://ex.org/4"]);
    assert.deepEqual(index.damaged.map((d) => d.offset), [second]);
  });

  test("an uncompressed .warc reads the same, and a record cut short at its end is reported", async () => {
    const parts = await Promise.all([1, 2, 3].map((n) => htmlRecord(`https://ex.org/${n}`, `<html><body><p>page ${n}</p></body></html>`, false)));
    const whole = await indexWarc(memory(concat(parts)), LIMIT);
    assert.deepEqual(whole.pages.map((p) => p.url), ["https://ex.org/1", "https://ex.org/2", "https://ex.org/3"]);
    assert.deepEqual(whole.damaged, []);
    const cut = concat(parts).subarray(0, parts[0]!.length + parts[1]!.length + 40);
    const index = await indexWarc(memory(cut), LIMIT);
    assert.deepEqual(index.pages.map((p) => p.url), ["https://ex.org/1", "https://ex.org/2"]);
    assert.equal(index.damaged.length, 1);
  });

  test("regression: a record cut short inside its payload is reported instead of hanging warcio's skip", async () => {
    for (const gzip of [false, true]) {
      const parts = await Promise.all([1, 2].map((n) => htmlRecord(`https://ex.org/${n}`, `<html><body><p>${"page ".repeat(4000)}${n}</p></body></html>`, gzip)));
      const index = await indexWarc(memory(concat(parts).subarray(0, parts[0]!.length + Math.floor(parts[1]!.length / 2)), 100), LIMIT);
      assert.deepEqual(index.pages.map((p) => p.url), ["https://ex.org/1"], gzip ? "gzip" : "plain");
      assert.deepEqual(index.damaged.map((d) => d.offset), [parts[0]!.length], gzip ? "gzip" : "plain");
    }
  });

  test("a large crawl is indexed in bounded memory: 64 MB of records streamed, the heap grows by far less", async () => {
    const record = await htmlRecord("https://ex.org/page-000000", `<html><body><p>${"word ".repeat(20_000)}</p></body></html>`, false);
    const count = Math.ceil((64 * 1024 * 1024) / record.length);
    const template = Buffer.from(record);
    const source: WarcSource = {
      size: count * record.length,
      async *open(start) {
        for (let i = Math.floor(start / record.length); i < count; i++) {
          const copy = Buffer.from(template);
          copy.write(String(i).padStart(6, "0"), copy.indexOf("page-000000") + 5, "latin1");
          yield i === Math.floor(start / record.length) ? copy.subarray(start % record.length) : copy;
        }
      },
    };
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const index = await indexWarc(source, LIMIT);
    clearInterval(timer);
    assert.equal(index.counts.pages, count);
    assert.ok(peak - before < 48 * 1024 * 1024, `heap grew by ${Math.round((peak - before) / 1024 / 1024)} MB`);
  });

  test("crawl page names are readable and unique per URL; crawl files are told by their extension", () => {
    assert.equal(crawlPageName("crawls/may.warc.gz", "https://www.example.com/2021/03/04/bridge/?utm=x"), `crawls/may.warc.gz/example-com-2021-03-04-bridge-${sha256("https://www.example.com/2021/03/04/bridge/?utm=x").slice(0, 8)}.html`);
    assert.notEqual(crawlPageName("c.warc", "https://a.org/x?id=1"), crawlPageName("c.warc", "https://a.org/x?id=2"));
    assert.ok(isCrawl("a/b.warc.gz") && isCrawl("B.WARC") && !isCrawl("b.warc.txt"));
  });
});

describe("a content folder with an HTML page and a crawl, built end to end", () => {
  let root: string;
  let contentDir: string;
  let outputDir: string;
  let result: BuildResult;
  const lines: string[] = [];
  const dumpHashes = async (): Promise<string[]> => Promise.all(["bridge.html", "crawls/crawl.warc.gz"].map(async (f) => sha256(await readFile(path.join(contentDir, f)))));
  let hashesBefore: string[];

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), "morgue-warc-"));
    contentDir = path.join(root, "content");
    outputDir = path.join(root, "_site");
    await cp(path.join(here, "fixtures/html/harbour-bridge.html"), path.join(contentDir, "bridge.html"));
    await cp(CRAWL, path.join(contentDir, "crawls/crawl.warc.gz"));
    hashesBefore = await dumpHashes();
    result = await build({ contentDir, outputDir, config: { baseUrl: "https://archive.example.org/" }, search: false, log: (l) => lines.push(l) });
  });
  after(() => rm(root, { recursive: true, force: true }));

  test("the page and the crawl's articles become stories; the same story from both is built once", () => {
    // harbour bridge (file and crawl, merged), library hours and fire station from the crawl.
    assert.equal(result.stories, 3);
    assert.deepEqual(result.report.duplicates.map((d) => d.also.length), [1]);
  });

  test("every record of the crawl is built or counted in the report; the truncated one is a failure with its offset", () => {
    const note = result.report.notes.find((n) => n.file === "crawls/crawl.warc.gz");
    assert.equal(note?.message, "crawls/crawl.warc.gz: 12 records: 3 stories, 1 page that is not an article, 1 redirect, 1 error response, 1 revisit, 1 repeated capture of a page, 4 other records (requests, metadata, images, scripts, styles), 1 damaged record");
    assert.deepEqual(result.report.failures.map((f) => [f.file, f.rule, f.message]), [["crawls/crawl.warc.gz", "warc-damaged", "the record at byte 8269 cannot be read: truncated or damaged record at the end of the file"]]);
  });

  test("crawl stories carry their capture; records live under records/<crawl>/; dumps are not changed", async () => {
    const record = await readFile(path.join(contentDir, "records/crawls/crawl.warc.gz/news-example-com-2021-03-05-fire-station-078dbfe6.html.md"), "utf8");
    assert.match(record, /capture:\n {2}warc: crawls\/crawl\.warc\.gz\n {2}recordId: <urn:uuid:[^>]+>\n {2}targetUri: https:\/\/news\.example\.com\/2021\/03\/05\/fire-station\/\n {2}date: '?2021-03-05T15:00:07Z'?\n/);
    assert.match(record, /published: '?2021-03-05T07:00:07-05:00'?/);
    assert.match(record, /outlet: The Example Times/);
    assert.deepEqual(await dumpHashes(), hashesBefore);
  });

  test("story pages show images from their original URL, with the caption", async () => {
    const page = await readFile(path.join(outputDir, "2021/03/04/council-approves-harbour-bridge-repairs/index.html"), "utf8");
    assert.match(page, /<img src="https:\/\/news\.example\.com\/img\/bridge-north-span\.jpg" alt="The north span of the harbour bridge"/);
    assert.match(page, /<figcaption>Workers inspect the north span/);
  });

  test("a rebuild reads neither the crawl nor the page again; remoteImages: false leaves remote images out", async () => {
    const again: string[] = [];
    await build({ contentDir, outputDir, config: { baseUrl: "https://archive.example.org/", remoteImages: false }, search: false, log: (l) => again.push(l) });
    assert.match(again.find((l) => l.startsWith("ingest:")) ?? "", /\(0 dumps read/);
    const page = await readFile(path.join(outputDir, "2021/03/04/council-approves-harbour-bridge-repairs/index.html"), "utf8");
    assert.ok(!page.includes("<img src=\"https://news.example.com"), "a remote image is still shown");
    assert.match(page, /<figcaption>Workers inspect the north span/);
  });

  test("morgue parse reads a crawl: one line per page, then what the crawl held", async () => {
    const out: string[] = [];
    assert.equal(await main(["parse", path.join(contentDir, "crawls/crawl.warc.gz")], (s) => out.push(s)), 0);
    assert.equal(out.filter((l) => / html\)$/.test(l)).length, 3);
    assert.match(out[out.length - 1] ?? "", /^crawl\.warc\.gz: 12 records: 3 stories/);
  });
});
