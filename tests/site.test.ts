// End to end: the fixture dumps in tests/fixtures/site/ built with `build()` into a temp folder,
// then the output read back: pages and their content, links, feeds, metadata, catalog, escaping.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { buildArchive } from "../src/index/archive.ts";
import { resolveConfig } from "../src/config.ts";
import { SITE_CONFIG, brokenLinks, buildFixtureSite, emptyReport, listFiles, makeRecord, readText, type BuiltSite } from "./helpers/site.ts";
import { assertWellFormedXml, jsonLdBlocks, linksIn, textOf } from "./helpers/markup.ts";

const EMBASSY = "2020/09/28/us-threatens-to-close-embassy-in-baghdad/";
const WAIVER = "2020/09/23/us-grants-iraq-new-60-day-waiver-to-import-iranian-gas/";
const WILDFIRES = "2020/09/28/pg-and-e-shuts-power-to-11-000-customers-to-prevent-wildfires/";
const INAUGURATION = "2021/01/20/biden-sworn-in-as-46th-president-of-the-united-states/";

let site: BuiltSite;
let files: string[];
const page = (url: string): Promise<string> => readText(site.outputDir, `${url.replace(/^\//, "")}index.html`);

interface CatalogEntry {
  id: string;
  url: string;
  title: string;
  published: string;
  section: string;
  tags: string[];
  related: string[];
  links: { title: string; url: string | null }[];
}

before(async () => {
  site = await buildFixtureSite({ search: true });
  files = await listFiles(site.outputDir);
});
after(() => site.cleanup());

