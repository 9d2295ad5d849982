// Related-story quality on a topic-labelled corpus (default: the BBC topics-dev stories): tags are
// derived and related stories computed with the topics hidden. Printed for the whole corpus and for
// each half of a split by file (half A calibrated `minScore`, half B checks it), each as an archive
// of its own: precision@5 (share of the top five, without threshold, that share the story's topic),
// the precision of the links actually shown, the share of stories showing at least one and three,
// and how many links off-topic stories show (a story alone among the other topics' stories).
// Run: node --import tsx src/eval/related.ts [--corpus DIR] [--set name=value,...] [--sweep]
// [--off-topic N] [--off-topic-full] [--halves N]. --set overrides RELATED_SETTINGS; --sweep prints
// the figures for minScore ± 0.3 (how it was calibrated; a score is a story's similarity to
// another plus its coverage, so one run serves every cut); --off-topic sets the off-topic
// stories a topic (12); --off-topic-full also measures them in the whole corpus (slow); --halves
// also scores precision@5 on N pairs of random halves (how stable it is on another sample).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { deriveTags } from "../index/entities.ts";
import { computeRelated, RELATED_SETTINGS, type RelatedDoc, type RelatedHit, type RelatedSettings } from "../index/related.ts";

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

/** What a reader of the archive would see, scored against the topics. */
export interface Figures {
  stories: number;
  /** Share of the top five, ranked without a threshold, that share the story's topic. */
  precisionAt5: number;
  perTopic: Map<string, number>;
  /** Share of the links shown (score >= minScore) that share the story's topic. */
  shownPrecision: number;
  /** Share of stories that show at least one link, and at least three. */
  atLeastOne: number;
  atLeastThree: number;
  linksPerStory: number;
  ms: number;
}

/**
 * Related stories of every story, ranked without a threshold: a threshold keeps a prefix of each
 * list (computeRelated promises it), so one run serves every threshold measured.
 */
function rankAll(labelled: readonly LabelledStory[], settings: Partial<RelatedSettings>): { related: Map<string, RelatedHit[]>; ms: number } {
  const start = performance.now();
  const related = computeRelated(
    labelled.map((story) => story.doc),
    { limit: K, settings: { ...settings, minScore: 0 } },
  );
  return { related, ms: performance.now() - start };
}

/** The figures of one archive at `minScore`, from its unthresholded lists. */
function figuresAt(labelled: readonly LabelledStory[], related: Map<string, RelatedHit[]>, minScore: number, ms: number): Figures {
  const topicOf = new Map(labelled.map((story) => [story.doc.id, story.topic]));
  const perTopic = new Map<string, { sum: number; count: number }>();
  let sum = 0;
  let shown = 0;
  let shownRight = 0;
  let one = 0;
  let three = 0;
  for (const story of labelled) {
    const hits = related.get(story.doc.id) ?? [];
    const right = (hit: RelatedHit): boolean => topicOf.get(hit.id) === story.topic;
    const precision = hits.filter(right).length / K;
    sum += precision;
    const entry = perTopic.get(story.topic) ?? { sum: 0, count: 0 };
    entry.sum += precision;
    entry.count++;
    perTopic.set(story.topic, entry);
    const visible = hits.filter((hit) => hit.score >= minScore);
    shown += visible.length;
    shownRight += visible.filter(right).length;
    if (visible.length >= 1) one++;
    if (visible.length >= 3) three++;
  }
  const n = Math.max(1, labelled.length);
  return {
    stories: labelled.length,
    precisionAt5: sum / n,
    perTopic: new Map([...perTopic].sort(([a], [b]) => (a < b ? -1 : 1)).map(([topic, { sum: s, count }]) => [topic, s / count])),
    shownPrecision: shownRight / Math.max(1, shown),
    atLeastOne: one / n,
    atLeastThree: three / n,
    linksPerStory: shown / n,
    ms,
  };
}

/** Precision@K and the shown-link figures of computed related stories against topics. */
export function figures(labelled: readonly LabelledStory[], settings: Partial<RelatedSettings> = {}): Figures {
  const { related, ms } = rankAll(labelled, settings);
  return figuresAt(labelled, related, settings.minScore ?? RELATED_SETTINGS.minScore, ms);
}

/**
 * Off-topic stories: for each topic, `perTopic` of its stories (spread over the topic's files), each
 * alone in an archive of the other topics' stories, so that its topic has no other story there.
 * Returns per topic the scores of each such story's unthresholded hits.
 */
export function offTopicScores(labelled: readonly LabelledStory[], settings: Partial<RelatedSettings>, perTopic: number): Map<string, number[][]> {
  const out = new Map<string, number[][]>();
  for (const topic of [...new Set(labelled.map((story) => story.topic))].sort()) {
    const others = labelled.filter((story) => story.topic !== topic);
    const own = labelled.filter((story) => story.topic === topic);
    const step = Math.max(1, Math.floor(own.length / perTopic));
    const scores = own
      .filter((_, k) => k % step === 0)
      .slice(0, perTopic)
      .map((story) => (rankAll([...others, story], settings).related.get(story.doc.id) ?? []).map((hit) => hit.score));
    out.set(topic, scores);
  }
  return out;
}

