// Issue 16: related stories recomputed only for the stories a change can move must be exactly what
// a computation from nothing gives. Random sequences of stories added, changed and removed (one
// falling in the sample, one crossing a step of the sample's rate), with exclusions changing too:
// after each, `relate` from the previous state (read back from its file bytes) must equal `relate`
// from nothing, lists and state alike.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { loadCorpus } from "../src/eval/related.ts";
import { deriveTags } from "../src/index/entities.ts";
import { inSample, relate, sampleRate, type RelatedDoc, type RelatedOptions, type RelatedState } from "../src/index/related.ts";
import { decodeState, encodeState } from "../src/ingest/related-cache.ts";
import { terms } from "../src/index/text.ts";
import { mulberry32 } from "../src/prng.ts";

interface Step {
  label: string;
  docs: RelatedDoc[];
  exclude: Map<string, Set<string>>;
}

/**
 * `count` stories made from the words of `seeds` (cycled): most words from the seed story, the
 * rest from all of them, with the seed's tags and section and a date spread over a year.
 */
function synthesise(seeds: readonly RelatedDoc[], count: number, seed: number, prefix: string): RelatedDoc[] {
  const next = mulberry32(seed);
  const words = seeds.map((doc) => `${doc.title} ${doc.body}`.split(/\s+/).filter((w) => w !== ""));
  const every = words.flat();
  const pick = (list: readonly string[]): string => list[Math.floor(next() * list.length)] ?? "";
  return Array.from({ length: count }, (_, n) => {
    const own = words[n % words.length] as string[];
    const word = (): string => pick(next() < 0.8 ? own : every);
    const base = seeds[n % seeds.length] as RelatedDoc;
    return {
      id: `${prefix}${n.toString(36).padStart(4, "0")}`,
      title: Array.from({ length: 7 }, word).join(" "),
      body: Array.from({ length: 60 + Math.floor(next() * 120) }, word).join(" "),
      section: base.section,
      tags: base.tags,
      date: new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 365) * 86_400_000).toISOString().slice(0, 10),
    };
  });
}

/**
 * Steps from `start`: random adds, changes (headline, body, date, section, tags), removals and
 * exclusions, then a story that falls in the sample, then stories enough to cross the next step
 * of the sample's rate. `spare` supplies new stories.
 */
function steps(start: RelatedDoc[], spare: RelatedDoc[], sampleSize: number, seed: number, count: number): Step[] {
  const next = mulberry32(seed);
  let docs = start;
  let exclude = new Map<string, Set<string>>();
  let fresh = 0;
  const take = (): RelatedDoc => {
    const doc = spare[fresh++ % spare.length] as RelatedDoc;
    return { ...doc, id: `new-${fresh}` };
  };
  const any = (): number => Math.floor(next() * docs.length);
  const out: Step[] = [];
  const push = (label: string): void => {
    out.push({ label, docs, exclude });
  };
  for (let s = 0; s < count; s++) {
    const kind = Math.floor(next() * 7);
    if (kind === 0) {
      const added = Array.from({ length: 1 + Math.floor(next() * 3) }, take);
      docs = [...docs, ...added];
      push(`added ${added.length}`);
    } else if (kind === 1) {
      const i = any();
      const donor = take();
      docs = docs.map((doc, j) => (j === i ? { ...doc, title: donor.title } : doc));
      push("headline changed");
    } else if (kind === 2) {
      const i = any();
      const donor = take();
      docs = docs.map((doc, j) => (j === i ? { ...doc, body: `${doc.body} ${donor.body}` } : doc));
      push("body changed");
    } else if (kind === 3) {
      const i = any();
      docs = docs.map((doc, j) => (j === i ? { ...doc, date: "2020-06-01", section: "Elsewhere" } : doc));
      push("date and section changed");
    } else if (kind === 4) {
      const i = any();
      docs = docs.filter((_, j) => j !== i);
      push("removed");
    } else if (kind === 5) {
      const i = any();
      docs = docs.map((doc, j) => (j === i ? { ...doc, tags: [...doc.tags, "Harbour Authority"] } : doc));
      push("tags changed");
    } else {
      const from = docs[any()] as RelatedDoc;
      const to = docs[any()] as RelatedDoc;
      exclude = new Map(exclude).set(from.id, new Set([to.id]));
      push("exclusion changed");
    }
  }
  const rate = sampleRate(docs.length + 1, sampleSize);
  let sampled = take();
  while (!inSample(sampled.id, rate)) sampled = take();
  docs = [...docs, sampled];
  push("added a story of the sample");
  let outside = take();
  while (inSample(outside.id, rate)) outside = take();
  docs = [...docs, outside];
  push("added a story outside the sample");
  while (sampleRate(docs.length, sampleSize) === rate) docs = [...docs, take()];
  push("crossed a step of the sample's rate");
  return out;
}

