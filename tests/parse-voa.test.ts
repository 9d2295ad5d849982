// The VOA profile against golden records: each tests/fixtures/voa/<name>.txt parses (bytes ->
// decodeDump -> parseDump) to <name>.record.json. After an intended change, regenerate with
// `UPDATE=1 node --import tsx --test tests/parse-voa.test.ts` and review the diff.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeDump } from "../src/dump/decode.ts";
import { parseDump } from "../src/parse/index.ts";
import { ParsedArticleSchema, type ParsedArticle } from "../src/record/schema.ts";
import type { ParseError, ParseOptions, ParseOutcome } from "../src/parse/types.ts";
import * as profileModule from "../src/parse/profile.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const UPDATE = process.env["UPDATE"] === "1";

const GOLDEN = [
  "sample",
  "no-image",
  "two-images",
  "no-related",
  "three-related",
  "several-authors",
  "updated-dateline",
  "no-more",
  "crlf",
  "bom",
] as const;

function options(path: string): ParseOptions {
  return { timezone: "America/New_York", fileName: path };
}

/** The pipeline a dump goes through in ingest, up to the parsed article. */
function parseFile(path: string): ParseOutcome {
  const decoded = decodeDump(readFileSync(FIXTURES + path));
  return decoded.ok ? parseDump(decoded.text, options(path)) : decoded;
}

function article(path: string): ParsedArticle {
  const outcome = parseFile(path);
  if (!outcome.ok) assert.fail(`${path}: ${outcome.error.message}`);
  return outcome.article;
}

function error(path: string): ParseError {
  const outcome = parseFile(path);
  if (outcome.ok) assert.fail(`${path} parsed, but it should have been rejected`);
  return outcome.error;
}

function sampleText(): string {
  const decoded = decodeDump(readFileSync(FIXTURES + "voa/sample.txt"));
  assert.ok(decoded.ok);
  return decoded.text;
}

test("profile module exports only the engine and its profile list", () => {
  assert.deepEqual(Object.keys(profileModule).sort(), ["PROFILES", "parseWithProfiles"]);
  assert.deepEqual(
    profileModule.PROFILES.map((p) => p.name),
    ["voa"],
  );
});

for (const name of GOLDEN) {
  test(`voa/${name} parses to its golden record`, () => {
    const got = article(`voa/${name}.txt`);
    ParsedArticleSchema.parse(got);
    const goldenPath = `${FIXTURES}voa/${name}.record.json`;
    if (UPDATE) writeFileSync(goldenPath, JSON.stringify(got, null, 2) + "\n");
    assert.deepEqual(got, JSON.parse(readFileSync(goldenPath, "utf8")));
  });
}

test("crlf and bom dumps parse exactly like the sample", () => {
  const sample = article("voa/sample.txt");
  assert.deepEqual(article("voa/crlf.txt"), sample);
  assert.deepEqual(article("voa/bom.txt"), sample);
});

test("sample: header, headline, byline and dateline", () => {
  const a = article("voa/sample.txt");
  assert.equal(a.profile, "voa");
  assert.equal(a.date, "2020-09-28");
  assert.equal(a.section, "USA");
  assert.equal(a.title, "US Threatens to Close Embassy in Baghdad");
  assert.deepEqual(a.authors, ["VOA News"]);
  assert.equal(a.published, "2020-09-28T03:35:00-04:00");
  assert.equal(a.updated, null);
  assert.equal(a.language, "en");
  assert.deepEqual(a.tags, []);
});

test("sample: the body is the 7 story paragraphs and nothing else", () => {
  const a = article("voa/sample.txt");
  const paragraphs = a.body.split("\n\n");
  assert.equal(paragraphs.length, 7);
  assert.ok(paragraphs.every((p) => p.trim() !== "" && !p.includes("\n")));
  assert.match(paragraphs[0] ?? "", /^The United States is threatening to close its embassy/);
  assert.match(paragraphs[6] ?? "", /drop from 5,200 to 3,000\.$/);
  for (const leaked of ["logo", "Related Stories", "More Coverage", "More U.S. News", "Pictures on the wall", "Iraqi security forces stand guard", "Biden Calls"]) {
    assert.ok(!a.body.includes(leaked), `body should not contain "${leaked}"`);
  }
});

test("sample: the alt text and caption pair is one image", () => {
  const a = article("voa/sample.txt");
  assert.equal(a.images.length, 1);
  assert.match(a.images[0]?.alt ?? "", /^Iraqi security forces .* Pictures on the wall…$/);
  assert.equal(a.images[0]?.caption, "Iraqi security forces stand guard in front of the U.S. embassy in the capital Baghdad, Jan. 1, 2020.");
});

test("sample: one related story, credited to its wire service", () => {
  const a = article("voa/sample.txt");
  assert.deepEqual(a.related, [
    {
      title: "US Grants Iraq New 60-Day Waiver to Import Iranian Gas",
      section: "Middle East",
      summary:
        "Baghdad relies on gas and electricity imports from its neighbor Tehran to supply about a third of its electricity sector, worn down by years of conflict and poor maintenance",
      source: "Agence France-Presse",
      published: "2020-09-23T18:13:00-04:00",
      image: "FILE - Natural gas refineries are seen at the South Pars gas field on the northern coast of the Persian Gulf, in Asaluyeh, Iran, March 16, 2019.",
    },
  ]);
});

