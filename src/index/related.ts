// Computed "related stories": for each story, the archive stories most like it by text (headline
// weighted up), shared entity tags, section and nearness in date. An inverted index over each
// story's most distinctive terms keeps it near linear in the archive size: no all-pairs pass.
import { tagKey } from "./entities.ts";
import { terms } from "./text.ts";

/** What related-story scoring needs of a record. */
export interface RelatedDoc {
  id: string;
  title: string;
  /** Markdown body. */
  body: string;
  section: string;
  tags: readonly string[];
  /** `YYYY-MM-DD`. */
  date: string;
}

/** One computed related story. */
export interface RelatedHit {
  id: string;
  /** Higher is more related; comparable within one run only. */
  score: number;
  /** Tags the two stories share, as the source story spells them, in its order. */
  sharedTags: string[];
}

export interface RelatedOptions {
  /** Related stories per story, counting the ones in `exclude` (default 5). */
  limit?: number;
  /**
   * Per story id, the ids it already links to from the dump's own Related Stories. They are never
   * repeated, and they use up places: a story gets `limit - exclude.size` computed hits.
   */
  exclude?: Map<string, Set<string>>;
}

/**
 * Scoring settings in one place. The weights are the usual ones from the retrieval literature
 * (BM25's k1 and b from Robertson & Zaragoza 2009); the pruning sizes were chosen on the BBC
 * topics-dev corpus for speed, and precision@5 there stays flat for signatures above ~30 terms.
 */
const SETTINGS = {
  /** A headline word counts as this many body words: headlines name the subject. */
  titleWeight: 3,
  /** An entity tag counts as this many body words, and is matched by `tagKey`. */
  tagWeight: 2,
  /** BM25 term-frequency saturation. */
  k1: 1.2,
  /** BM25 length normalisation. */
  b: 0.75,
  /** Terms kept per story (highest weight first) as its signature, for indexing and querying. */
  signatureSize: 40,
  /** Terms in more than this share of stories say nothing distinctive; they are not indexed. */
  maxDfShare: 0.1,
  /** Postings kept per term (highest weight first), so one common term cannot flood a query. */
  maxPostings: 400,
  /** Same section multiplies the text score by 1 + this: a tie-breaker, never a reason alone. */
  sectionBoost: 0.05,
  /** A story on the same day multiplies the score by 1 + this, fading with `dateScaleDays`. */
  dateBoost: 0.05,
  dateScaleDays: 30,
} as const;

/** Prefix that keeps tag features apart from word terms in one vector. */
const TAG_PREFIX = "#";

const DAY_MS = 86_400_000;

interface Prepared {
  doc: RelatedDoc;
  /** Signature: term ids and weights, highest weight first, L2 norm of the full vector = 1. */
  termIds: Int32Array;
  weights: Float64Array;
  tagKeys: Map<string, string>;
  day: number;
  section: string;
}

/**
 * For each story, its computed related stories, best first; ties go to the newer story, then to
 * the smaller id. The result does not depend on the order of `docs`.
 */
export function computeRelated(docs: readonly RelatedDoc[], options: RelatedOptions = {}): Map<string, RelatedHit[]> {
  const limit = options.limit ?? 5;
  const sorted = [...docs].sort((a, b) => compareStrings(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) {
      throw new Error(`computeRelated: two stories share the id "${sorted[i]?.id}"; ids must be unique.`);
    }
  }
  const prepared = prepare(sorted);
  const postings = buildPostings(prepared);
  const result = new Map<string, RelatedHit[]>();
  const scores = new Float64Array(prepared.length);
  const touched: number[] = [];
  for (let i = 0; i < prepared.length; i++) {
    const source = prepared[i] as Prepared;
    const excluded = options.exclude?.get(source.doc.id) ?? new Set<string>();
    const wanted = Math.max(0, limit - excluded.size);
    if (wanted === 0) {
      result.set(source.doc.id, []);
      continue;
    }
    for (let t = 0; t < source.termIds.length; t++) {
      const list = postings[source.termIds[t] as number];
      if (list === undefined) continue;
      const w = source.weights[t] as number;
      for (let p = 0; p < list.docs.length; p++) {
        const j = list.docs[p] as number;
        if (scores[j] === 0) touched.push(j);
        scores[j] = (scores[j] as number) + w * (list.weights[p] as number);
      }
    }
    const candidates: Array<{ index: number; score: number }> = [];
    for (const j of touched) {
      const target = prepared[j] as Prepared;
      if (j !== i && !excluded.has(target.doc.id)) {
        candidates.push({ index: j, score: (scores[j] as number) * contextFactor(source, target) });
      }
      scores[j] = 0;
    }
    touched.length = 0;
    candidates.sort((a, b) => b.score - a.score || compareNewerFirst(prepared[a.index] as Prepared, prepared[b.index] as Prepared));
    result.set(
      source.doc.id,
      candidates.slice(0, wanted).map(({ index, score }) => {
        const target = prepared[index] as Prepared;
        return { id: target.doc.id, score: round(score), sharedTags: sharedTags(source, target) };
      }),
    );
  }
  return result;
}

