// Nothing lost, nothing doubled: a story dumped twice is one story naming both files; two stories
// that only share a headline and a day stay two, with distinct ids.
import { test } from "node:test";
import assert from "node:assert/strict";
import { contains, mergeDuplicates, trigrams } from "../src/index/dedupe.ts";
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

/**
 * The grams as the rule states them: the runs of letters and digits of the lower-cased body. Joined
 * by a combining mark, which no one-pass scan reads, they take the regular expression's way.
 */
function gramsByRule(text: string): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...trigrams(words.join(words.length < 3 ? " " : " \u0301 "))];
}

test("trigrams: a body read by the one-pass scan has the grams of its words, whatever separates them", () => {
  const texts = [
    body,
    "Don’t stop — prices rose £5 (about $6.50) on “Black Friday”, says O'Neill; snake_case and 3-2 scores.",
    "Señor Müller visited the café in São Paulo; ΟΔΟΣ ΣΟΦΟΣ was the headline.",
    "Kelvin \u212A and İstanbul, x\u0301y and 😀 emoji between words",
    "Two words",
    "",
  ];
  for (const text of texts) assert.deepEqual([...trigrams(text)], gramsByRule(text), text);
  assert.equal(trigrams("Two words").length, 1, "a body under three words is one gram");
});

test("contains: decides shared grams over the smaller body's against the share exactly, stopping early", () => {
  const a = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const eight = Uint32Array.from([2, 3, 4, 5, 6, 7, 8, 9, 20, 30]);
  const seven = Uint32Array.from([2, 3, 4, 5, 6, 7, 8, 20, 30, 40]);
  assert.equal(contains(a, eight, 0.8), true, "8 of 10 reaches 0.8");
  assert.equal(contains(a, seven, 0.8), false, "7 of 10 does not");
  assert.equal(contains(Uint32Array.from([3, 5, 7]), a, 1), true, "a body inside the other");
  assert.equal(contains(a, Uint32Array.from([]), 0.8), false, "an empty body holds nothing");
  assert.equal(contains(a, Uint32Array.from([]), 0), true);
  // 1/3 as a float is below 0.3333333333333333... only by the division's rounding: the same division decides.
  assert.equal(contains(Uint32Array.from([1, 2, 3]), Uint32Array.from([1, 9]), 1 / 3), true);
  assert.equal(contains(Uint32Array.from([1, 2, 3]), Uint32Array.from([8, 9]), 1 / 3), false);
});
