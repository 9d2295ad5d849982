// computeRelated on a small archive whose answer a person can check (tests/fixtures/related), and
// its contracts: exclusion, the limit, determinism whatever the input order. The golden ranking
// (expected.json) is rewritten with UPDATE=1; check by eye that each story's first two hits are
// the other two stories on its subject before committing it.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { halves, loadCorpus, type LabelledStory } from "../src/eval/related.ts";
import { deriveTags } from "../src/index/entities.ts";
import { computeRelated, RELATED_SETTINGS, type RelatedDoc } from "../src/index/related.ts";
import type { TermRef } from "../src/index/archive.ts";
import { terms } from "../src/index/text.ts";
import { relatedEntry } from "../templates/article.11ty.ts";

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
  // No threshold, so that every story has more candidates than places.
  const related = computeRelated(docs, { limit: 3, exclude, settings: { minScore: 0 } });
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
  // Headlines differ only by a number, which is no index term, so the stories score alike but are
  // no copies by headline; the body comparison is switched off, as the bodies are one.
  const twin = (id: string, date: string, n: number): RelatedDoc => ({
    id,
    date,
    section: "News",
    tags: [],
    title: `Harbour bridge closed for repairs ${n}`,
    body: "The harbour bridge is closed for repairs to its cables.",
  });
  // "n" is as many days after "q" as "a" and "b" are before it, so only the tie-breakers differ.
  const archive = [twin("q", "2020-03-01", 1), twin("b", "2020-02-15", 2), twin("a", "2020-02-15", 3), twin("n", "2020-03-16", 4)];
  assert.deepEqual(
    computeRelated(archive, { limit: 3, settings: { copyCheck: Infinity } }).get("q")?.map((hit) => hit.id),
    ["n", "a", "b"],
  );
});

/** A story on a subject topics-dev's politics and business stories do not cover (written for this test). */
const gridiron: RelatedDoc = {
  id: "nfl",
  date: "2005-01-12",
  section: "Sport",
  tags: ["Kansas City Chiefs", "Patrick Mahomes"],
  title: "Chiefs rally from 24 points down to beat Texans in divisional round",
  body:
    "Patrick Mahomes threw five touchdown passes as the Kansas City Chiefs came back from a 24-0 deficit " +
    "to beat the Houston Texans 51-31 and reach the AFC Championship game. The quarterback led scoring " +
    "drives on seven straight possessions after the Texans blocked a punt and scored three touchdowns in " +
    "the opening quarter. Travis Kelce caught three touchdown passes in the second quarter alone. The " +
    "Chiefs will host the Tennessee Titans at Arrowhead Stadium next Sunday for a place in the Super Bowl.",
};

const TOPICS_DEV = new URL("../../shared/corpora/topics-dev", import.meta.url).pathname;

test(
  "regression: a story on a subject the archive does not cover gets no related stories (an NFL story showed four UK politics stories)",
  { skip: existsSync(TOPICS_DEV) ? false : `needs ${TOPICS_DEV}` },
  () => {
    // The threshold is calibrated for archives of hundreds of stories: in nine, every word is rare.
    const archive: RelatedDoc[] = loadCorpus(TOPICS_DEV)
      .filter((story) => story.topic === "politics" || story.topic === "business")
      .map(({ topic: _topic, ...story }) => ({ ...story, section: "News", tags: [] }));
    const related = computeRelated([...archive, gridiron]);
    assert.deepEqual(related.get("nfl"), []);
    // Without the threshold it is filled up with dollar and deficit stories, as before.
    assert.equal(computeRelated([...archive, gridiron], { settings: { minScore: 0 } }).get("nfl")?.length, 5);
  },
);

/** topics-dev's politics and business stories, as an archive without topics or tags. */
const politicsAndBusiness = (): Array<RelatedDoc & { topic: string }> =>
  loadCorpus(TOPICS_DEV)
    .filter((story) => story.topic === "politics" || story.topic === "business")
    .map((story) => ({ ...story, section: "News", tags: [] }));

