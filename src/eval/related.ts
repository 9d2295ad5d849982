// Related-story quality on a topic-labelled corpus (default: the BBC topics-dev stories): tags are
// derived and related stories computed with the topics hidden; precision@5 is the share of the top
// five that share the story's topic. Run: node --import tsx src/eval/related.ts [--corpus DIR]
// [--halves N] [--set name=value,...]. --halves also scores N pairs of disjoint random halves, each
// half as an archive of its own (how stable the score is on a different sample); --set overrides
// RELATED_SETTINGS, to see how much a setting matters.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { deriveTags } from "../index/entities.ts";
import { computeRelated, RELATED_SETTINGS, type RelatedDoc, type RelatedSettings } from "../index/related.ts";

/** A story of the corpus with its topic, which scoring must never see. */
export interface LabelledStory {
  doc: RelatedDoc;
  topic: string;
}

const DEFAULT_CORPUS = "/work/shared/corpora/topics-dev";
/** Stories get days spread over two years from a hash of their path, so dates carry no topic. */
const FIRST_DAY = Date.UTC(2004, 0, 1);
const DAY_SPREAD = 730;
const DAY_MS = 86_400_000;
const K = 5;

/**
 * Reads `dir/<topic>/<file>`: headline on the first line, then the body. Ids and dates come from
 * a hash of the path, and every section is "News", so nothing but the text can reveal the topic.
 */
export function loadCorpus(dir: string): Array<{ id: string; title: string; body: string; date: string; topic: string }> {
  const stories: Array<{ id: string; title: string; body: string; date: string; topic: string }> = [];
  const topics = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const topic of topics) {
    for (const file of readdirSync(join(dir, topic)).filter((name) => name.endsWith(".txt")).sort()) {
      const text = readFileSync(join(dir, topic, file), "utf8").replace(/\r\n?/g, "\n");
      const newline = text.indexOf("\n");
      const digest = createHash("sha1").update(`${topic}/${file}`).digest("hex");
      const day = FIRST_DAY + (Number.parseInt(digest.slice(12, 20), 16) % DAY_SPREAD) * DAY_MS;
      stories.push({
        id: digest.slice(0, 12),
        title: (newline < 0 ? text : text.slice(0, newline)).trim(),
        body: newline < 0 ? "" : text.slice(newline + 1).trim(),
        date: new Date(day).toISOString().slice(0, 10),
        topic,
      });
    }
  }
  return stories;
}

/** Precision@K of computed related stories against topics, overall and per topic. */
export function precisionAtK(
  labelled: readonly LabelledStory[],
  settings: Partial<RelatedSettings> = {},
): { precision: number; perTopic: Map<string, number>; ms: number } {
  const start = performance.now();
  const related = computeRelated(
    labelled.map((story) => story.doc),
    { limit: K, settings },
  );
  const ms = performance.now() - start;
  const topicOf = new Map(labelled.map((story) => [story.doc.id, story.topic]));
  const perTopic = new Map<string, { sum: number; count: number }>();
  let sum = 0;
  for (const story of labelled) {
    const hits = related.get(story.doc.id) ?? [];
    const precision = hits.filter((hit) => topicOf.get(hit.id) === story.topic).length / K;
    sum += precision;
    const entry = perTopic.get(story.topic) ?? { sum: 0, count: 0 };
    entry.sum += precision;
    entry.count++;
    perTopic.set(story.topic, entry);
  }
  return {
    precision: sum / Math.max(1, labelled.length),
    perTopic: new Map([...perTopic].sort(([a], [b]) => (a < b ? -1 : 1)).map(([topic, { sum: s, count }]) => [topic, s / count])),
    ms,
  };
}

/** Splits the stories in two by a seeded hash of their ids: the same seed gives the same halves. */
export function halves(labelled: readonly LabelledStory[], seed: number): [LabelledStory[], LabelledStory[]] {
  const first: LabelledStory[] = [];
  const second: LabelledStory[] = [];
  for (const story of labelled) {
    const digest = createHash("sha1").update(`${seed}:${story.doc.id}`).digest();
    (digest[0] as number) < 128 ? first.push(story) : second.push(story);
  }
  return [first, second];
}

/** `name=value,name=value` into settings overrides; names must be settings, values numbers. */
function parseSettings(text: string): Partial<RelatedSettings> {
  const settings: Partial<Record<keyof RelatedSettings, number>> = {};
  for (const pair of text.split(",").filter((part) => part.trim() !== "")) {
    const [name = "", value = ""] = pair.split("=").map((part) => part.trim());
    if (!(name in RELATED_SETTINGS)) throw new Error(`--set: unknown setting "${name}"; known: ${Object.keys(RELATED_SETTINGS).join(", ")}.`);
    const number = Number(value);
    if (value === "" || !Number.isFinite(number)) throw new Error(`--set: "${pair}" needs a number after "=".`);
    settings[name as keyof RelatedSettings] = number;
  }
  return settings;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", default: DEFAULT_CORPUS },
      halves: { type: "string", default: "0" },
      set: { type: "string", default: "" },
    },
  });
  const settings = parseSettings(values.set);
  const stories = loadCorpus(values.corpus);

  const tagStart = performance.now();
  const labelled: LabelledStory[] = stories.map((story) => ({
    doc: { id: story.id, title: story.title, body: story.body, section: "News", date: story.date, tags: deriveTags(story) },
    topic: story.topic,
  }));
  const tagMs = performance.now() - tagStart;

  const full = precisionAtK(labelled, settings);
  const lines = [
    `corpus: ${values.corpus} (${labelled.length} stories)${values.set === "" ? "" : `, settings ${values.set}`}`,
    `tags: ${tagMs.toFixed(0)} ms (${(tagMs / Math.max(1, labelled.length)).toFixed(2)} ms/story)`,
    `related: ${full.ms.toFixed(0)} ms`,
    `precision@${K}: ${full.precision.toFixed(4)}`,
    ...[...full.perTopic].map(([topic, precision]) => `  ${topic}: ${precision.toFixed(4)}`),
  ];
  const halfScores: number[] = [];
  for (let seed = 1; seed <= Number.parseInt(values.halves, 10); seed++) {
    const pair = halves(labelled, seed).map((half) => ({ size: half.length, ...precisionAtK(half, settings) }));
    halfScores.push(...pair.map((half) => half.precision));
    lines.push(`halves, seed ${seed}: ${pair.map((half) => `${half.precision.toFixed(4)} (${half.size} stories)`).join(", ")}`);
  }
  if (halfScores.length > 0) {
    const mean = halfScores.reduce((sum, x) => sum + x, 0) / halfScores.length;
    lines.push(`halves: mean ${mean.toFixed(4)}, min ${Math.min(...halfScores).toFixed(4)}, max ${Math.max(...halfScores).toFixed(4)}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