/** Builds each story's weighted signature (BM25 weights over headline, body and tags). */
function prepare(docs: readonly RelatedDoc[]): Prepared[] {
  const vocabulary = new Map<string, number>();
  const counts: Array<Map<number, number>> = [];
  const lengths: number[] = [];
  const df: number[] = [];
  for (const doc of docs) {
    const tf = new Map<number, number>();
    let length = 0;
    const add = (term: string, weight: number): void => {
      let id = vocabulary.get(term);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(term, id);
        df.push(0);
      }
      const before = tf.get(id);
      if (before === undefined) df[id] = (df[id] as number) + 1;
      tf.set(id, (before ?? 0) + weight);
      length += weight;
    };
    for (const term of terms(doc.title)) add(term, SETTINGS.titleWeight);
    for (const term of terms(doc.body)) add(term, 1);
    for (const tag of doc.tags) add(TAG_PREFIX + tagKey(tag), SETTINGS.tagWeight);
    counts.push(tf);
    lengths.push(length);
  }
  const n = docs.length;
  const averageLength = lengths.reduce((sum, x) => sum + x, 0) / Math.max(1, n);
  return docs.map((doc, index) => {
    const tf = counts[index] as Map<number, number>;
    const lengthNorm = 1 - SETTINGS.b + (SETTINGS.b * (lengths[index] as number)) / Math.max(1, averageLength);
    const entries: Array<[number, number]> = [];
    let norm = 0;
    for (const [id, count] of tf) {
      const docFreq = df[id] as number;
      const idf = Math.log(1 + (n - docFreq + 0.5) / (docFreq + 0.5));
      const weight = ((count * (SETTINGS.k1 + 1)) / (count + SETTINGS.k1 * lengthNorm)) * idf;
      norm += weight * weight;
      // Terms only this story has cannot link it to another; common terms are not indexed.
      if (docFreq >= 2 && docFreq <= Math.max(2, SETTINGS.maxDfShare * n)) entries.push([id, weight]);
    }
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = entries.slice(0, SETTINGS.signatureSize);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return {
      doc,
      termIds: Int32Array.from(kept, ([id]) => id),
      weights: Float64Array.from(kept, ([, weight]) => weight * scale),
      tagKeys: new Map(doc.tags.map((tag) => [tagKey(tag), tag] as const)),
      day: Math.floor(Date.parse(`${doc.date}T00:00:00Z`) / DAY_MS),
      section: doc.section.trim().toLowerCase(),
    };
  });
}

interface PostingList {
  docs: number[];
  weights: number[];
}

/** Inverted index over signatures; each list keeps its `maxPostings` heaviest entries. */
function buildPostings(prepared: readonly Prepared[]): Array<PostingList | undefined> {
  const postings: Array<PostingList | undefined> = [];
  prepared.forEach((story, index) => {
    for (let t = 0; t < story.termIds.length; t++) {
      const id = story.termIds[t] as number;
      let list = postings[id];
      if (list === undefined) {
        list = { docs: [], weights: [] };
        postings[id] = list;
      }
      list.docs.push(index);
      list.weights.push(story.weights[t] as number);
    }
  });
  return postings.map((list) => {
    if (list === undefined || list.docs.length <= SETTINGS.maxPostings) return list;
    const order = list.docs.map((_, p) => p);
    order.sort((a, b) => (list.weights[b] as number) - (list.weights[a] as number) || (list.docs[a] as number) - (list.docs[b] as number));
    const kept = order.slice(0, SETTINGS.maxPostings);
    return { docs: kept.map((p) => list.docs[p] as number), weights: kept.map((p) => list.weights[p] as number) };
  });
}

/** Same section and nearness in date reorder text matches; they never make a match alone. */
function contextFactor(source: Prepared, target: Prepared): number {
  const section = source.section === target.section ? SETTINGS.sectionBoost : 0;
  const days = Math.abs(source.day - target.day);
  const date = Number.isFinite(days) ? SETTINGS.dateBoost * Math.exp(-days / SETTINGS.dateScaleDays) : 0;
  return 1 + section + date;
}

function sharedTags(source: Prepared, target: Prepared): string[] {
  const shared: string[] = [];
  for (const [key, tag] of source.tagKeys) if (target.tagKeys.has(key)) shared.push(tag);
  return shared;
}

/** Newer first, then smaller id: the tie-breaker for equal scores. */
function compareNewerFirst(a: Prepared, b: Prepared): number {
  return compareStrings(b.doc.date, a.doc.date) || compareStrings(a.doc.id, b.doc.id);
}

/** Code-unit order, independent of the machine's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Scores are rounded so that printed output does not show floating-point noise. */
function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
