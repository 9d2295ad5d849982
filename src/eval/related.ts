// Related-story quality on a topic-labelled corpus (default: the BBC topics-dev stories): tags are
// derived and related stories computed with the topics hidden; precision@5 is the share of the top
// five that share the story's topic. Run: node --import tsx src/eval/related.ts [--corpus DIR]
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { deriveTags } from "../index/entities.ts";
import { computeRelated, type RelatedDoc } from "../index/related.ts";

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

function main(): void {
  const { values } = parseArgs({ options: { corpus: { type: "string", default: DEFAULT_CORPUS } } });
  const stories = loadCorpus(values.corpus);

  const tagStart = performance.now();
  const labelled: LabelledStory[] = stories.map((story) => ({
    doc: { id: story.id, title: story.title, body: story.body, section: "News", date: story.date, tags: deriveTags(story) },
    topic: story.topic,
  }));
  const tagMs = performance.now() - tagStart;

  const relatedStart = performance.now();
  const related = computeRelated(
    labelled.map((story) => story.doc),
    { limit: K },
  );
  const relatedMs = performance.now() - relatedStart;

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
  const lines = [
    `corpus: ${values.corpus} (${labelled.length} stories)`,
    `tags: ${tagMs.toFixed(0)} ms (${(tagMs / Math.max(1, labelled.length)).toFixed(2)} ms/story)`,
    `related: ${relatedMs.toFixed(0)} ms`,
    `precision@${K}: ${(sum / Math.max(1, labelled.length)).toFixed(4)}`,
    ...[...perTopic].map(([topic, { sum: s, count }]) => `  ${topic}: ${(s / count).toFixed(4)}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