/** Runs the steps, checking each incremental computation against one from nothing; returns how many were incremental. */
function check(first: RelatedDoc[], sequence: Step[], settings: RelatedOptions["settings"]): { incremental: number; partial: number } {
  let state: RelatedState = relate(first, { settings }).state;
  let incremental = 0;
  let partial = 0;
  for (const { label, docs, exclude } of sequence) {
    const previous = decodeState(encodeState(state));
    assert.ok(previous !== null, "the state reads back from its bytes");
    const again = relate(docs, { settings, exclude, previous });
    const cold = relate(docs, { settings, exclude });
    assert.deepEqual(again.related, cold.related, `${label}: the lists equal a computation from nothing`);
    assert.deepEqual(again.state, cold.state, `${label}: the state equals a computation from nothing`);
    if (!again.full) incremental++;
    if (!again.full && again.ranked < docs.length) partial++;
    state = again.state;
  }
  return { incremental, partial };
}

const fixture = (JSON.parse(readFileSync(new URL("./fixtures/related/stories.json", import.meta.url), "utf8")) as Array<Omit<RelatedDoc, "tags">>).map(
  (story) => ({ ...story, tags: deriveTags(story) }),
);

test("regression (issue 16): related stories computed again after adds, changes and removals equal a computation from nothing, lists and state", () => {
  // 230 stories and a sample of at most 32: a rate of 1/8, so most changes miss the sample.
  const settings = { sampleSize: 32 };
  const start = synthesise(fixture, 230, 1, "s");
  const sequence = steps(start, synthesise(fixture, 200, 2, "x"), settings.sampleSize, 3, 30);
  const { incremental, partial } = check(start, sequence, settings);
  assert.ok(incremental >= 20, `${incremental} of ${sequence.length} steps computed only what changed`);
  assert.ok(partial >= 10, `${partial} steps ranked only some stories again`);
});

test("the state of a computation is the same whatever the order of the stories, and another state's settings are ignored", () => {
  const docs = synthesise(fixture, 150, 4, "o");
  const first = relate(docs, { settings: { sampleSize: 32 } });
  const shuffled = relate([...docs].reverse(), { settings: { sampleSize: 32 } });
  assert.deepEqual(shuffled.state, first.state);
  const other = relate(docs, { settings: { sampleSize: 32, minScore: 0 }, previous: first.state });
  assert.ok(other.full, "a state made with other settings is not used");
  assert.deepEqual(other.related, relate(docs, { settings: { sampleSize: 32, minScore: 0 } }).related);
});

