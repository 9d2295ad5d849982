// HTML pages as dumps: the fixture pages in tests/fixtures/html/ (made up, with the pitfalls real
// pages have: an impossible JSON-LD date, a JSON-LD date that differs from the printed one, an
// uploader as the markup's author, the outlet appended to a byline), the not-article rule, the
// dispatch by file kind, charset sniffing, and floors on page-html-dev when the corpus is there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeDump } from "../src/dump/decode.ts";
import { parseDump } from "../src/parse/index.ts";
import { looksLikeHtml, parseHtml } from "../src/parse/html/index.ts";
import { isPersonName, namesIn } from "../src/parse/html/printed.ts";
import { recordFromDump } from "../src/ingest/ingest.ts";
import { ParsedArticleSchema, type ParsedArticle } from "../src/record/schema.ts";
import { macroScores, overlap } from "../src/eval/shingles.ts";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): string => readFileSync(join(here, "fixtures/html", name), "utf8");
const options = { timezone: "America/New_York", fileName: "page.html" };

function article(html: string, extra: { url?: string; captured?: string; fileName?: string } = {}): ParsedArticle {
  const outcome = parseHtml(html, { ...options, ...extra });
  assert.ok(outcome.ok, outcome.ok ? "" : `${outcome.error.rule}: ${outcome.error.message}`);
  ParsedArticleSchema.parse(outcome.article);
  return outcome.article;
}

test("headline: the printed <h1> that the metadata confirms, without the site name of <title>", () => {
  const a = article(fixture("harbour-bridge.html"));
  assert.equal(a.title, "Council approves harbour bridge repairs");
  assert.match(a.provenance.title ?? "", /<h1> confirmed/);
});

test("JSON-LD datePublished 0001-01-01 is impossible: the printed <time> gives the date, with its zone", () => {
  const a = article(fixture("harbour-bridge.html"));
  assert.equal(a.date, "2021-03-04");
  assert.equal(a.published, "2021-03-04T09:30:00-05:00");
});

test("updated: the markup's dateModified when it is a full time after the publication", () => {
  const html = fixture("harbour-bridge.html");
  const later = article(html.replace('"datePublished":"0001-01-01T00:00:00Z",', '"datePublished":"0001-01-01T00:00:00Z","dateModified":"2021-03-05T10:15:00-05:00",'));
  assert.equal(later.updated, "2021-03-05T10:15:00-05:00");
  const earlier = article(html.replace('"datePublished":"0001-01-01T00:00:00Z",', '"datePublished":"0001-01-01T00:00:00Z","dateModified":"2021-03-01T10:15:00-05:00",'));
  assert.equal(earlier.updated, null);
});

test("a JSON-LD date that differs from the printed one loses to the printed one", () => {
  const a = article(fixture("library-hours.html"));
  assert.equal(a.date, "2022-06-10");
  assert.match(a.provenance.date ?? "", /markup says 2022-06-12/);
});

test("authors: the printed byline's people, without the outlet appended (', Business Insider')", () => {
  assert.deepEqual(article(fixture("harbour-bridge.html")).authors, ["Dana Whitfield", "Omar Reyes"]);
});

test("an uploader or site account in the markup is not taken for the author when the page prints another", () => {
  assert.deepEqual(article(fixture("library-hours.html")).authors, ["Priya Natarajan"]);
});

test("byline names: people only, with particles and initials; desks, agencies and outlets are not people", () => {
  assert.deepEqual(namesIn("By Kevin Johnson and Kevin McCoy, USA TODAY", ["USA Today"]), ["Kevin Johnson", "Kevin McCoy"]);
  assert.deepEqual(namesIn("Von Moritz Bachmann publiziert am 25. September 2018", []), ["Moritz Bachmann"]);
  assert.ok(isPersonName("Sarah E. Needleman", []));
  assert.ok(isPersonName("Maria da Silva", []));
  for (const notAPerson of ["Reuters", "Telegraph Sport", "Site Admin", "Editorial Staff", "Next Story", "The Example Times"]) {
    assert.ok(!isPersonName(notAPerson, ["The Example Times"]), notAPerson);
  }
});

