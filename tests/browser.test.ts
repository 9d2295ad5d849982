// The built fixture site in a real browser (Chromium through playwright-core): navigation by
// links, search through Pagefind (also under a sub-path), every page kind at phone and desktop
// width in light and dark with axe-core, the tag pages of a 10,000-story archive against a size
// budget, and screenshots of every page kind kept in .scratch/shots/ to look at.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { buildFixtureSite, emptyReport, makeRecord, serve, type BuiltSite } from "./helpers/site.ts";
import { build } from "../src/build.ts";
import { generateDumps } from "../src/bench/generate.ts";
import { buildArchive, type Archive } from "../src/index/archive.ts";
import { resolveConfig } from "../src/config.ts";
import { pagedItems, type TemplateData } from "../src/render/types.ts";
import TagIndex from "../templates/tags.11ty.ts";
import List from "../templates/list.11ty.ts";
import TagLetterPages from "../templates/tagletters.11ty.ts";

const CHROMIUM = "/usr/bin/chromium";
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install -y chromium)`;
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** Screenshots are also kept here to look at by hand (gitignored). */
const SHOTS = fileURLToPath(new URL("../.scratch/shots/", import.meta.url));
const WIDTHS = [375, 1280] as const;

/** Every kind of page the fixture site has. */
const PAGE_KINDS: Record<string, string> = {
  home: "/",
  archive: "/archive/",
  year: "/2020/",
  month: "/2020/09/",
  day: "/2020/09/28/",
  article: "/2020/09/28/us-threatens-to-close-embassy-in-baghdad/",
  sections: "/section/",
  section: "/section/us/",
  tags: "/tag/",
  tag: "/tag/iraq/",
  "tag-letter": "/tags/i/",
  search: "/search/?q=embassy",
  report: "/report/",
  "not-found": "/404.html",
};

/**
 * Size budget of the tag index and the busiest tag's first page on a 10,000-story archive with
 * about 20,000 tags (the README states it): HTML bytes, and page height in CSS pixels at 375 px.
 * Also the first page of the biggest letter (10,000 tags). Measured: 6.9 KB and 2,200 px,
 * 28.6 KB and 6,450 px; the letter page below.
 */
const TAG_BUDGET = { indexBytes: 20_000, indexHeight: 4_000, tagBytes: 60_000, tagHeight: 9_000, letterBytes: 60_000, letterHeight: 10_000 };

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

describe("site in a browser", { skip }, () => {
  let site: BuiltSite;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let shots: string;

  before(async () => {
    site = await buildFixtureSite({ search: true });
    server = await serve(site.outputDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    shots = await mkdtemp(path.join(tmpdir(), "morgue-shots-"));
    await mkdir(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await site?.cleanup();
    if (shots) await rm(shots, { recursive: true, force: true });
  });

  async function axe(url: string): Promise<void> {
    await page.goto(`${server.url}${url}`);
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate("axe.run(document)")) as AxeResult;
    const problems = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(problems, [], `axe on ${url}`);
  }

  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    await cp(path.join(shots, `${name}.png`), path.join(SHOTS, `${name}.png`));
  }

  test("home -> month -> article -> related story, by clicking links", async () => {
    await page.goto(`${server.url}/`);
    assert.equal(await page.title(), "Test Morgue");
    await screenshot("home");
    await page.getByRole("link", { name: "All months" }).click();
    await page.locator("#y-2020 ~ ul").getByRole("link", { name: "September" }).click();
    assert.equal(new URL(page.url()).pathname, "/2020/09/");
    assert.equal(await page.locator("h1").textContent(), "September 2020");
    await page.getByRole("link", { name: "US Threatens to Close Embassy in Baghdad" }).first().click();
    assert.equal(await page.locator("h1").textContent(), "US Threatens to Close Embassy in Baghdad");
    await screenshot("article");
    await page.locator(".related-dump").getByRole("link", { name: "US Grants Iraq New 60-Day Waiver to Import Iranian Gas" }).click();
    assert.equal(await page.locator("h1").textContent(), "US Grants Iraq New 60-Day Waiver to Import Iranian Gas");
    assert.match(page.url(), /\/2020\/09\/23\/us-grants-iraq-new-60-day-waiver-to-import-iranian-gas\/$/);
  });

  test("searching a word from the search box finds the story", async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole("searchbox", { name: "Search the archive" }).fill("retardant");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\/\?q=retardant/);
    const result = page.locator("#search-results .story-link").first();
    await result.waitFor({ timeout: 10_000 });
    assert.match((await result.textContent()) ?? "", /PG&E Shuts Power/);
    const filters = (await page.locator(".search-options").textContent()) ?? "";
    assert.match(filters, /Section/);
    assert.match(filters, /Year/);
    assert.match(filters, /Tag/);
    const excerpt = (await page.locator("#search-results .summary").first().textContent()) ?? "";
    assert.doesNotMatch(excerpt, /By Associated Press|2020-09-28|PG&E Shuts Power to 11,000/, "byline, dateline and headline stay out of excerpts");
    await screenshot("search");
  });

  test("every page kind at 375 and 1280 px, light and dark: no sideways scroll, axe clean, no failed request", async () => {
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/404.html")) failed.push(`${r.status()} ${r.url()}`);
    });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [kind, url] of Object.entries(PAGE_KINDS)) {
          await axe(url);
          if (kind === "search") await page.locator("#search-results li").first().waitFor({ timeout: 10_000 });
          const overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
          assert.equal(overflow, 0, `${url} scrolls sideways at ${width} px`);
          if (scheme === "light" || kind === "article") await screenshot(`${kind}-${width}${scheme === "dark" ? "-dark" : ""}`);
        }
      }
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1200, height: 900 });
    assert.deepEqual(failed, [], "every asset, the favicon included, loads");
  });

  test("the phone header is compact", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/`);
    const height = await page.locator(".site-header").evaluate((e) => e.getBoundingClientRect().height);
    assert.ok(height <= 90, `header is ${height} px tall on a phone`);
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  test("the tag filter box appears with JavaScript and finds a tag", async () => {
    await page.goto(`${server.url}/tag/`);
    await page.getByLabel("Find a tag").fill("ira");
    await page.locator("#tag-filter-results a", { hasText: "Iraq" }).waitFor({ timeout: 5_000 });
    await page.locator("#tag-filter-results a", { hasText: "Iraq" }).click();
    assert.equal(new URL(page.url()).pathname, "/tag/iraq/");
  });

  test("search results show section and date, sort by date and filter by year", async () => {
    await page.goto(`${server.url}/search/?q=iraq&sort=old`);
    const metas = page.locator("#search-results .meta");
    await metas.first().waitFor({ timeout: 10_000 });
    const texts = await metas.allTextContents();
    assert.ok(texts.length >= 2);
    for (const text of texts) assert.match(text, /^[^·]+ · [A-Z][a-z]+ \d{1,2}, \d{4}/, "section · date");
    const years = texts.map((t) => Number(/\d{4}/.exec(t)?.[0]));
    assert.deepEqual(years, [...years].sort((a, b) => a - b), "oldest first");
    await page.goto(`${server.url}/search/?q=iraq&year=2021`);
    await metas.first().waitFor({ timeout: 10_000 });
    for (const text of await metas.allTextContents()) assert.match(text, /2021/);
  });
});