test("sample: 'More U.S. News' holds 5 items; the empty 'More Coverage' label is left out", () => {
  const a = article("voa/sample.txt");
  assert.deepEqual(a.more.map((b) => b.heading), ["More U.S. News"]);
  const items = a.more[0]?.items ?? [];
  assert.equal(items.length, 5);
  assert.deepEqual(items[3], {
    title: "US Judge Halts Government Ban on TikTok",
    section: "Silicon Valley & Technology",
    image: "FILE - U.S. and Chinese flags surround a TikTok logo in this illustration photo taken July 16, 2020.",
  });
  assert.match(items[4]?.image ?? "", /holds an event to…$/);
  assert.match(a.provenance["more"] ?? "", /More Coverage/);
});

test("several authors are split on commas and 'and'", () => {
  assert.deepEqual(article("voa/several-authors.txt").authors, ["Dana Whitfield", "Omar Haddad", "Lena Okafor"]);
});

test("an 'Updated' dateline fills updated and leaves published unknown", () => {
  const a = article("voa/updated-dateline.txt");
  assert.equal(a.updated, "2020-09-28T09:12:00-04:00");
  assert.equal(a.published, null);
});

test("an 'Updated' dateline after the first one fills updated and keeps published", () => {
  const text = sampleText().replace("\nSeptember 28, 2020 03:35 AM\n", "\nSeptember 28, 2020 03:35 AM\nUpdated September 28, 2020 09:12 AM\n");
  const outcome = profileModule.parseWithProfiles(text, options("voa/two-datelines.txt"));
  assert.ok(outcome?.ok);
  assert.equal(outcome.article.published, "2020-09-28T03:35:00-04:00");
  assert.equal(outcome.article.updated, "2020-09-28T09:12:00-04:00");
  assert.equal(outcome.article.body.split("\n\n").length, 7);
});

test("two-images: the second pair, worded differently, is recognised mid-body", () => {
  const a = article("voa/two-images.txt");
  assert.equal(a.images.length, 2);
  assert.match(a.images[1]?.caption ?? "", /^U\.S\. Secretary of State Mike Pompeo/);
  assert.equal(a.body.split("\n\n").length, 7);
  assert.ok(!a.body.includes("Pompeo speaks"));
});

test("three-related: cards without an image and with a bare 'By' are read", () => {
  const related = article("voa/three-related.txt").related;
  assert.deepEqual(
    related.map((r) => [r.title, r.source, r.image !== null]),
    [
      ["US Grants Iraq New 60-Day Waiver to Import Iranian Gas", "Agence France-Presse", true],
      ["Iraqi Prime Minister Vows to Protect Foreign Missions", "Reuters", false],
      ["Rockets Target Baghdad's Green Zone for Third Time in a Week", "Dana Whitfield", true],
    ],
  );
});

test("body text that Markdown would read as markup is escaped", () => {
  const text = sampleText()
    .replace(/^The strike sparked.*$/m, "1. Iraq must act.")
    .replace(/^The U\.S\. forces are in Iraq.*$/m, "# *Iran* & [Iraq] <b>_PG&amp;E_</b> \\ -- - item");
  const outcome = profileModule.parseWithProfiles(text, options("voa/escaped.txt"));
  assert.ok(outcome?.ok);
  const paragraphs = outcome.article.body.split("\n\n");
  assert.equal(paragraphs[5], "1\\. Iraq must act.");
  assert.equal(paragraphs[6], "\\# \\*Iran\\* & \\[Iraq\\] \\<b>\\_PG\\&amp;E\\_\\</b> \\\\ -- - item");
});

test("a dump without the VOA header is left to the generic extractor", () => {
  assert.equal(profileModule.parseWithProfiles(sampleText().replace(/^date 2020-09-28 USA\n/, ""), options("other.txt")), null);
});

test("bad input: empty and binary files are rejected before parsing", () => {
  assert.equal(error("bad/empty.txt").rule, "empty");
  assert.equal(error("bad/binary.bin").rule, "binary");
});

test("bad input: a missing headline names the line where it should be", () => {
  const e = error("bad/no-headline.txt");
  assert.equal(e.rule, "no-headline");
  assert.equal(e.line, 3);
  assert.match(e.message, /By VOA News/);
});

test("bad input: an impossible header date names line 1", () => {
  const e = error("bad/bad-date.txt");
  assert.equal(e.rule, "bad-date");
  assert.equal(e.line, 1);
  assert.match(e.message, /2020-13-45/);
});

test("bad input: an impossible dateline names its line", () => {
  const e = error("bad/bad-dateline.txt");
  assert.equal(e.rule, "bad-date");
  assert.equal(e.line, 6);
  assert.match(e.hint, /September 28, 2020 03:35 AM/);
});

test("error messages are readable sentences with a hint", () => {
  for (const path of ["bad/no-headline.txt", "bad/bad-date.txt", "bad/bad-dateline.txt"]) {
    const e = error(path);
    assert.match(e.message, /^[A-Z].*\.$/, `${path}: message should be a sentence`);
    assert.match(e.hint, /^[A-Z].*\.$/, `${path}: hint should be a sentence`);
    assert.ok(!/[{}]/.test(e.message), `${path}: message should not dump raw data`);
  }
});
