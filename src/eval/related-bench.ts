// Scale check for computeRelated: synthesises an archive of N stories (default 10,000) from the
// words of a real corpus, deterministically, and prints how long the related step takes.
// Run: node --import tsx src/eval/related-bench.ts [--stories 100000] [--runs 3] [--corpus DIR] [--digest]
// [--incremental]. With several runs it prints each and the fastest: on a shared machine the spread
// is wide. --incremental also times computing again from the state after one story added, a
// hundred added, one changed and one removed, each checked against a computation from nothing,
// and the state's size and encoding time.
// --digest also prints a SHA-1 of the whole answer (ids, scores, shared tags): a change meant only
// to make the step faster must leave it as it was.
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { deriveTags } from "../index/entities.ts";
import { computeRelated, relate, type RelatedDoc, type RelatedState } from "../index/related.ts";
import { decodeState, encodeState } from "../ingest/related-cache.ts";
import { trigrams } from "../index/dedupe.ts";
import { countTerms, type CountedTerms, TermNames, Vocabulary } from "../index/text.ts";
import { loadCorpus } from "./related.ts";
import { mulberry32 } from "../prng.ts";

const DEFAULT_CORPUS = "/work/shared/corpora/topics-dev";
const FIRST_DAY = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
/** Share of a synthetic story's words drawn from its seed story; the rest from the whole corpus. */
const SEED_SHARE = 0.8;
const TITLE_WORDS = 8;
const BODY_WORDS = 350;


/**
 * N stories, each built on a real story (cycled in order): most words drawn from it, some from
 * the whole corpus, its tags kept, dates spread over thirty years, sections from its seed's topic.
 */
export function synthesise(corpus: string, count: number): RelatedDoc[] {
  const stories = loadCorpus(corpus);
  const seeds = stories.map((story) => ({
    words: `${story.title} ${story.body}`.split(/\s+/).filter((word) => word !== ""),
    tags: deriveTags(story),
    topic: story.topic,
  }));
  const everyWord = seeds.flatMap((seed) => seed.words);
  const next = mulberry32(20240601);
  const pick = (words: readonly string[]): string => words[Math.floor(next() * words.length)] ?? "";
  const docs: RelatedDoc[] = [];
  for (let n = 0; n < count; n++) {
    const seed = seeds[n % seeds.length] as (typeof seeds)[number];
    const word = (): string => pick(next() < SEED_SHARE ? seed.words : everyWord);
    docs.push({
      id: n.toString(16).padStart(12, "0"),
      title: Array.from({ length: TITLE_WORDS }, word).join(" "),
      body: Array.from({ length: BODY_WORDS }, word).join(" "),
      section: seed.topic,
      tags: seed.tags,
      date: new Date(FIRST_DAY + Math.floor(next() * 365 * 30) * DAY_MS).toISOString().slice(0, 10),
    });
  }
  return docs;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      stories: { type: "string", default: "10000" },
      runs: { type: "string", default: "1" },
      corpus: { type: "string", default: DEFAULT_CORPUS },
      digest: { type: "boolean", default: false },
      incremental: { type: "boolean", default: false },
    },
  });
  const count = Number.parseInt(values.stories, 10);
  const docs = synthesise(values.corpus, count);
  const times: number[] = [];
  for (let run = 0; run < Math.max(1, Number.parseInt(values.runs, 10)); run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const related = computeRelated(docs);
    const ms = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    const hits = [...related.values()].reduce((sum, list) => sum + list.length, 0);
    times.push(ms);
    process.stdout.write(
      `${count} stories: computeRelated ${ms.toFixed(0)} ms (${((ms * 1000) / count).toFixed(0)} µs/story, CPU ${((user + system) / 1000).toFixed(0)} ms), ${hits} hits\n`,
    );
    if (values.digest && run === 0) {
      const digest = createHash("sha1").update(JSON.stringify([...related.entries()])).digest("hex");
      process.stdout.write(`digest ${digest}\n`);
    }
  }
  if (times.length > 1) process.stdout.write(`fastest of ${times.length}: ${Math.min(...times).toFixed(0)} ms\n`);
  if (values.incremental) incremental(synthesise(values.corpus, count + 100), count);
}

/**
 * Times `relate` from the state of `count` stories after a few kinds of change, each checked
 * against a computation from nothing. Each story's body key, counted terms and 3-grams are made
 * once and kept, as a build keeps them (src/ingest/facts-cache.ts).
 */
function incremental(stories: RelatedDoc[], count: number): void {
  const names = new TermNames();
  const vocabulary = new Vocabulary();
  const pool = stories.map((doc): RelatedDoc => {
    let terms: CountedTerms | undefined;
    let grams: Uint32Array | undefined;
    const key = createHash("sha1").update(doc.body).digest("hex");
    return { ...doc, key, terms: () => (terms ??= { names, pairs: countTerms(doc.body, vocabulary, names) }), grams: () => (grams ??= trigrams(doc.body)) };
  });
  const base = pool.slice(0, count);
  const { state } = relate(base);
  let start = performance.now();
  const bytes = encodeState(state);
  const encodeMs = performance.now() - start;
  start = performance.now();
  const previous = decodeState(bytes) as RelatedState;
  process.stdout.write(`state: ${(bytes.length / 1e6).toFixed(1)} MB, encoded in ${encodeMs.toFixed(0)} ms, decoded in ${(performance.now() - start).toFixed(0)} ms\n`);
  const changed = base.map((doc, i) => (i === 17 ? { ...doc, title: `${doc.title} ${(pool[count] as RelatedDoc).title}` } : doc));
  // Every story's facts made before the timings, as a rebuild finds them.
  relate(pool);
  const cases: [string, RelatedDoc[]][] = [
    ["1 story added", pool.slice(0, count + 1)],
    ["100 stories added", pool.slice(0, count + 100)],
    ["1 story changed", changed],
    ["1 story removed", base.filter((_, i) => i !== 17)],
  ];
  for (const [label, docs] of cases) {
    start = performance.now();
    const again = relate(docs, { previous });
    const ms = performance.now() - start;
    start = performance.now();
    const cold = relate(docs);
    const coldMs = performance.now() - start;
    const same = JSON.stringify([...again.related]) === JSON.stringify([...cold.related]);
    process.stdout.write(
      `${label}: ${ms.toFixed(0)} ms (${again.full ? "all computed" : `searched ${again.searched}, expanded ${again.expanded}, ranked ${again.ranked}`}), from nothing ${coldMs.toFixed(0)} ms, ${same ? "same lists" : "DIFFERENT LISTS"}\n`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
