// The `morgue` command as a user runs it: `parse --json` on the sample, `build` on a content
// folder with a bad dump in it, `--help` on every command.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "src", "bin.js");
const sample = path.join(root, "content", "000_232c69b19052f130.txt");

function morgue(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test("parse --json gives every field of the sample with the sample's values", () => {
  const out = execFileSync(process.execPath, [bin, "parse", sample, "--json"], { encoding: "utf8" });
  const lines = out.trim().split("\n");
  assert.equal(lines.length, 1);
  const result = JSON.parse(lines[0]!);
  assert.equal(result.ok, true);
  const r = result.record;
  for (const key of ["id", "slug", "title", "date", "published", "section", "authors", "images", "body", "related", "more", "tags", "sourceFile"]) {
    assert.ok(key in r, `record has ${key}`);
  }
  assert.equal(r.title, "US Threatens to Close Embassy in Baghdad");
  assert.equal(r.date, "2020-09-28");
  assert.equal(r.section, "USA");
  assert.deepEqual(r.authors, ["VOA News"]);
  assert.equal(r.published, "2020-09-28T03:35:00-04:00");
  assert.equal(r.images.length, 1);
  assert.match(r.images[0].caption, /^Iraqi security forces stand guard in front of the U\.S\. embassy/);
  const paragraphs = r.body.split("\n\n");
  assert.equal(paragraphs.length, 7);
  assert.ok(!/logo|Related Stories|More U\.S\. News|stand guard|South Pars/.test(r.body), "no caption, logo or list line in the body");
  assert.equal(r.related.length, 1);
  assert.equal(r.related[0].title, "US Grants Iraq New 60-Day Waiver to Import Iranian Gas");
  assert.equal(r.related[0].source, "Agence France-Presse");
  assert.equal(r.related[0].published.slice(0, 16), "2020-09-23T18:13");
  assert.equal(r.more.reduce((n: number, block: { items: unknown[] }) => n + block.items.length, 0), 5);
});

test("parse --json reports a bad dump as ok:false with its line, and keeps going", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-cli-"));
  copyFileSync(sample, path.join(dir, "a.txt"));
  writeFileSync(path.join(dir, "b.txt"), "");
  const out = morgue("parse", dir, "--json");
  assert.equal(out.status, 0);
  const results = out.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(results.map((r) => r.ok), [true, false]);
  assert.equal(typeof results[1].error.message, "string");
  assert.equal(results[1].error.line, 0);
  rmSync(dir, { recursive: true });
});

test("build writes the article page and the report, exits 0 despite a bad dump, 1 with --strict", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-cli-"));
  const content = path.join(dir, "content");
  const site = path.join(dir, "site");
  execFileSync("mkdir", ["-p", content]);
  copyFileSync(sample, path.join(content, "sample.txt"));
  writeFileSync(path.join(content, "broken.txt"), " date 2020-09-28 USA\n\n");
  const first = morgue("build", "--content", content, "--output", site, "--no-search");
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /broken\.txt:\d+: /);
  const page = readFileSync(path.join(site, "2020", "09", "28", "us-threatens-to-close-embassy-in-baghdad", "index.html"), "utf8");
  assert.match(page, /US Threatens to Close Embassy in Baghdad/);
  assert.match(page, /<figcaption>[^<]*Iraqi security forces stand guard/);
  assert.ok(existsSync(path.join(site, "index.html")));
  const report = JSON.parse(readFileSync(path.join(site, "report.json"), "utf8"));
  assert.equal(JSON.stringify(report).includes("broken.txt"), true);

  const strict = morgue("build", "--content", content, "--output", site, "--no-search", "--strict");
  assert.equal(strict.status, 1);
  rmSync(dir, { recursive: true });
});

test("build works from a folder of the user's own, outside morgue's, with relative folders", () => {
  // A user who runs morgue in the folder that holds their dumps: no package.json there. Eleventy
  // used to read the working folder's package.json to decide how to load the templates, and
  // rendered nothing from such a folder.
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-cli-"));
  mkdirSync(path.join(dir, "content"));
  copyFileSync(sample, path.join(dir, "content", "sample.txt"));
  for (const env of [{}, { MORGUE_FROM_SOURCE: "1" }]) {
    rmSync(path.join(dir, "site"), { recursive: true, force: true });
    const run = spawnSync(process.execPath, [bin, "build", "--content", "content", "--output", "site", "--no-search"], { cwd: dir, encoding: "utf8", env: { ...process.env, ...env } });
    assert.equal(run.status, 0, run.stderr);
    const page = readFileSync(path.join(dir, "site", "2020", "09", "28", "us-threatens-to-close-embassy-in-baghdad", "index.html"), "utf8");
    assert.match(page, /<h1[^>]*>US Threatens to Close Embassy in Baghdad<\/h1>/);
    assert.ok(existsSync(path.join(dir, "site", "index.html")));
  }
  rmSync(dir, { recursive: true });
});

