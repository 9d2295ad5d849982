// Records: the schema is checked when written and read; hand corrections are told apart from
// generated records; a broken hand edit is reported with its line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readRecord, serialiseRecord, changedFields, RecordError } from "../src/record/store.ts";
import { slugify, storyId, normaliseHeadline } from "../src/record/identity.ts";
import type { ArticleRecord } from "../src/record/schema.ts";

const record: ArticleRecord = {
  id: storyId("2020-09-28", "US Threatens to Close Embassy in Baghdad"),
  slug: "us-threatens-to-close-embassy-in-baghdad",
  title: "US Threatens to Close Embassy in Baghdad",
  date: "2020-09-28",
  published: "2020-09-28T03:35:00-04:00",
  updated: null,
  section: "USA",
  authors: ["VOA News"],
  tags: ["Iraq", "Mike Pompeo"],
  language: "en",
  images: [{ alt: "Iraqi security forces…", caption: "Iraqi security forces stand guard." }],
  related: [],
  more: [],
  profile: "voa",
  provenance: { title: "line after header" },
  sourceFile: "000.txt",
  sourceHash: "a".repeat(64),
  body: "First paragraph.\n\nSecond: with a colon, and 'quotes'.",
};

test("a record survives writing and reading unchanged, and reads as generated", () => {
  const text = serialiseRecord(record);
  assert.match(text, /^---\nid: [0-9a-f]{12}\n/);
  const back = readRecord(text);
  assert.deepEqual(back.record, record);
  assert.equal(back.generated, true);
});

test("dates stay strings even when typed without quotes by hand", () => {
  const text = serialiseRecord(record).replace("date: '2020-09-28'", "date: 2020-09-28");
  assert.ok(text.includes("date: 2020-09-28\n"));
  assert.equal(readRecord(text).record.date, "2020-09-28");
});

test("a hand-corrected title is detected as a correction and named as the changed field", () => {
  const text = serialiseRecord(record).replace("title: US Threatens", "title: U.S. Threatens");
  const back = readRecord(text);
  assert.equal(back.generated, false);
  assert.equal(back.record.title, "U.S. Threatens to Close Embassy in Baghdad");
  assert.deepEqual(changedFields(record, back.record), ["title"]);
});

test("a record that breaks the schema is refused with the line of the bad field", () => {
  const text = serialiseRecord(record).replace("section: USA", "section: ''");
  const lines = text.split("\n");
  assert.throws(() => readRecord(text), (error: unknown) => {
    assert.ok(error instanceof RecordError);
    assert.match(error.message, /section/);
    assert.equal(error.line, lines.indexOf("section: ''") + 1);
    return true;
  });
  assert.throws(() => serialiseRecord({ ...record, date: "28/09/2020" }), RecordError);
});

test("broken YAML is reported with a line, not a stack trace", () => {
  const text = serialiseRecord(record).replace("section: USA", "section: [USA");
  assert.throws(() => readRecord(text), (error: unknown) => error instanceof RecordError && error.line > 1 && /YAML/.test(error.message));
});

test("ids are stable across quote and dash variants of a headline; slugs are URL-safe", () => {
  assert.equal(storyId("2020-09-28", "Iraq’s “New” Waiver — Explained"), storyId("2020-09-28", "iraq's \"new\" waiver - explained"));
  assert.notEqual(storyId("2020-09-28", "A"), storyId("2020-09-29", "A"));
  assert.equal(normaliseHeadline("  US  Grants   Iraq "), "us grants iraq");
  assert.equal(slugify("PG&E Shuts Power to 11,000 Customers", "x"), "pg-and-e-shuts-power-to-11-000-customers");
  assert.equal(slugify("Ça s’est passé à Genève", "x"), "ca-sest-passe-a-geneve");
  assert.equal(slugify("../../etc/passwd", "x"), "etc-passwd");
  assert.equal(slugify("Москва сегодня", "story-abc123abc123"), "story-abc123abc123");
  assert.ok(slugify("word ".repeat(40), "x").length <= 80);
});