test("images keep their original URL (resolved against the canonical URL), alt and caption; captions never reach the body", () => {
  const a = article(fixture("harbour-bridge.html"));
  assert.deepEqual(a.images, [
    { alt: "The north span of the harbour bridge", caption: "Workers inspect the north span, closed since January. (Photo: Lee Park)", src: "https://news.example.com/img/bridge-north-span.jpg" },
  ]);
  assert.ok(!a.body.includes("Workers inspect"), "the caption is in the body");
  assert.ok(!a.body.includes("Advertisement"), "the ad label is in the body");
});

test("the body is the article's paragraphs only: no headline, dateline, byline, navigation, related list or footer", () => {
  const a = article(fixture("harbour-bridge.html"));
  const paragraphs = a.body.split("\n\n");
  assert.equal(paragraphs.length, 5);
  assert.match(paragraphs[0] ?? "", /^The city council voted eight to one/);
  for (const cruft of ["March 4, 2021", "By Dana", "Ferry timetable", "All rights reserved", "Home"]) assert.ok(!a.body.includes(cruft), cruft);
});

test("outlet, canonical URL, section, language, and tags from the page's keywords merged with entity tags", () => {
  const a = article(fixture("harbour-bridge.html"));
  assert.equal(a.outlet, "The Example Times");
  assert.equal(a.url, "https://news.example.com/2021/03/04/harbour-bridge-repairs/");
  assert.equal(a.section, "Local");
  assert.equal(a.language, "en");
  assert.equal(a.profile, "html");
  assert.deepEqual(a.tags, ["Harbour Bridge", "infrastructure", "city budget"]);
  const result = recordFromDump("bridge.html", readFileSync(join(here, "fixtures/html/harbour-bridge.html")), "America/New_York");
  assert.ok("record" in result);
  assert.deepEqual(result.record.tags.slice(0, 3), ["Harbour Bridge", "infrastructure", "city budget"]);
  assert.ok(result.record.tags.includes("Maria Ortega"), `entity tags missing: ${result.record.tags.join(", ")}`);
});

test("a home page is not an article: rule not-article", () => {
  const outcome = parseHtml(fixture("front-page.html"), options);
  assert.ok(!outcome.ok);
  assert.equal(outcome.error.rule, "not-article");
});

test("a page dated only '3 hours ago' is dated from its capture time, in the site's zone", () => {
  const html = fixture("library-hours.html").replace('<span class="date">June 10, 2022</span>', '<span class="date">3 hours ago</span>').replace(/"datePublished":"[^"]*",/, "");
  const a = article(html, { captured: "2022-06-12T15:00:00Z" });
  assert.equal(a.published, "2022-06-12T08:00:00-04:00");
  const undated = parseHtml(html, options);
  assert.ok(!undated.ok && undated.error.rule === "no-date" && undated.partial?.title === "Library extends weekend hours after petition");
});

test("regression: an HTML page without a date takes the date in its file name, as the no-date hint says (not a crawl's page)", () => {
  const html = fixture("library-hours.html").replace('<span class="date">June 10, 2022</span>', "").replace(/"datePublished":"[^"]*",/, "");
  const undated = parseHtml(html, options);
  assert.ok(!undated.ok && undated.error.rule === "no-date" && /file name/.test(undated.error.hint), "the hint names the file-name fix");
  const a = article(html, { fileName: "2022-06-10-library-hours.html" });
  assert.equal(a.date, "2022-06-10");
  assert.equal(a.published, null);
  assert.equal(a.provenance.date, "file name 2022-06-10-library-hours.html");
  const crawled = parseHtml(html, { ...options, fileName: "crawl.warc/example.org-library-20220610.html", captured: "2022-06-12T15:00:00Z" });
  assert.ok(!crawled.ok && crawled.error.rule === "no-date", "a crawl page's name is no date");
});

test("a date after the page was captured is impossible", () => {
  const html = fixture("library-hours.html").replace(/"datePublished":"[^"]*",/, "");
  const outcome = parseHtml(html, { ...options, captured: "2022-01-01T00:00:00Z" });
  assert.ok(!outcome.ok && outcome.error.rule === "no-date");
});