/** Mean links an off-topic story shows at `minScore`, overall and per topic. */
function offTopicLinks(scores: Map<string, number[][]>, minScore: number): { mean: number; perTopic: Map<string, number>; stories: number } {
  const perTopic = new Map<string, number>();
  let total = 0;
  let stories = 0;
  for (const [topic, lists] of scores) {
    const links = lists.reduce((sum, list) => sum + list.filter((score) => score >= minScore).length, 0);
    perTopic.set(topic, links / Math.max(1, lists.length));
    total += links;
    stories += lists.length;
  }
  return { mean: total / Math.max(1, stories), perTopic, stories };
}

/**
 * The file split of the calibration: per topic, stories at even positions in file-name order
 * (half A, which calibrated `minScore`) and at odd positions (half B, the check).
 */
export function splitByFile(labelled: readonly LabelledStory[]): [LabelledStory[], LabelledStory[]] {
  const seen = new Map<string, number>();
  const a: LabelledStory[] = [];
  const b: LabelledStory[] = [];
  for (const story of labelled) {
    const position = seen.get(story.topic) ?? 0;
    seen.set(story.topic, position + 1);
    (position % 2 === 0 ? a : b).push(story);
  }
  return [a, b];
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

const number = (x: number, digits = 3): string => x.toFixed(digits);

function main(): void {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", default: DEFAULT_CORPUS },
      halves: { type: "string", default: "0" },
      set: { type: "string", default: "" },
      "off-topic": { type: "string", default: "12" },
      "off-topic-full": { type: "boolean", default: false },
      sweep: { type: "boolean", default: false },
    },
  });
  const settings = parseSettings(values.set);
  const minScore = settings.minScore ?? RELATED_SETTINGS.minScore;
  const offPerTopic = Number.parseInt(values["off-topic"], 10);
  const stories = loadCorpus(values.corpus);

  const tagStart = performance.now();
  const labelled: LabelledStory[] = stories.map((story) => ({
    doc: { id: story.id, title: story.title, body: story.body, section: "News", date: story.date, tags: deriveTags(story) },
    topic: story.topic,
  }));
  const tagMs = performance.now() - tagStart;

  const [halfA, halfB] = splitByFile(labelled);
  const archives = [
    { name: "whole corpus", stories: labelled, offTopic: values["off-topic-full"] },
    { name: "half A (even files; calibrates)", stories: halfA, offTopic: true },
    { name: "half B (odd files; check)", stories: halfB, offTopic: true },
  ].map((archive) => {
    const { related, ms } = rankAll(archive.stories, settings);
    const off = archive.offTopic ? offTopicScores(archive.stories, settings, offPerTopic) : null;
    return { ...archive, related, ms, off };
  });
  const whole = archives[0] as (typeof archives)[number];
  const lines = [
    `corpus: ${values.corpus} (${labelled.length} stories)${values.set === "" ? "" : `, settings ${values.set}`}`,
    `tags: ${tagMs.toFixed(0)} ms (${(tagMs / Math.max(1, labelled.length)).toFixed(2)} ms/story)`,
    `related: ${whole.ms.toFixed(0)} ms for the whole corpus`,
    `shown: links scoring >= ${minScore}; off-topic: ${offPerTopic} stories a topic, each alone among the other topics`,
  ];
  for (const archive of archives) {
    const f = figuresAt(archive.stories, archive.related, minScore, archive.ms);
    lines.push(
      `${archive.name}, ${f.stories} stories: precision@${K} ${number(f.precisionAt5, 4)}, shown-link precision ${number(f.shownPrecision, 4)}, ` +
        `showing >= 1 ${number(f.atLeastOne)}, >= 3 ${number(f.atLeastThree)}, links a story ${number(f.linksPerStory, 2)}`,
    );
    lines.push(`  precision@${K} by topic: ${[...f.perTopic].map(([topic, p]) => `${topic} ${number(p)}`).join(", ")}`);
    if (archive.off !== null) {
      const off = offTopicLinks(archive.off, minScore);
      lines.push(`  off-topic stories (${off.stories}): ${number(off.mean, 2)} links a story; by topic: ${[...off.perTopic].map(([topic, m]) => `${topic} ${number(m, 2)}`).join(", ")}`);
    }
  }
  if (values.sweep) {
    lines.push("sweep of minScore: shown-link precision / share showing >= 3 / off-topic links a story");
    for (let step = -6; step <= 6; step++) {
      const t = minScore + step * 0.05;
      const cells = archives.map((archive) => {
        const f = figuresAt(archive.stories, archive.related, t, archive.ms);
        const off = archive.off === null ? "-" : number(offTopicLinks(archive.off, t).mean, 2);
        return `${number(f.shownPrecision)} / ${number(f.atLeastThree)} / ${off}`;
      });
      lines.push(`  ${number(t, 2)}: ${cells.join("  |  ")}`);
    }
    lines.push(`  columns: ${archives.map((archive) => archive.name).join(" | ")}`);
  }
  const halfScores: number[] = [];
  for (let seed = 1; seed <= Number.parseInt(values.halves, 10); seed++) {
    const pair = halves(labelled, seed).map((half) => ({ size: half.length, ...figures(half, settings) }));
    halfScores.push(...pair.map((half) => half.precisionAt5));
    lines.push(`halves, seed ${seed}: ${pair.map((half) => `${number(half.precisionAt5, 4)} (${half.size} stories)`).join(", ")}`);
  }
  if (halfScores.length > 0) {
    const mean = halfScores.reduce((sum, x) => sum + x, 0) / halfScores.length;
    lines.push(`halves: mean ${number(mean, 4)}, min ${number(Math.min(...halfScores), 4)}, max ${number(Math.max(...halfScores), 4)}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