test(
  "stories on subjects the archive covers well mostly show three related stories, nearly all on their subject (a single cut on similarity showed three on 63%)",
  { skip: existsSync(TOPICS_DEV) ? false : `needs ${TOPICS_DEV}` },
  () => {
    const archive = politicsAndBusiness();
    const topicOf = new Map(archive.map((story) => [story.id, story.topic]));
    const related = computeRelated(archive);
    const lists = archive.map((story) => related.get(story.id) ?? []);
    const three = lists.filter((hits) => hits.length >= 3).length;
    // 76% with the story's coverage lowering its threshold; 63% with the cut of 0.9 on similarity alone.
    assert.ok(three >= 0.7 * archive.length, `${three} of ${archive.length}`);
    const shown = archive.flatMap((story, k) => (lists[k] ?? []).map((hit) => topicOf.get(hit.id) === story.topic));
    assert.ok(shown.filter(Boolean).length >= 0.97 * shown.length, `${shown.filter(Boolean).length} of ${shown.length} on the story's topic`);
  },
);

test(
  "real stories on subjects the archive lacks (a pop band, a football injury, mobile games) show at most one related story",
  { skip: existsSync(TOPICS_DEV) ? false : `needs ${TOPICS_DEV}` },
  () => {
    const archive = politicsAndBusiness();
    const stranger = (topic: string, title: string): RelatedDoc => {
      const story = loadCorpus(TOPICS_DEV).find((candidate) => candidate.topic === topic && candidate.title === title);
      assert.ok(story !== undefined, title);
      return { ...story, section: "News", tags: [] };
    };
    for (const story of [
      stranger("entertainment", "Pop band Busted to 'take a break'"),
      stranger("sport", "Robben sidelined with broken foot"),
      stranger("tech", "Mobile games come of age"),
    ]) {
      const hits = computeRelated([...archive, story]).get(story.id) ?? [];
      assert.ok(hits.length <= 1, `${story.title}: ${hits.length}`);
    }
  },
);

test("regression: a copy of the same story is never a related story (70 links to copies on a 1,201-story archive)", () => {
  const original = docs.find((doc) => doc.id === "b1") as RelatedDoc;
  // Re-filed the next day under another headline, with a sentence added; and the same headline a week later.
  const refiled: RelatedDoc = { ...original, id: "b1-refiled", date: "2021-03-18", title: "Fed holds interest rates near zero", body: `${original.body} Markets closed higher.` };
  const sameHeadline: RelatedDoc = { ...original, id: "b1-again", date: "2021-03-24", body: (docs.find((doc) => doc.id === "b2") as RelatedDoc).body };
  const related = computeRelated([...docs, refiled, sameHeadline]);
  const linked = (id: string): string[] => (related.get(id) ?? []).map((hit) => hit.id);
  assert.ok(!linked("b1").includes("b1-refiled") && !linked("b1").includes("b1-again"), linked("b1").join(", "));
  assert.ok(!linked("b1-refiled").includes("b1"), linked("b1-refiled").join(", "));
  assert.ok(linked("b1").includes("b3"), "another story on the subject is still listed");
});

test("a lower minScore extends each list and changes none of what it had", () => {
  const low = computeRelated(docs, { settings: { minScore: 0 } });
  for (const [id, hits] of computeRelated(docs)) {
    assert.deepEqual(hits, (low.get(id) ?? []).slice(0, hits.length), id);
    assert.ok(hits.every((hit) => hit.score >= RELATED_SETTINGS.minScore));
  }
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

test("the reason of a computed related story names up to three shared tags, else says the subject is similar", () => {
  const article = { id: "x", url: "/2021/03/18/x/", title: "Fed holds rates", date: "2021-03-18", published: null, zone: null, section: "Business", sectionUrl: "/section/business/", description: "", outlet: null, readingMinutes: 1 };
  const tag = (name: string): TermRef => ({ name, key: name.toLowerCase(), url: `/tag/${name.toLowerCase()}/` });
  const reason = (names: string[]): string => {
    const item = String(relatedEntry({ article, reason: "computed", sharedTags: names.map(tag) }));
    return item.slice(item.indexOf('<span class="reason">')).replace(/<[^>]+>/g, "");
  };
  assert.equal(reason(["Federal Reserve", "Jerome Powell", "Washington", "Wall Street"]), "Also about Federal Reserve, Jerome Powell, Washington");
  assert.equal(reason([]), "On a similar subject");
  assert.ok(!reason([]).includes("wording"));
});
