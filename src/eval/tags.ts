// Entity-tag evaluation: every dump of entities-dev (Reuters stories with hand-marked people, places
// and organisations) through the real ingest path, scored by the corpus's own score.py, on the
// whole set and on its two halves (even- and odd-numbered stories: tune on one, read the other, to
// see whether a change generalises). Also the share of matched tags whose type agrees with the
// annotation, and the tagger's time a story here and on the BBC topics-dev stories.
//   node --import tsx src/eval/tags.ts [--corpus DIR] [--topics DIR] [--errors]
// --errors passes the scorer's per-story misses and wrong tags through (stderr).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { tagStory, type TagType } from "../index/entities.ts";
import { recordFromDump } from "../ingest/ingest.ts";
import { loadCorpus } from "./related.ts";

const DEFAULT_CORPUS = "/work/shared/corpora/entities-dev";
const DEFAULT_TOPICS = "/work/shared/corpora/topics-dev";
/** The zone the corpus is parsed in; only the dates depend on it, never the tags. */
const TIMEZONE = "UTC";
/** Timing runs over a corpus: the fastest counts, as the machine is shared. */
const TIMING_RUNS = 3;
const GOLD_TYPES: Readonly<Record<string, TagType>> = { PER: "person", LOC: "place", ORG: "organisation" };

interface Gold {
  docs: Record<string, { mentions: Array<[string, string, number, number]> }>;
}

interface Prediction {
  id: string;
  title: string;
  body: string;
  tags: string[];
  tagTypes: Record<string, TagType>;
}

/** Parses each dump the way `morgue parse` does; a dump that fails to parse has no tags. */
function predict(corpus: string): Prediction[] {
  const dir = join(corpus, "dumps");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => {
      const id = name.slice(0, -".txt".length);
      const result = recordFromDump(name, readFileSync(join(dir, name)), TIMEZONE);
      if (!("record" in result)) return { id, title: "", body: "", tags: [], tagTypes: {} };
      const { title, body, tags, tagTypes } = result.record;
      return { id, title, body, tags, tagTypes: tagTypes ?? {} };
    });
}

/** The scorer's last two lines (counts, then `P ... R2 ... R@10 ... junk ...`) for the given stories. */
function score(corpus: string, gold: Gold, predictions: readonly Prediction[], work: string, name: string, errors: boolean): string {
  const ids = new Set(predictions.map((p) => p.id));
  const goldFile = join(work, `${name}.gold.json`);
  const predFile = join(work, `${name}.jsonl`);
  writeFileSync(goldFile, JSON.stringify({ docs: Object.fromEntries(Object.entries(gold.docs).filter(([id]) => ids.has(id))) }));
  writeFileSync(predFile, predictions.map((p) => `${JSON.stringify({ file: `${p.id}.txt`, record: { tags: p.tags } })}\n`).join(""));
  const run = spawnSync("python3", [join(corpus, "score.py"), goldFile, predFile, ...(errors ? [] : ["--quiet"])], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", errors ? "inherit" : "pipe"],
  });
  if (run.status !== 0) throw new Error(`score.py failed (status ${run.status}): ${run.stderr ?? ""}${run.error?.message ?? ""}`);
  return run.stdout.trim();
}

/** Case and punctuation ignored, as the scorer's key does for the plain cases compared here. */
const plainKey = (text: string): string =>
  text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/['’]s?$/u, "").replace(/\./g, "").replace(/[^\p{L}\p{N}&]+/gu, " ").trim();

/**
 * Of the typed tags written exactly as an annotated person, place or organisation of their story
 * (case and punctuation aside), how many carry the annotation's type. A rough check: tags matched
 * only by the scorer's surname or initials rules are left out.
 */
function typeAgreement(gold: Gold, predictions: readonly Prediction[]): { agree: number; compared: number } {
  let agree = 0;
  let compared = 0;
  for (const p of predictions) {
    const types = new Map<string, Set<TagType>>();
    for (const [text, type] of gold.docs[p.id]?.mentions ?? []) {
      const mapped = GOLD_TYPES[type];
      if (mapped === undefined) continue;
      const key = plainKey(text);
      types.set(key, (types.get(key) ?? new Set()).add(mapped));
    }
    for (const tag of p.tags) {
      const typed = p.tagTypes[tag];
      const expected = types.get(plainKey(tag));
      if (typed === undefined || expected === undefined) continue;
      compared++;
      if (expected.has(typed)) agree++;
    }
  }
  return { agree, compared };
}

/**
 * The tagger's time a story over the stories, the fastest of `TIMING_RUNS` passes: processor time
 * (user and system) and wall time. On a machine shared with other jobs the wall time mostly
 * measures them; the processor time is what the build pays.
 */
function msPerStory(stories: ReadonlyArray<{ title: string; body: string }>): { cpu: number; wall: number } {
  let cpu = Number.POSITIVE_INFINITY;
  let wall = Number.POSITIVE_INFINITY;
  for (let run = 0; run < TIMING_RUNS; run++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    for (const story of stories) tagStory(story);
    wall = Math.min(wall, performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  const n = Math.max(1, stories.length);
  return { cpu: cpu / n, wall: wall / n };
}

const formatTime = ({ cpu, wall }: { cpu: number; wall: number }): string => `${cpu.toFixed(2)} ms CPU (${wall.toFixed(2)} ms wall)`;

function main(): void {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", default: DEFAULT_CORPUS },
      topics: { type: "string", default: DEFAULT_TOPICS },
      errors: { type: "boolean", default: false },
    },
  });
  const gold = JSON.parse(readFileSync(join(values.corpus, "gold.json"), "utf8")) as Gold;
  const predictions = predict(values.corpus);
  const number = (p: Prediction): number => Number.parseInt(p.id.replace(/\D+/g, ""), 10);
  const work = mkdtempSync(join(tmpdir(), "morgue-eval-tags-"));
  try {
    const lines = [`corpus: ${values.corpus} (${predictions.length} stories)`];
    const sets: Array<[string, Prediction[]]> = [
      ["all", predictions],
      ["even", predictions.filter((p) => number(p) % 2 === 0)],
      ["odd", predictions.filter((p) => number(p) % 2 === 1)],
    ];
    for (const [name, set] of sets) {
      const [counts = "", summary = ""] = score(values.corpus, gold, set, work, name, values.errors && name === "all").split("\n").slice(-2);
      lines.push(`${name.padEnd(4)} (${set.length} stories): ${summary}`, `     ${counts}`);
    }
    const { agree, compared } = typeAgreement(gold, predictions);
    lines.push(`types: ${agree}/${compared} typed tags written as an annotated name have its type (${(agree / Math.max(1, compared)).toFixed(3)})`);
    const topics = loadCorpus(values.topics);
    lines.push(
      `time a story, fastest of ${TIMING_RUNS}: ${formatTime(msPerStory(predictions))} here, ${formatTime(msPerStory(topics))} on ${topics.length} topics-dev stories`,
    );
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