describe("fixture build", () => {
  test("builds every fixture story, quickly and without failures", () => {
    assert.equal(site.result.stories, 5);
    assert.deepEqual(site.result.report.failures, []);
    assert.ok(site.result.pages > 40, `only ${site.result.pages} pages`);
    console.log(`# fixture build: ${site.result.pages} pages in ${site.ms} ms (${JSON.stringify(site.result.timings)})`);
  });

  test("writes the expected pages and files", () => {
    for (const file of [
      "index.html", "archive/index.html", "404.html", "robots.txt", "sitemap.xml", "catalog.json",
      "report/index.html", "report.json", "feed.xml", "feed.json", "search/index.html", "assets/site.css",
      "2019/index.html", "2020/index.html", "2021/index.html", "2020/09/index.html", "2020/09/28/index.html",
      `${EMBASSY}index.html`, `${WAIVER}index.html`, `${WILDFIRES}index.html`, `${INAUGURATION}index.html`,
      "section/index.html", "tag/index.html", "tag/iraq/index.html", "tag/iraq/page/2/index.html",
      "section/middle-east/index.html", "section/middle-east/feed.xml", "section/middle-east/feed.json",
      "pagefind/shards.json", "pagefind/2019/pagefind.js", "pagefind/2020/pagefind.js", "pagefind/2021-01/pagefind.js",
    ]) {
      assert.ok(files.includes(file), `missing ${file}`);
    }
  });

  test("article page: headline, byline, dateline, section, tags, figure, body", async () => {
    const html = await page(EMBASSY);
    assert.equal(textOf(html, /<h1[^>]*>/), "US Threatens to Close Embassy in Baghdad");
    assert.match(html, /<p class="byline"[^>]*>By <span class="author">VOA News<\/span><\/p>/);
    assert.match(html, /<time datetime="2020-09-28T03:35:00-04:00">September 28, 2020, 3:35 AM EDT<\/time>/);
    assert.match(html, /<a href="\/section\/us\/" data-pagefind-filter="section" data-pagefind-meta="section">USA<\/a>/);
    assert.match(html, /<a href="\/tag\/iraq\/" data-pagefind-filter="tag">Iraq<\/a>/);
    assert.match(html, /<figure class="image">[\s\S]*<figcaption>Iraqi security forces stand guard in front of the U\.S\. embassy/);
    assert.match(html, /<p>The United States is threatening to close its embassy in Baghdad/);
  });

  test("related stories from the dump: resolved link, or not in the archive with section, date and source", async () => {
    const html = await page(EMBASSY);
    const dump = textOf(html, /<section class="related-dump"[^>]*>/) ?? "";
    assert.match(html, new RegExp(`<a href="/${WAIVER}">US Grants Iraq New 60-Day Waiver to Import Iranian Gas</a>`));
    assert.match(dump, /Rockets Target Baghdad’s Green Zone for Third Time in a Week Not in the archive · Middle East · September 19, 2020 · Dana Whitfield/);
  });

  test("two stories naming each other link both ways, and 'linked from' shows it", async () => {
    const embassy = await page(EMBASSY);
    const waiver = await page(WAIVER);
    assert.ok(linksIn(waiver).includes(`/${EMBASSY}`), "waiver links to embassy (headline differs in case)");
    assert.match(textOf(embassy, /<section class="linked-from"[^>]*>/) ?? "", /US Grants Iraq New 60-Day Waiver/);
    assert.match(textOf(waiver, /<section class="linked-from"[^>]*>/) ?? "", /US Threatens to Close Embassy/);
  });

  test("related lists start with the dump's own and add no computed story on another subject", async () => {
    const catalog = JSON.parse(await readText(site.outputDir, "catalog.json")) as { articles: CatalogEntry[] };
    const embassy = catalog.articles.find((a) => a.url === `/${EMBASSY}`);
    assert.ok(embassy);
    assert.equal(embassy.related[0], `/${WAIVER}`, "the dump's related story comes first");
    assert.ok(embassy.related.length <= 3);
    assert.equal(new Set(embassy.related).size, embassy.related.length, "no repeats");
    assert.ok(!embassy.related.includes(embassy.url), "never itself");
    // Regression: every story was filled up to relatedLimit, a wildfire power cut with the
    // Baghdad embassy and a court-website hack; the five stories are on five subjects.
    const wildfires = catalog.articles.find((a) => a.url === `/${WILDFIRES}`);
    assert.deepEqual(wildfires?.related, []);
    assert.doesNotMatch(await page(WILDFIRES), /<section class="related-computed"/);
  });

  test("prev/next follow archive order; two stories on one day are listed in time order", async () => {
    const embassy = await page(EMBASSY);
    assert.match(embassy, new RegExp(`<a rel="prev" href="/${WAIVER}">`));
    assert.match(embassy, new RegExp(`<a rel="next" href="/${WILDFIRES}">`));
    const day = await page("/2020/09/28/");
    const first = day.indexOf(`/${EMBASSY}`);
    const second = day.indexOf(`/${WILDFIRES}`);
    assert.ok(first > 0 && second > first, "3:35 AM before 10:05 AM");
    assert.match(day, /2 stories/);
  });

  test("date archives: years, months with a calendar, archive index with counts", async () => {
    const month = await page("/2020/09/");
    assert.match(month, /<table class="calendar">/);
    assert.match(month, /<td class="has-stories"><a href="\/2020\/09\/23\/">23<span class="n"><span class="visually-hidden">: <\/span>1<span class="visually-hidden"> story<\/span><\/span><\/a><\/td>/);
    assert.match(month, /<td>24<\/td>/);
    const archive = await page("/archive/");
    assert.match(archive, /<a href="\/2020\/">2020<\/a> <span class="count">3 stories<\/span>/);
    assert.match(archive, /<a href="\/2021\/01\/">January<\/a> <span class="count">1<\/span>/);
    const year = await page("/2019/");
    assert.match(year, /November 2019/);
  });

  test("section and tag pages paginate at itemsPerPage; the tag index counts merged tags", async () => {
    const iraq = await page("/tag/iraq/");
    assert.match(iraq, /\(page 1 of 2\)/);
    assert.equal((iraq.match(/class="story-link"/g) ?? []).length, 2);
    assert.match(iraq, /<a rel="next" href="\/tag\/iraq\/page\/2\/">/);
    const index = await page("/tag/");
    assert.match(index, /<a href="\/tag\/iraq\/">Iraq<\/a> <span class="count">\d stories<\/span>/);
    const tagDirs = readdirSync(path.join(site.outputDir, "tag"));
    assert.equal(new Set(tagDirs.map((d) => d.toLowerCase())).size, tagDirs.length);
  });

  test("the sample's figure prints its caption once; 'More ...' items are linked or marked not in the archive", async () => {
    const html = await page(EMBASSY);
    assert.doesNotMatch(html, /image-description/, "the cut alt text repeats the caption");
    const more = textOf(html, /<section class="more"[^>]*>/) ?? "";
    assert.match(more, /US Judge Halts Government Ban on TikTok Not in the archive/);
    assert.match(html, new RegExp(`<section class="more"[\\s\\S]*<a href="/${WILDFIRES}">`));
  });

  test("every page has the favicon; the search page has one search box", async () => {
    assert.ok(files.includes("assets/favicon.svg"));
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      assert.match(await readText(site.outputDir, file), /<link rel="icon" href="\/assets\/favicon\.svg" type="image\/svg\+xml">/, file);
    }
  });

  test("tag index lists tags on two stories or more; letter pages list every tag; tag pages chart their months", async () => {
    const index = await page("/tag/");
    const catalog = JSON.parse(await readText(site.outputDir, "catalog.json")) as { articles: CatalogEntry[] };
    const counts = new Map<string, number>();
    for (const a of catalog.articles) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    const single = [...counts].find(([, n]) => n === 1)?.[0] ?? "";
    assert.ok(single);
    assert.ok(!textOf(index, /<section aria-labelledby="top-all">/)?.includes(single), `${single} is on one story`);
    const letterFile = files.find((f) => f.startsWith("tags/") && f.endsWith("index.html") && f.includes(`/${single[0]?.toLowerCase()}/`));
    assert.ok(letterFile, `a letter page for ${single}`);
    assert.ok((await readText(site.outputDir, letterFile)).includes(`>${single}</a>`));
    const iraq = await page("/tag/iraq/");
    assert.match(iraq, /<svg class="bars"[^>]*aria-label="Stories per month tagged Iraq"/);
    assert.match(iraq, /stories from September 23, 2020 to January 20, 2021/);
    assert.match(iraq, /<h2 id="with-h">Often together with<\/h2>/);
    const tagJson = JSON.parse(await readText(site.outputDir, "tag/index.json")) as [string, string, number][];
    assert.equal(tagJson.length, counts.size);
  });

  test("every internal link and asset in every HTML page resolves to a file", async () => {
    assert.deepEqual(await brokenLinks(site.outputDir, files, SITE_CONFIG.baseUrl), []);
  });

  test("feeds and sitemap are well-formed, JSON feeds parse, URLs are absolute", async () => {
    for (const file of files.filter((f) => f.endsWith(".xml"))) {
      assertWellFormedXml(await readText(site.outputDir, file));
    }
    const atom = await readText(site.outputDir, "feed.xml");
    assert.match(atom, /<link href="https:\/\/archive\.example\.org\/feed\.xml" rel="self"\/>/);
    assert.equal((atom.match(/<entry>/g) ?? []).length, 5);
    assert.match(atom, /<updated>2021-01-20T\d\d:\d\d:\d\dZ<\/updated>/);
    for (const file of files.filter((f) => f.endsWith("feed.json"))) {
      const feed = JSON.parse(await readText(site.outputDir, file)) as { version: string; items: { url: string }[] };
      assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
      for (const item of feed.items) assert.match(item.url, /^https:\/\/archive\.example\.org\/\d{4}\//);
    }
    const sitemap = await readText(site.outputDir, "sitemap.xml");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? "").pathname);
    for (const loc of locs) assert.ok(files.includes(`${loc.slice(1)}index.html`), `sitemap names missing ${loc}`);
    const htmlPages = files.filter((f) => f.endsWith("index.html") && !f.startsWith("report/"));
    assert.equal(locs.length, htmlPages.length);
    assert.match(await readText(site.outputDir, "robots.txt"), /Sitemap: https:\/\/archive\.example\.org\/sitemap\.xml/);
  });

  test("article metadata: canonical, Open Graph, NewsArticle JSON-LD", async () => {
    const html = await page(EMBASSY);
    assert.match(html, new RegExp(`<link rel="canonical" href="https://archive.example.org/${EMBASSY}">`));
    assert.match(html, /<meta property="article:published_time" content="2020-09-28T03:35:00-04:00">/);
    assert.match(html, /<meta property="article:section" content="USA">/);
    assert.match(html, /<meta property="article:tag" content="Iraq">/);
    const [block] = jsonLdBlocks(html);
    const ld = JSON.parse(block ?? "") as Record<string, unknown>;
    assert.equal(ld["@type"], "NewsArticle");
    assert.equal(ld.headline, "US Threatens to Close Embassy in Baghdad");
    assert.equal(ld.datePublished, "2020-09-28T03:35:00-04:00");
    assert.equal(ld.articleSection, "USA");
    assert.deepEqual(ld.author, [{ "@type": "Person", name: "VOA News" }]);
    assert.match(JSON.stringify(ld.image), /caption/);
    for (const file of files.filter((f) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(f))) {
      const blocks = jsonLdBlocks(await readText(site.outputDir, file));
      assert.equal(blocks.length, 1, file);
      JSON.parse(blocks[0] ?? "");
    }
  });

  test("catalog.json agrees with the pages", async () => {
    const catalog = JSON.parse(await readText(site.outputDir, "catalog.json")) as { articles: CatalogEntry[] };
    assert.equal(catalog.articles.length, 5);
    for (const a of catalog.articles) {
      const html = await page(a.url);
      assert.equal(textOf(html, /<h1[^>]*>/), a.title);
      assert.match(html, new RegExp(`<meta property="article:section" content="${a.section.replace(/&/g, "&amp;")}">`));
      const links = linksIn(html);
      for (const url of a.related) assert.ok(links.includes(url), `${a.url} should link related ${url}`);
      for (const l of a.links) if (l.url) assert.ok(links.includes(l.url), `${a.url} should link ${l.url}`);
      for (const tag of a.tags) assert.ok(html.includes(`>${tag.replace(/&/g, "&amp;")}</a>`), `${a.url} should show tag ${tag}`);
    }
    const wildfires = catalog.articles.find((a) => a.url === `/${WILDFIRES}`);
    assert.deepEqual(wildfires?.links, [{ title: "California’s Glass Fire Forces Thousands to Flee", url: null }]);
  });

  test("report lists related stories not in the archive and which stories name them", async () => {
    const report = JSON.parse(await readText(site.outputDir, "report.json")) as {
      missingRelated: { title: string; section: string; date: string; namedBy: string[] }[];
    };
    const rockets = report.missingRelated.find((m) => m.title.startsWith("Rockets Target"));
    assert.deepEqual(rockets?.namedBy, [`/${EMBASSY}`, `/${INAUGURATION}`], "curly and straight apostrophes are one story");
    assert.equal(rockets?.date, "2020-09-19");
    const html = await page("/report/");
    assert.match(html, /California’s Glass Fire Forces Thousands to Flee/);
    assert.match(await page("/"), /<a href="\/report\/">Build report<\/a>/);
  });

  test("hostile text is escaped and never run through a template language", async () => {
    const url = files.find((f) => f.startsWith("2019/11/05/hackers"));
    assert.ok(url);
    const html = await readText(site.outputDir, url);
    assert.equal(textOf(html, /<h1[^>]*>/), `Hackers Post "<script>alert('pwned')</script>" on Court Website {{ site.title }}`);
    assert.match(html, /\{\{ x \}\} and \{% raw %\}/);
    assert.match(html, /<figcaption>A screenshot of the defaced court website showing the text &lt;b&gt;owned&lt;\/b&gt;/);
    for (const file of files.filter((f) => /\.(html|xml)$/.test(f))) {
      const text = await readText(site.outputDir, file);
      assert.ok(!/<script>alert/i.test(text), `${file} carries a live script`);
      assert.ok(!/<b>owned/.test(text), `${file} carries live markup`);
      for (const block of jsonLdBlocks(text)) assert.ok(!block.includes("<"), `${file}: JSON-LD must escape <`);
    }
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script type="application/ld+json">']);
  });

  test("the search page loads its script; story pages carry section, year, month and tag filters and a date sort", async () => {
    const search = await page("/search/");
    assert.match(search, /<script src="\/assets\/search\.js" type="module"><\/script>/);
    assert.equal((search.match(/role="search"/g) ?? []).length, 1, "one search box on the search page");
    const html = await page(WAIVER);
    assert.match(html, /data-pagefind-body/);
    assert.match(html, /<article class="story" data-pagefind-body data-pagefind-filter="year:2020" data-pagefind-meta="date:September 23, 2020" data-pagefind-sort="date:2020-09-23T18:13:00-04:00">/);
    assert.match(html, /<a href="\/section\/middle-east\/" data-pagefind-filter="section" data-pagefind-meta="section">Middle East<\/a>/);
    assert.match(html, /<p class="dateline" data-pagefind-ignore data-pagefind-filter="month:2020-09">/);
    assert.ok(files.some((f) => f.startsWith("pagefind/2020/index/")), "one search index a year");
    assert.deepEqual(JSON.parse(await readText(site.outputDir, "pagefind/shards.json")), { shards: ["2019/", "2020/", "2021-01/"] }, "the newest month apart from its year");
  });
});

