// Nothing lost, nothing doubled: a story dumped twice is one story naming both files; two stories
// that only share a headline and a day stay two, with distinct ids.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeDuplicates } from "../src/index/dedupe.ts";
import { storyId } from "../src/record/identity.ts";
import type { ArticleRecord } from "../src/record/schema.ts";

const body = "The United States is threatening to close its embassy in Baghdad amid frustrations over attacks by militias.\n\n" +
  "Pompeo has not discussed the matter publicly, but the State Department said Sunday that rocket attacks are a danger to all.\n\n" +
  "The Pentagon announced earlier this month the troop presence would drop from 5,200 to 3,000.";

function record(sourceFile: string, title: string, text: string): ArticleRecord {
  return {
    id: storyId("2020-09-28", title), slug: "s", title, date: "2020-09-28", published: null, updated: null, section: "USA",
    authors: [], tags: [], language: "en", images: [], related: [], more: [], profile: "voa", provenance: {},
    sourceFile, sourceHash: "0".repeat(64), body: text,
  };
}

test("the same story dumped twice, with a corrected sentence and a curly quote, is built once", () => {
  const a = record("a.txt", "US Threatens to Close Embassy in Baghdad", body);
  const b = record("b.txt", "US Threatens to Close Embassy in Baghdad", `${body.replace("all.", "all, officials said.")}`);
  const { records, duplicates } = mergeDuplicates([b, a]);
  assert.deepEqual(records.map((r) => r.sourceFile), ["a.txt"]);
  assert.deepEqual(duplicates, [{ kept: "a.txt", also: ["b.txt"] }]);
});

test("two different stories under one headline on one day stay apart with distinct ids, in any input order", () => {
  const a = record("a.txt", "Live Updates", body);
  const b = record("b.txt", "Live Updates", "Markets fell sharply in Tokyo on Monday as investors weighed new tariffs and a weaker yen.");
  const first = mergeDuplicates([a, b]);
  const second = mergeDuplicates([b, a]);
  assert.equal(first.records.length, 2);
  assert.deepEqual(first.duplicates, []);
  assert.notEqual(first.records[0]!.id, first.records[1]!.id);
  assert.deepEqual(first.records, second.records);
  assert.equal(first.records[0]!.id, a.id, "the first in path order keeps the plain id");
});