test("regression (issue 16): a term only one story had joins the shared terms when another story has it, and leaves them when that one goes", () => {
  // About 120 stories and a sample of at most 32: a rate of 1/4. Every change is outside the sample, so
  // that each step computes only what changed: the story that has a term alone is not counted
  // again, and its vector must take the term in (or give it up) from what the state kept of it.
  const settings = { sampleSize: 32 };
  const rate = sampleRate(118, settings.sampleSize);
  assert.equal(rate, sampleRate(128, settings.sampleSize), "the steps keep the sample's rate");
  const made = synthesise(fixture, 200, 6, "t");
  const outside = made.filter((doc) => !inSample(doc.id, rate));
  const inside = made.filter((doc) => inSample(doc.id, rate));
  const spare = outside.slice(100);
  // Words no synthetic story has: "aardwolfish" numbers before almost every term, so that its joining
  // or leaving moves the numbers of nearly all; "zymurgist" after all of them; "quillwort" is had
  // by a story of the sample.
  const words = ["aardwolfish", "zymurgist", "quillwort"].map((word) => terms(word)[0] as string);
  const withWord = (doc: RelatedDoc, word: string): RelatedDoc => ({ ...doc, body: `${doc.body} ${word}` });
  // A story of the sample has "quillwort" alone from the start: its weight counts the sample's one story that has it.
  const start = [...outside.slice(0, 100), ...inside.slice(0, 18)].map((doc, k) => (k === 100 ? withWord(doc, "quillwort") : doc));
  const lone = start[7] as RelatedDoc;
  const [b, c, d, e] = spare as [RelatedDoc, RelatedDoc, RelatedDoc, RelatedDoc];
  const exclude = new Map<string, Set<string>>();
  const sequence: Step[] = [];
  let docs = start.map((doc) => (doc === lone ? withWord(doc, "aardwolfish") : doc));
  sequence.push({ label: "a story has a word alone", docs, exclude });
  docs = [...docs, withWord(b, "aardwolfish")];
  sequence.push({ label: "a new story has it too: it is shared", docs, exclude });
  docs = docs.filter((doc) => doc.id !== b.id);
  sequence.push({ label: "the new story goes: the first has it alone again", docs, exclude });
  docs = [...docs, withWord(c, "zymurgist"), withWord(d, "zymurgist")];
  sequence.push({ label: "two new stories share a new word", docs, exclude });
  docs = docs.map((doc) => (doc.id === c.id ? { ...doc, body: `${doc.body} changed` } : doc));
  sequence.push({ label: "one of them changes and has it still", docs, exclude });
  docs = docs.map((doc) => (doc.id === c.id ? { ...c, title: `${c.title} again` } : doc));
  sequence.push({ label: "then no more: the other has it alone", docs, exclude });
  docs = [...docs, withWord(e, "quillwort")];
  sequence.push({ label: "a new story shares the word a story of the sample had alone", docs, exclude });
  const { incremental } = check(start, sequence, settings);
  assert.equal(incremental, sequence.length, "every step computed only what changed");

  // The steps did what they say: the words joined and left the shared terms.
  const states = sequence.map((step) => relate(step.docs, { settings }).state);
  assert.deepEqual(
    states.map((state) => words.map((term) => state.terms.includes(term))),
    [
      [false, false, false],
      [true, false, false],
      [false, false, false],
      [false, true, false],
      [false, true, false],
      [false, false, false],
      [false, false, true],
    ],
  );
  const last = states[states.length - 1] as RelatedState;
  assert.equal(last.sampleDf[last.terms.indexOf(words[2] as string)], 1, "one story of the sample has the last word");
});

const TOPICS_DEV = new URL("../../shared/corpora/topics-dev", import.meta.url).pathname;

test(
  "regression (issue 16): on real stories (topics-dev), computing again what changed equals a computation from nothing",
  { skip: existsSync(TOPICS_DEV) ? false : `needs ${TOPICS_DEV}` },
  () => {
    const stories = loadCorpus(TOPICS_DEV).map(({ topic, ...story }) => ({ ...story, section: topic === "sport" ? "Sport" : "News", tags: deriveTags(story) }));
    const start = stories.filter((_, k) => k % 3 !== 0);
    const spare = stories.filter((_, k) => k % 3 === 0);
    // A sample of at most 256 of 740 stories: a rate of 1/4.
    const settings = { sampleSize: 256 };
    const sequence = steps(start, spare, settings.sampleSize, 5, 8);
    const { incremental } = check(start, sequence, settings);
    assert.ok(incremental >= 5, `${incremental} of ${sequence.length} steps computed only what changed`);
  },
);