describe("sub-path hosting", () => {
  const BASE = "https://example.org/archive/";
  let sub: BuiltSite;
  let subFiles: string[];
  before(async () => {
    sub = await buildFixtureSite({ search: true, config: { baseUrl: BASE } });
    subFiles = await listFiles(sub.outputDir);
  });
  after(() => sub.cleanup());

  test("sub-path baseUrl: every link, asset and form on every page resolves under /archive/", async () => {
    assert.deepEqual(await brokenLinks(sub.outputDir, subFiles, BASE), []);
    const home = await readText(sub.outputDir, "index.html");
    assert.match(home, /<link rel="stylesheet" href="\/archive\/assets\/site\.css">/);
    assert.match(home, /<link rel="canonical" href="https:\/\/example\.org\/archive\/">/);
    assert.match(await readText(sub.outputDir, "404.html"), /<a href="\/archive\/search\/">/, "the 404 page links absolutely, whatever folder it is shown for");
  });

  test("sub-path baseUrl: feeds, sitemap, robots.txt, catalog and search keep /archive/", async () => {
    const atom = await readText(sub.outputDir, "feed.xml");
    const entryLinks = [...atom.matchAll(/<link href="([^"]+)"\/>/g)].map((m) => m[1] ?? "");
    assert.ok(entryLinks.length >= 5);
    for (const link of entryLinks) assert.ok(link.startsWith(BASE), link);
    const json = JSON.parse(await readText(sub.outputDir, "feed.json")) as { feed_url: string; items: { url: string }[] };
    assert.equal(json.feed_url, `${BASE}feed.json`);
    for (const item of json.items) assert.match(item.url, /^https:\/\/example\.org\/archive\/\d{4}\//);
    const locs = [...(await readText(sub.outputDir, "sitemap.xml")).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? "");
    for (const loc of locs) assert.ok(loc.startsWith(BASE) && subFiles.includes(`${loc.slice(BASE.length)}index.html`), loc);
    assert.equal(await readText(sub.outputDir, "robots.txt"), `User-agent: *\nDisallow: /archive/report/\n\nSitemap: ${BASE}sitemap.xml\n`);
    const catalog = JSON.parse(await readText(sub.outputDir, "catalog.json")) as { articles: CatalogEntry[] };
    for (const a of catalog.articles) assert.ok(subFiles.includes(`${a.url.replace(/^\/archive\//, "")}index.html`), a.url);
    assert.match(await readText(sub.outputDir, "search/index.html"), /data-base-url="\/archive\/"/);
  });
});

describe("determinism", () => {
  test("two builds of the same dumps give byte-identical sites", async () => {
    const a = await buildFixtureSite({ search: false });
    const b = await buildFixtureSite({ search: false });
    try {
      const names = await listFiles(a.outputDir);
      assert.deepEqual(names, await listFiles(b.outputDir));
      for (const name of names) {
        assert.equal(await readText(a.outputDir, name), await readText(b.outputDir, name), name);
      }
    } finally {
      await Promise.all([a.cleanup(), b.cleanup()]);
    }
  });
});

describe("buildArchive", () => {
  const config = resolveConfig({ itemsPerPage: 2, relatedLimit: 2 });
  const noBody = (): string => "";

  test("stories sharing a URL get -2, -3 in archive order", () => {
    const records = [
      makeRecord({ title: "Same Headline", date: "2020-01-01", id: "bbbbbbbbbbbb", published: "2020-01-01T09:00:00-05:00" }),
      makeRecord({ title: "Same Headline", date: "2020-01-01", id: "aaaaaaaaaaaa", published: "2020-01-01T09:00:00-05:00" }),
      makeRecord({ title: "Same Headline", date: "2020-01-01", id: "cccccccccccc", published: "2020-01-01T08:00:00-05:00" }),
    ];
    const archive = buildArchive(records, emptyReport(), config, noBody);
    assert.deepEqual(
      archive.articles.map((a) => [a.id, a.url]),
      [
        ["cccccccccccc", "/2020/01/01/same-headline/"],
        ["aaaaaaaaaaaa", "/2020/01/01/same-headline-2/"],
        ["bbbbbbbbbbbb", "/2020/01/01/same-headline-3/"],
      ],
    );
    assert.deepEqual(buildArchive([...records].reverse(), emptyReport(), config, noBody), archive);
  });

  test("related headlines match across case, quotes, dashes and spacing", () => {
    const related = (title: string) => ({ title, section: null, summary: null, source: null, published: null, image: null });
    const archive = buildArchive(
      [
        makeRecord({ title: "Iraq’s “New” 60–Day Waiver", date: "2020-01-01" }),
        makeRecord({ title: "Other", date: "2020-01-02", related: [related(`IRAQ'S  "new" 60-day   waiver`), related("Gone Story")] }),
      ],
      emptyReport(),
      config,
      noBody,
    );
    const other = archive.articles[1];
    assert.equal(other?.links[0]?.article?.url, archive.articles[0]?.url);
    assert.equal(other?.links[1]?.article, null);
    assert.equal(archive.report.missingRelated[0]?.title, "Gone Story");
    assert.deepEqual(archive.articles[0]?.linkedFrom.map((l) => l.url), [other?.url]);
  });

  test("times print with their zone and lists read in clock order (12:48 PM GMT+8 was listed between 7:05 and 8:02 AM)", () => {
    const archive = buildArchive(
      [
        makeRecord({ title: "Morning", date: "2020-09-28", published: "2020-09-28T07:05:00-04:00" }),
        makeRecord({ title: "Asia noon", date: "2020-09-28", published: "2020-09-28T12:48:00+08:00" }),
        makeRecord({ title: "Later morning", date: "2020-09-28", published: "2020-09-28T08:02:00-04:00" }),
        makeRecord({ title: "Winter", date: "2020-12-01", published: "2020-12-01T09:00:00-05:00" }),
      ],
      emptyReport(),
      config,
      noBody,
    );
    assert.deepEqual(archive.days[0]?.articles.map((a) => [a.title, a.zone]), [
      ["Morning", "EDT"],
      ["Later morning", "EDT"],
      ["Asia noon", "GMT+8"],
    ]);
    assert.equal(archive.articles.at(-1)?.zone, "EST");
  });

  test("section names: case, dots and aliases fold to one section; every script gets a readable slug", () => {
    const archive = buildArchive(
      ["U.S.", "US", "USA", "us", "Новости", "国际"].map((section, i) => makeRecord({ title: `Story ${i}`, date: `2020-01-0${i + 1}`, section })),
      emptyReport(),
      config,
      noBody,
    );
    assert.deepEqual(archive.sections.map((s) => [s.url, s.count]), [
      ["/section/guo-ji/", 1],
      ["/section/novosti/", 1],
      ["/section/us/", 4],
    ]);
    assert.deepEqual(archive.sectionIndex.main.map((s) => s.key), ["us"]);
    assert.deepEqual(archive.sectionIndex.small.map((s) => s.key), ["novosti", "guo-ji"], "by size, then name");
  });

  test("section slugs: ASCII labels skip the transliteration package, which returns every ASCII character as it is", async () => {
    const { transliterate } = await import("transliteration");
    for (let code = 0; code < 128; code++) assert.equal(transliterate(`a${String.fromCharCode(code)}b`), `a${String.fromCharCode(code)}b`, `character ${code}`);
  });

  test("tag index: most-covered first by type, single-story tags only on their letter page", () => {
    const archive = buildArchive(
      [
        makeRecord({ title: "One", date: "2020-01-01", tags: ["Mike Pompeo", "Baghdad", "Москва"], tagTypes: { "Mike Pompeo": "person", Baghdad: "place", Москва: "place" } }),
        makeRecord({ title: "Two", date: "2020-02-01", tags: ["Mike Pompeo", "Baghdad"], tagTypes: { "Mike Pompeo": "person", Baghdad: "place" } }),
        makeRecord({ title: "Three", date: "2020-02-02", tags: ["Mike Pompeo"], section: "Middle East" }),
      ],
      emptyReport(),
      config,
      noBody,
    );
    assert.deepEqual(archive.tagIndex.top.map((g) => [g.type, g.tags.map((t) => t.name)]), [
      ["person", ["Mike Pompeo"]],
      ["place", ["Baghdad"]],
    ]);
    assert.deepEqual(archive.tagIndex.letters.map((l) => [l.label, l.url, l.tags.map((t) => t.name)]), [
      ["B", "/tags/b/", ["Baghdad"]],
      ["M", "/tags/m/", ["Mike Pompeo"]],
      ["Cyrillic", "/tags/cyrillic/", ["Москва"]],
    ]);
    const pompeo = archive.listPages.find((p) => p.term.name === "Mike Pompeo");
    assert.deepEqual(pompeo?.profile.months, [
      { key: "2020-01", count: 1 },
      { key: "2020-02", count: 2 },
    ]);
    assert.equal(pompeo?.profile.first, "2020-01-01");
    assert.equal(pompeo?.profile.last, "2020-02-02");
    assert.deepEqual(pompeo?.profile.tags.map((t) => [t.name, t.count]), [["Baghdad", 2], ["Москва", 1]]);
    assert.deepEqual(pompeo?.profile.sections.map((t) => [t.name, t.count]), [["World", 2], ["Middle East", 1]]);
    assert.deepEqual(pompeo?.profile.years, [{ year: "2020", count: 3, url: "/tag/mike-pompeo/" }]);
  });

  test("regression (issue 14): a tag is typed on the index only when half its stories or more say so (one story's 'in Apple' made Apple a place)", () => {
    const archive = buildArchive(
      [
        makeRecord({ title: "One", date: "2020-01-01", tags: ["Apple", "Tim Cook"], tagTypes: { Apple: "place", "Tim Cook": "person" } }),
        makeRecord({ title: "Two", date: "2020-02-01", tags: ["Apple", "Tim Cook"], tagTypes: { "Tim Cook": "person" } }),
        makeRecord({ title: "Three", date: "2020-02-02", tags: ["Apple", "Tim Cook"] }),
      ],
      emptyReport(),
      config,
      noBody,
    );
    assert.deepEqual(archive.tagIndex.top.map((g) => [g.type, g.tags.map((t) => t.name)]), [
      ["person", ["Tim Cook"]],
      [null, ["Apple"]],
    ]);
  });

  test("review queue: default section, untagged, outlier dates, repeated headlines, undated", () => {
    const archive = buildArchive(
      [
        ...Array.from({ length: 8 }, (_, i) => makeRecord({ title: `Normal ${i}`, date: `2005-03-0${i + 1}`, tags: ["Iraq"] })),
        makeRecord({ title: "Misread", date: "1850-06-01", tags: ["Iraq"] }),
        makeRecord({ title: "No section", date: "2005-04-01", tags: ["Iraq"], provenance: { section: "default" } }),
        makeRecord({ title: "From the file name", date: "2005-04-02", tags: ["Iraq"], provenance: { date: "file name 2005-04-02-x.txt" } }),
        makeRecord({ title: "Normal 1", date: "2005-05-01" }),
        makeRecord({ title: "No date at all", date: null, published: null, tags: ["Iraq"] }),
      ],
      emptyReport(),
      config,
      noBody,
    );
    const { review } = archive.report;
    assert.deepEqual(review.defaultSection.map((a) => a.title), ["No section"]);
    assert.deepEqual(review.untagged.map((a) => a.title), ["Normal 1"]);
    assert.deepEqual(review.outlierDates.map((a) => a.date), ["1850-06-01"]);
    assert.deepEqual(review.repeatedHeadlines.map((g) => g.map((a) => a.date)), [["2005-03-02", "2005-05-01"]]);
    assert.deepEqual(review.datedByFileName.map((a) => a.title), ["From the file name"]);
    assert.deepEqual(review.undated.map((a) => a.url), ["/undated/no-date-at-all/"]);
    assert.deepEqual(archive.undated.map((a) => a.title), ["No date at all"]);
    assert.equal(archive.days.some((d) => d.articles.some((a) => a.date === null)), false, "undated stories are on no day page");
    assert.equal(archive.latest.some((a) => a.date === null), false, "nor in the feeds");
  });

  test("year pages lead each month with the stories on its most-told subjects", () => {
    const archive = buildArchive(
      [
        makeRecord({ title: "Quiet", date: "2020-01-01" }),
        ...Array.from({ length: 3 }, (_, i) => makeRecord({ title: `Election ${i}`, date: `2020-01-0${i + 2}`, tags: ["Election", "Senate"] })),
        ...Array.from({ length: 3 }, (_, i) => makeRecord({ title: `Filler ${i}`, date: `2020-01-1${i}` })),
      ],
      emptyReport(),
      resolveConfig({}),
      noBody,
    );
    const top = archive.months[0]?.top.map((a) => a.title) ?? [];
    assert.deepEqual(top.slice(0, 3), ["Election 0", "Election 1", "Election 2"]);
    assert.equal(top.length, 5);
  });

  test("tags differing in case and punctuation are one tag page, paginated", () => {
    const archive = buildArchive(
      ["Iraq", "iraq", "IRAQ!"].map((tag, i) => makeRecord({ title: `Story ${i}`, date: `2020-01-0${i + 1}`, tags: [tag] })),
      emptyReport(),
      config,
      noBody,
    );
    assert.equal(archive.tags.length, 1);
    assert.equal(archive.tags[0]?.count, 3);
    assert.deepEqual(archive.listPages.filter((p) => p.kind === "tag").map((p) => [p.url, p.items.length]), [
      ["/tag/iraq/", 2],
      ["/tag/iraq/page/2/", 1],
    ]);
  });
});
