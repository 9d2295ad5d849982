// computeRelated on a small archive whose answer a person can check (tests/fixtures/related), and
// its contracts: exclusion, the limit, determinism whatever the input order. The golden ranking
// (expected.json) is rewritten with UPDATE=1; check by eye that each story's first two hits are
// the other two stories on its subject before committing it.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { halves, type LabelledStory } from "../src/eval/related.ts";
import { deriveTags } from "../src/index/entities.ts";
import { computeRelated, type RelatedDoc } from "../src/index/related.ts";
import { terms } from "../src/index/text.ts";

interface FixtureStory extends Omit<RelatedDoc, "tags"> {
  subject: string;
}

const stories = JSON.parse(
  readFileSync(new URL("./fixtures/related/stories.json", import.meta.url), "utf8"),
) as FixtureStory[];
const subjectOf = new Map(stories.map((story) => [story.id, story.subject]));
const docs: RelatedDoc[] = stories.map(({ subject: _subject, ...story }) => ({ ...story, tags: deriveTags(story) }));

test("each story's two best related stories are the other two on its subject", () => {
  const related = computeRelated(docs, { limit: 2 });
  for (const doc of docs) {
    const hits = related.get(doc.id) ?? [];
    assert.equal(hits.length, 2, doc.id);
    for (const hit of hits) assert.equal(subjectOf.get(hit.id), subjectOf.get(doc.id), `${doc.id} -> ${hit.id}`);
  }
});

test("the fixture's full ranking matches the golden file", () => {
  const golden = new URL("./fixtures/related/expected.json", import.meta.url);
  const related = computeRelated(docs, { limit: 5 });
  const ranking = Object.fromEntries(docs.map((doc) => [doc.id, (related.get(doc.id) ?? []).map((hit) => hit.id)]));
  if (process.env.UPDATE === "1") writeFileSync(golden, `${JSON.stringify(ranking, null, 2)}\n`);
  assert.deepEqual(ranking, JSON.parse(readFileSync(golden, "utf8")));
});

test("hits are sorted by score, never the story itself, and name the tags both stories carry", () => {
  const related = computeRelated(docs, { limit: 5 });
  for (const doc of docs) {
    const hits = related.get(doc.id) ?? [];
    assert.ok(hits.length <= 5);
    assert.ok(hits.every((hit) => hit.id !== doc.id));
    for (let k = 1; k < hits.length; k++) assert.ok((hits[k - 1]?.score ?? 0) >= (hits[k]?.score ?? 0));
  }
  const cup = related.get("c1")?.find((hit) => hit.id === "c2");
  assert.ok(cup !== undefined);
  assert.ok(cup.sharedTags.includes("Leicester City"), cup.sharedTags.join(", "));
});

test("excluded stories are not repeated and use up places", () => {
  const exclude = new Map([["a1", new Set(["a2"])]]);
  const related = computeRelated(docs, { limit: 3, exclude });
  const hits = related.get("a1") ?? [];
  assert.equal(hits.length, 2);
  assert.ok(hits.every((hit) => hit.id !== "a2"));
  assert.equal(hits[0]?.id, "a3");
  assert.equal(related.get("a2")?.length, 3, "exclusion is per story");
  assert.deepEqual(computeRelated(docs, { limit: 1, exclude: new Map([["b1", new Set(["x"])]]) }).get("b1"), []);
});

test("the same input, repeated or shuffled, gives the same output", () => {
  const first = computeRelated(docs);
  const again = computeRelated(docs);
  const shuffled = computeRelated([...docs].reverse().sort((a, b) => (a.title.length % 3) - (b.title.length % 3)));
  assert.deepEqual([...again], [...first]);
  assert.deepEqual(new Map([...shuffled].sort()), new Map([...first].sort()));
});

test("equal scores go to the newer story, then to the smaller id", () => {
  const twin = (id: string, date: string): RelatedDoc => ({
    id,
    date,
    section: "News",
    tags: [],
    title: "Harbour bridge closed for repairs",
    body: "The harbour bridge is closed for repairs to its cables.",
  });
  // "n" is as many days after "q" as "a" and "b" are before it, so only the tie-breakers differ.
  const archive = [twin("q", "2020-03-01"), twin("b", "2020-02-15"), twin("a", "2020-02-15"), twin("n", "2020-03-16")];
  assert.deepEqual(
    computeRelated(archive, { limit: 3 }).get("q")?.map((hit) => hit.id),
    ["n", "a", "b"],
  );
});

test("an empty archive and a story sharing no words get no related stories", () => {
  assert.equal(computeRelated([]).size, 0);
  const lone: RelatedDoc = { id: "z", date: "2020-01-01", section: "News", tags: [], title: "Quokka", body: "Zyzzyva." };
  assert.deepEqual(computeRelated([...docs, lone]).get("z"), []);
});

test("two stories with one id are refused with the id named", () => {
  assert.throws(() => computeRelated([docs[0] as RelatedDoc, docs[0] as RelatedDoc]), /"a1"/);
});

test("terms fold accents, apostrophes and case, drop stop words and numbers, and stem", () => {
  assert.deepEqual(terms("The Café's voters voted: O'Neill, naïve, 2024, Путин."), ["caf", "voter", "vot", "oneill", "naiv", "путин"]);
  assert.deepEqual(terms("Elections and ELECTION news"), ["election", "election", "news"]);
});

test("the evaluation's halves are disjoint, cover every story and depend only on the seed", () => {
  const labelled: LabelledStory[] = docs.map((doc) => ({ doc, topic: subjectOf.get(doc.id) ?? "" }));
  const [first, second] = halves(labelled, 1);
  assert.equal(first.length + second.length, labelled.length);
  assert.ok(first.every((story) => !second.includes(story)));
  assert.deepEqual(halves([...labelled].reverse(), 1).map((half) => half.map((story) => story.doc.id).sort()), [first, second].map((half) => half.map((story) => story.doc.id).sort()));
});
