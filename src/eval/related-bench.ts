// Scale check for computeRelated: synthesises an archive of N stories (default 10,000) from the
// words of a real corpus, deterministically, and prints how long the related step takes.
// Run: node --import tsx src/eval/related-bench.ts [--stories 100000] [--runs 3] [--corpus DIR] [--digest]
// With several runs it prints each and the fastest: on a shared machine the spread is wide.
// --digest also prints a SHA-1 of the whole answer (ids, scores, shared tags): a change meant only
// to make the step faster must leave it as it was.
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { deriveTags } from "../index/entities.ts";
import { computeRelated, type RelatedDoc } from "../index/related.ts";
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
}

if (import.meta.url === `file://${process.argv[1]}`) main();