describe("site under a sub-path in a browser", { skip }, () => {
  const BASE = "https://example.org/archive/";
  let site: BuiltSite;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;

  before(async () => {
    site = await buildFixtureSite({ search: true, config: { baseUrl: BASE } });
    server = await serve(site.outputDir, "/archive/");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await site?.cleanup();
  });

  test("sub-path baseUrl: styles load and a search result opens its story under /archive/", async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.url}/archive/search/?q=retardant`);
    const result = page.locator("#search-results .story-link").first();
    await result.waitFor({ timeout: 10_000 });
    await result.click();
    await page.waitForURL(/\/archive\/2020\/09\/28\/pg-and-e/);
    await page.waitForLoadState("load");
    assert.equal(await page.evaluate("getComputedStyle(document.body).margin"), "0px", "site.css applies");
    assert.deepEqual(failed, []);
  });
});

/** A 10,000-story archive with a realistic tag spread: a few hundred recurring names, many one-story ones. */
function bigArchive(stories: number): Archive {
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sections = ["World", "US", "Business", "Technology", "Science", "Health", "Sport", "Arts", "Europe", "Africa", "Asia", "Opinion"];
  const records = Array.from({ length: stories }, (_, i) => {
    const day = new Date(Date.UTC(2004, 0, 1) + Math.floor(rand() * 3 * 365) * 86_400_000).toISOString().slice(0, 10);
    // Zipf-like: name k is drawn with weight 1/k from 600 recurring names, plus two names of this story only.
    const common = Array.from({ length: 4 }, () => `Name ${Math.floor(Math.exp(rand() * Math.log(600)))}`);
    return makeRecord({
      title: `Story ${i} about ${common[0]}`,
      date: day,
      section: sections[i % sections.length] as string,
      tags: [...new Set([...common, `Single ${i}a`, `Other ${i}b`])],
    });
  });
  return buildArchive(records, emptyReport(), resolveConfig({ itemsPerPage: 50 }), () => "");
}

describe("tag pages of a 10,000-story archive in a browser", { skip }, () => {
  test("the tag index, the busiest tag page and the biggest letter page stay within the size budget (bytes and height at 375 px)", async () => {
    const archive = bigArchive(10_000);
    const site = resolveConfig({});
    const data = { archive, pages: pagedItems(archive), site, articleSlice: [], feeds: [], page: { url: "/", outputPath: false } } as TemplateData;
    const busiest = archive.listPages.find((p) => p.kind === "tag" && p.term.key === archive.busiestTags[0]?.key);
    assert.ok(busiest);
    const index = new TagIndex().render(data);
    const tagPage = new List().render({ ...data, item: busiest });
    const biggest = [...archive.tagIndex.letters].sort((a, b) => b.tags.length - a.tags.length)[0];
    const letterPage = archive.tagIndex.letterPages.find((p) => p.letter === biggest);
    assert.ok(biggest && letterPage);
    const letter = new TagLetterPages().render({ ...data, item: letterPage });
    const dir = await mkdtemp(path.join(tmpdir(), "morgue-10k-"));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      await mkdir(path.join(dir, "tag", "t"), { recursive: true });
      await cp(fileURLToPath(new URL("../templates/assets/", import.meta.url)), path.join(dir, "assets"), { recursive: true });
      await writeFile(path.join(dir, "tag", "index.html"), index);
      await writeFile(path.join(dir, "tag", "t", "index.html"), tagPage);
      await writeFile(path.join(dir, "tag", "letter.html"), letter);
      const server = await serve(dir);
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      const height = async (url: string): Promise<number> => {
        await page.goto(`${server.url}${url}`);
        assert.equal(await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"), 0, `${url} scrolls sideways`);
        return Number(await page.evaluate("document.documentElement.scrollHeight"));
      };
      const measured = {
        tags: archive.tags.length,
        indexBytes: Buffer.byteLength(index),
        indexHeight: await height("/tag/"),
        tagBytes: Buffer.byteLength(tagPage),
        tagHeight: await height("/tag/t/"),
        letterTags: biggest.tags.length,
        letterPages: letterPage.pageCount,
        letterBytes: Buffer.byteLength(letter),
        letterHeight: await height("/tag/letter.html"),
      };
      await server.close();
      console.log(`# 10k tag pages: ${JSON.stringify(measured)}`);
      assert.ok(measured.tags > 15_000, `${measured.tags} tags`);
      assert.ok(measured.indexBytes <= TAG_BUDGET.indexBytes, `tag index ${measured.indexBytes} bytes`);
      assert.ok(measured.indexHeight <= TAG_BUDGET.indexHeight, `tag index ${measured.indexHeight} px`);
      assert.ok(measured.tagBytes <= TAG_BUDGET.tagBytes, `tag page ${measured.tagBytes} bytes`);
      assert.ok(measured.tagHeight <= TAG_BUDGET.tagHeight, `tag page ${measured.tagHeight} px`);
      assert.ok(measured.letterBytes <= TAG_BUDGET.letterBytes, `letter page ${measured.letterBytes} bytes`);
      assert.ok(measured.letterHeight <= TAG_BUDGET.letterHeight, `letter page ${measured.letterHeight} px`);
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("search shards against one index of the whole archive, in a browser", { skip }, () => {
  // 150 generated stories from January 2015 to June 2020: year shards 2015-2019, then 2020 (January
  // to May) and 2020-06, the newest month, apart. One Pagefind index over every story page of the
  // same site is what a reader must not be able to tell the shards from.
  let root: string;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), "morgue-shards-"));
    const content = path.join(root, "content");
    const site = path.join(root, "_site");
    await mkdir(content);
    for (const dump of generateDumps(150)) await writeFile(path.join(content, dump.name), dump.text);
    await build({ contentDir: content, outputDir: site, search: true });
    const { index } = await pagefind.createIndex({});
    await index!.addDirectory({ path: site, glob: "{2015,2016,2017,2018,2019,2020}/**/*.html" });
    await index!.writeFiles({ outputPath: path.join(site, "whole") });
    await pagefind.close();
    server = await serve(site);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    page = await browser.newPage();
    await page.goto(`${server.url}/`);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  test("the newest month has a shard of its own beside its year's", async () => {
    const shards = (await (await fetch(`${server.url}/pagefind/shards.json`)).json()) as { shards: string[] };
    assert.deepEqual(shards.shards, ["2015/", "2016/", "2017/", "2018/", "2019/", "2020/", "2020-06/"]);
  });

  const QUERIES: [string | null, object][] = [["embassy", {}], ["software privacy", {}], ["vote", { year: "2020" }], ["merkel", {}], ["drought", { section: "Africa" }], [null, { month: "2020-06" }], [null, { year: "2020" }]];

  test("the same hits and filter counts for the same queries", async () => {
    // A script of its own (a string): functions compiled by tsx carry helpers the page has not got.
    const compared = (await page.evaluate(`(async () => {
      const { shards } = await (await fetch("/pagefind/shards.json")).json();
      const sharded = await import("/pagefind/" + shards[0] + "pagefind.js");
      await sharded.options({ baseUrl: "/" });
      for (const shard of shards.slice(1)) await sharded.mergeIndex("/pagefind/" + shard, { baseUrl: "/" });
      const whole = await import("/whole/pagefind.js");
      await whole.options({ baseUrl: "/" });
      const queries = ${JSON.stringify(QUERIES)};
      const out = [];
      for (const [q, filters] of queries) {
        const found = [];
        for (const pf of [sharded, whole]) {
          const results = (await pf.search(q, { filters })).results;
          found.push((await Promise.all(results.map((r) => r.data()))).map((d) => d.url).sort());
        }
        out.push({ q, filters, sharded: found[0], whole: found[1] });
      }
      return { out, filters: [await sharded.filters(), await whole.filters()] };
    })()`)) as { out: { q: string | null; filters: object; sharded: string[]; whole: string[] }[]; filters: unknown[] };
    for (const { q, filters, sharded, whole } of compared.out) {
      assert.ok(whole.length > 0, `${q} ${JSON.stringify(filters)} finds stories`);
      assert.deepEqual(sharded, whole, `${q} ${JSON.stringify(filters)}`);
    }
    assert.deepEqual(compared.filters[0], compared.filters[1], "filter values and counts");
  });

  test("a date-sorted search on the search page lists the whole index's hits, newest first, across the split year", async () => {
    await page.goto(`${server.url}/search/?q=report&sort=new`);
    const status = page.locator("#search-status");
    await status.filter({ hasText: /\d+ stor/ }).waitFor({ timeout: 10_000 });
    const count = Number(/(\d+)/.exec((await status.textContent()) ?? "")?.[1]);
    const whole = (await page.evaluate(`(async () => {
      const pf = await import("/whole/pagefind.js");
      await pf.options({ baseUrl: "/" });
      return (await pf.search("report", {})).results.length;
    })()`)) as number;
    assert.equal(count, whole);
    const items = page.locator("#search-results li");
    for (let shown = await items.count(); shown < count; shown = await items.count()) {
      await page.locator("#search-more").click();
      await items.nth(shown).waitFor({ timeout: 10_000 });
    }
    const hrefs = await page.locator("#search-results a.story-link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const days = hrefs.map((href) => /\/(\d{4}\/\d{2}\/\d{2})\//.exec(href)?.[1] ?? "");
    assert.equal(days.length, whole);
    assert.deepEqual(days, [...days].sort().reverse(), "newest first");
    assert.ok(days.some((d) => d.startsWith("2020/06")) && days.some((d) => d.startsWith("2020/0") && !d.startsWith("2020/06")), "hits from both shards of 2020");
  });
});