test("every command answers --help, and a wrong command says what is wrong", () => {
  for (const args of [["--help"], ["build", "--help"], ["parse", "--help"]]) {
    const out = morgue(...args);
    assert.equal(out.status, 0);
    assert.match(out.stdout, /Usage: morgue/);
  }
  const wrong = morgue("bulid");
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /unknown command "bulid"/);
});

test("a page with no date is reported with what was read; the date in its file name makes it a story", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-cli-"));
  const page = [
    "Harbour Town Votes to Keep Its Ferry Running Through Winter - Island Gazette",
    "Skip to main content", "Home", "World", "Business",
    "Harbour Town Votes to Keep Its Ferry Running Through Winter",
    "By Jane Doe",
    "The harbour town council voted on Tuesday evening to keep the ferry running through the winter months, after residents packed the hall to argue that the island would be cut off without it.",
    "Council members said the decision would cost the town about a quarter of its annual transport budget, and that fares would rise modestly to cover part of the gap.",
    "The ferry operator welcomed the vote and said it would publish a reduced timetable for January and February within the next two weeks.",
    "Share this article", "Most viewed", "Terms of use",
  ].join("\n");
  writeFileSync(path.join(dir, "ferry.txt"), page);
  writeFileSync(path.join(dir, "2019-11-20-ferry.txt"), page);
  const out = morgue("parse", path.join(dir, "ferry.txt"), path.join(dir, "2019-11-20-ferry.txt"), "--json");
  const [undated, dated] = out.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(undated.ok, false);
  assert.equal(undated.error.rule, "no-date");
  assert.match(undated.error.hint, /file name/);
  assert.equal(undated.record.date, null);
  assert.equal(undated.record.title, "Harbour Town Votes to Keep Its Ferry Running Through Winter");
  assert.match(undated.record.body, /^The harbour town council voted/);
  assert.equal(dated.ok, true);
  assert.equal(dated.record.date, "2019-11-20");
  assert.equal(dated.record.body, undated.record.body);
  rmSync(dir, { recursive: true });
});

test("regression (issue 12): an undated page is built on the undated shelf, in sections, tags, search and the report, not dropped", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-cli-"));
  const content = path.join(dir, "content");
  const site = path.join(dir, "site");
  execFileSync("mkdir", ["-p", content]);
  copyFileSync(sample, path.join(content, "sample.txt"));
  writeFileSync(path.join(content, "ferry.txt"), [
    "Harbour Town Votes to Keep Its Ferry Running Through Winter - Island Gazette",
    "Skip to main content", "Home", "World", "Business",
    "Harbour Town Votes to Keep Its Ferry Running Through Winter",
    "By Jane Doe",
    "The harbour town council voted on Tuesday evening to keep the ferry running through the winter months, after residents packed the hall in Baghdad to argue that the island would be cut off without it.",
    "Council members said the decision would cost the town about a quarter of its annual transport budget, and that fares would rise modestly to cover part of the gap.",
    "The ferry operator welcomed the vote and said it would publish a reduced timetable for January and February within the next two weeks.",
    "Share this article", "Most viewed", "Terms of use",
  ].join("\n"));
  const run = morgue("build", "--content", content, "--output", site);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /undated: ferry\.txt: no date could be read; built on the undated shelf, \/undated\/harbour-town-votes/);
  assert.match(run.stdout, /built 2 stories/);
  const story = readFileSync(path.join(site, "undated", "harbour-town-votes-to-keep-its-ferry-running-through-winter", "index.html"), "utf8");
  assert.match(story, /<h1[^>]*>Harbour Town Votes to Keep Its Ferry Running Through Winter<\/h1>/);
  assert.match(story, /Undated/);
  assert.doesNotMatch(story, /rel="(prev|next)"/, "no older or newer story: it has no place in time");
  const shelf = readFileSync(path.join(site, "undated", "index.html"), "utf8");
  assert.match(shelf, /Harbour Town Votes/);
  assert.match(shelf, /file name/);
  assert.match(readFileSync(path.join(site, "archive", "index.html"), "utf8"), /href="\/undated\/">undated shelf/);
  const catalog = JSON.parse(readFileSync(path.join(site, "catalog.json"), "utf8")) as { articles: { url: string }[] };
  assert.ok(catalog.articles.some((a) => a.url.startsWith("/undated/")));
  assert.ok(existsSync(path.join(site, "pagefind", "undated", "pagefind.js")), "searchable: its own search shard");
  const report = JSON.parse(readFileSync(path.join(site, "report.json"), "utf8"));
  assert.equal(report.review.undated.length, 1);
  assert.equal(JSON.stringify(report.failures).includes("ferry"), false, "not reported as a failure");
  const feed = readFileSync(path.join(site, "feed.xml"), "utf8");
  assert.doesNotMatch(feed, /Harbour Town/, "feeds are by date: an undated story is not in them");
  rmSync(dir, { recursive: true });
});