test("dispatch: .html files and sniffed markup go to the HTML parser, text dumps do not", () => {
  assert.ok(looksLikeHtml("  <!-- saved --> <!DOCTYPE html><html>"));
  assert.ok(looksLikeHtml("<html lang=en><head>"));
  assert.ok(!looksLikeHtml("Breaking: <html> tags explained\nBy Someone"));
  const sniffed = parseDump(fixture("harbour-bridge.html"), { timezone: "UTC", fileName: "saved-page.txt" });
  assert.ok(sniffed.ok && sniffed.article.profile === "html");
});

test("recordFromDump turns an .html file into a record whose sourceFile is the dump", () => {
  const result = recordFromDump("2021/bridge.html", readFileSync(join(here, "fixtures/html/harbour-bridge.html")), "America/New_York");
  assert.ok("record" in result);
  assert.equal(result.record.sourceFile, "2021/bridge.html");
  assert.equal(result.record.slug, "council-approves-harbour-bridge-repairs");
});

test("regression: a page in windows-1251 that says so in <meta charset> is decoded by that charset", () => {
  const text = "<html><head><meta charset=\"windows-1251\"><title>Привет</title></head><body></body></html>";
  const bytes = Uint8Array.from([...text].map((c) => { const code = c.charCodeAt(0); return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code; }));
  const decoded = decodeDump(bytes);
  assert.ok(decoded.ok);
  assert.ok(decoded.text.includes("<title>Привет</title>"));
});

test("bad markup never throws: empty, broken and script-only pages give an error with a rule", () => {
  for (const html of ["<html>", "<!DOCTYPE html><html><body><p>unclosed <b>bold", "<html><script>var x = '<p>';</script></html>", "<!DOCTYPE html><html><head><script type=\"application/ld+json\">{not json</script></head></html>"]) {
    const outcome = parseHtml(html, options);
    assert.ok(!outcome.ok && ["not-article", "no-headline", "no-date"].includes(outcome.error.rule), html);
  }
});

// Floors on the dev corpus (page-html-dev, meta-dev), when the shared folder is there. Measured
// body F1 0.966 and 91 of 94 pages on the true day as written (meta-dev's scorer, which also
// accepts the day in UTC or the truth's offset: 93 of 94) when the HTML parser landed; each floor
// is the figure minus a margin. Raise them as they improve.
const CORPUS = join(here, "../../shared/corpora/page-html-dev");
const TRUTH = join(here, "../../shared/corpora/meta-dev/truth.json");
const DEV_BODY_F1_FLOOR = 0.955;
const DEV_DATE_FLOOR = 0.94;

test("page-html-dev: body F1 and same-day dates stay above their floors", { skip: !existsSync(CORPUS) && "page-html-dev is not next to the repository" }, () => {
  const truth = JSON.parse(readFileSync(TRUTH, "utf8")) as Record<string, { published: string }>;
  const ids = Object.keys(truth).sort();
  let sameDay = 0;
  const overlaps = ids.map((id) => {
    const decoded = decodeDump(readFileSync(join(CORPUS, "dumps", `${id}.html`)));
    assert.ok(decoded.ok);
    const outcome = parseHtml(decoded.text, { timezone: "UTC", fileName: `${id}.html` });
    const body = outcome.ok ? outcome.article.body : (outcome.partial?.body ?? "");
    if (outcome.ok && outcome.article.date === (truth[id]?.published ?? "").slice(0, 10)) sameDay++;
    return overlap(readFileSync(join(CORPUS, "expected", `${id}.body.txt`), "utf8"), body);
  });
  const { f1 } = macroScores(overlaps);
  assert.ok(f1 >= DEV_BODY_F1_FLOOR, `body F1 ${f1.toFixed(3)} < ${DEV_BODY_F1_FLOOR}`);
  // A stricter count than meta-dev's scorer (the day as written only, no offset shifts).
  assert.ok(sameDay / ids.length >= DEV_DATE_FLOOR, `same-day dates ${sameDay}/${ids.length}`);
});
