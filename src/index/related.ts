// Computed "related stories": for each story, the archive stories most like it by text (headline
// weighted up), shared entity tags, section and nearness in date. Inverted indexes over each
// story's heaviest terms keep it near linear in the archive size: no all-pairs pass.
//
// Two passes. The first finds each story's nearest neighbours by BM25 cosine. The second compares
// stories by their neighbourhoods: each story's vector is expanded with its neighbours' vectors
// (Rocchio's relevance feedback, with the neighbours as pseudo-relevant documents), which brings in
// the words of the subject the story shares with others rather than the ones only it uses. The final
// score adds the direct similarity back, so a story on the same event still ranks first.
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
 * Scoring settings in one place. BM25's k1 and b are the usual values (Robertson & Zaragoza 2009);
 * the others were chosen on the BBC topics-dev corpus (src/eval/related.ts), where precision@5 stays
 * within 0.005 of its best for neighbours 60-80, expansion weight 3-8 and direct weight 0.25-1;
 * the index sizes trade a little of it for speed (50 candidates instead of 100 costs 0.01).
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
  /** Terms per story (heaviest first) it is indexed and queried by in the first pass. */
  signatureSize: 40,
  /** Postings kept per term (heaviest first), so one common term cannot flood a query. */
  maxPostings: 200,
  /** Candidates per story and pass that are scored exactly, over all their terms. */
  candidates: 100,
  /** Nearest neighbours whose vectors expand a story's vector. */
  neighbours: 80,
  /** Weight of the neighbours against the story itself in the expanded vector. */
  expansionWeight: 5,
  /** Terms kept per expanded vector (heaviest first). */
  expandedSize: 150,
  /** Terms of an expanded vector it is indexed and queried by in the second pass. */
  expandedQuerySize: 30,
  /** Weight of the direct similarity added to the neighbourhood similarity. */
  directWeight: 0.5,
  /** Same section multiplies the text score by 1 + this: a tie-breaker, never a reason alone. */
  sectionBoost: 0.05,
  /** A story on the same day multiplies the score by 1 + this, fading with `dateScaleDays`. */
  dateBoost: 0.05,
  dateScaleDays: 30,
} as const;

/** Prefix that keeps tag features apart from word terms in one vector. */
const TAG_PREFIX = "#";

const DAY_MS = 86_400_000;

/** A sparse vector over term ids, heaviest term first. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

interface Prepared {
  doc: RelatedDoc;
  /** Every term another story shares, scaled so that the vector of all terms has length 1. */
  vector: Vector;
  tagKeys: Map<string, string>;
  day: number;
  section: string;
}

/** Nearest neighbours of one story: indexes and scores, best first. */
interface Neighbours {
  indexes: Int32Array;
  scores: Float64Array;
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
  const { stories, vocabularySize } = prepare(sorted);
  const vectors = stories.map((story) => story.vector);
  const work = new Workspace(Math.max(stories.length, vocabularySize), vocabularySize);
  const direct = nearest(vectors, work);
  const expanded = expand(vectors, direct, work);
  const index = buildIndex(expanded, SETTINGS.expandedQuerySize);

  const result = new Map<string, RelatedHit[]>();
  stories.forEach((source, i) => {
    const excluded = options.exclude?.get(source.doc.id) ?? new Set<string>();
    const wanted = Math.max(0, limit - excluded.size);
    if (wanted === 0) {
      result.set(source.doc.id, []);
      return;
    }
    const own = direct[i] as Neighbours;
    const found = work.search(expanded[i] as Vector, SETTINGS.expandedQuerySize, index, i, SETTINGS.candidates);
    const candidates = [...new Set([...own.indexes, ...found])];
    work.load(expanded[i] as Vector, source.vector);
    const scored: Array<{ index: number; score: number }> = [];
    for (const j of candidates) {
      const target = stories[j] as Prepared;
      if (excluded.has(target.doc.id)) continue;
      const text = work.dot(expanded[j] as Vector) + SETTINGS.directWeight * work.dotSecond(target.vector);
      scored.push({ index: j, score: text * contextFactor(source, target) });
    }
    work.unload(expanded[i] as Vector, source.vector);
    scored.sort((a, b) => b.score - a.score || compareNewerFirst(stories[a.index] as Prepared, stories[b.index] as Prepared));
    result.set(
      source.doc.id,
      scored.slice(0, wanted).map(({ index: j, score }) => {
        const target = stories[j] as Prepared;
        return { id: target.doc.id, score: round(score), sharedTags: sharedTags(source, target) };
      }),
    );
  });
  return result;
}

/** Builds each story's BM25 vector over headline, body and tags. */
function prepare(docs: readonly RelatedDoc[]): { stories: Prepared[]; vocabularySize: number } {
  const vocabulary = new Map<string, number>();
  const keys = new Map<string, string>();
  const keyOf = (tag: string): string => {
    let key = keys.get(tag);
    if (key === undefined) {
      key = tagKey(tag);
      keys.set(tag, key);
    }
    return key;
  };
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
    for (const key of new Set(doc.tags.map(keyOf))) if (key !== "") add(TAG_PREFIX + key, SETTINGS.tagWeight);
    counts.push(tf);
    lengths.push(length);
  }
  const n = docs.length;
  const averageLength = lengths.reduce((sum, x) => sum + x, 0) / Math.max(1, n);
  const stories = docs.map((doc, index) => {
    const tf = counts[index] as Map<number, number>;
    const lengthNorm = 1 - SETTINGS.b + (SETTINGS.b * (lengths[index] as number)) / Math.max(1, averageLength);
    const entries: Array<[number, number]> = [];
    let norm = 0;
    for (const [id, count] of tf) {
      const docFreq = df[id] as number;
      const idf = Math.log(1 + (n - docFreq + 0.5) / (docFreq + 0.5));
      const weight = ((count * (SETTINGS.k1 + 1)) / (count + SETTINGS.k1 * lengthNorm)) * idf;
      norm += weight * weight;
      // A term only this story has cannot link it to another: it only counts in the length.
      if (docFreq >= 2) entries.push([id, weight]);
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const tagKeys = new Map<string, string>();
    for (const tag of doc.tags) {
      const key = keyOf(tag);
      if (key !== "" && !tagKeys.has(key)) tagKeys.set(key, tag);
    }
    return {
      doc,
      vector: { ids: Int32Array.from(entries, ([id]) => id), weights: Float64Array.from(entries, ([, w]) => w * scale) },
      tagKeys,
      day: Math.floor(Date.parse(`${doc.date}T00:00:00Z`) / DAY_MS),
      section: doc.section.trim().toLowerCase(),
    };
  });
  return { stories, vocabularySize: vocabulary.size };
}

/** First pass: each story's nearest neighbours by cosine, among the stories its signature finds. */
function nearest(vectors: readonly Vector[], work: Workspace): Neighbours[] {
  const index = buildIndex(vectors, SETTINGS.signatureSize);
  return vectors.map((vector, i) => {
    const candidates = work.search(vector, SETTINGS.signatureSize, index, i, SETTINGS.candidates);
    const best = new TopK(SETTINGS.neighbours);
    work.load(vector);
    for (const j of candidates) best.offer(j, work.dot(vectors[j] as Vector));
    work.unload(vector);
    const { slots, values } = best.sorted();
    return { indexes: slots, scores: values };
  });
}

/** Each story's vector plus its neighbours' (weighted by similarity), cut to its heaviest terms. */
function expand(vectors: readonly Vector[], neighbours: readonly Neighbours[], work: Workspace): Vector[] {
  return vectors.map((vector, i) => {
    const own = neighbours[i] as Neighbours;
    const total = own.scores.reduce((sum, score) => sum + score, 0);
    work.add(vector, 1);
    for (let k = 0; k < own.indexes.length; k++) {
      const factor = total > 0 ? (SETTINGS.expansionWeight * (own.scores[k] as number)) / total : 0;
      work.add(vectors[own.indexes[k] as number] as Vector, factor);
    }
    const { slots, values } = work.take(SETTINGS.expandedSize, -1).sorted();
    const norm = Math.sqrt(values.reduce((sum, weight) => sum + weight * weight, 0));
    return { ids: slots, weights: values.map((weight) => (norm > 0 ? weight / norm : 0)) };
  });
}

/** Inverted index in compressed rows: the postings of term t are `docs[offsets[t]..offsets[t+1]]`. */
interface Index {
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

/**
 * Indexes the first `prefix` (heaviest) terms of each vector; a term keeps its `maxPostings`
 * heaviest postings, ties to the smaller story index.
 */
function buildIndex(vectors: readonly Vector[], prefix: number): Index {
  let terms = 0;
  for (const vector of vectors) for (let t = 0; t < Math.min(prefix, vector.ids.length); t++) terms = Math.max(terms, (vector.ids[t] as number) + 1);
  const lists: Array<Array<[number, number]>> = Array.from({ length: terms }, () => []);
  vectors.forEach((vector, doc) => {
    for (let t = 0; t < Math.min(prefix, vector.ids.length); t++) {
      (lists[vector.ids[t] as number] as Array<[number, number]>).push([doc, vector.weights[t] as number]);
    }
  });
  const offsets = new Int32Array(terms + 1);
  lists.forEach((list, term) => {
    if (list.length > SETTINGS.maxPostings) list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).length = SETTINGS.maxPostings;
    offsets[term + 1] = (offsets[term] as number) + list.length;
  });
  const docs = new Int32Array(offsets[terms] as number);
  const weights = new Float64Array(docs.length);
  lists.forEach((list, term) => {
    list.forEach(([doc, weight], p) => {
      docs[(offsets[term] as number) + p] = doc;
      weights[(offsets[term] as number) + p] = weight;
    });
  });
  return { offsets, docs, weights };
}

/**
 * Reusable dense arrays: an accumulator that remembers the slots it touched (so clearing costs
 * only what was used) and two loaded query vectors for exact dot products. One serves all stories:
 * allocating per story would dominate at 100,000 stories.
 */
class Workspace {
  private readonly sums: Float64Array;
  private readonly used: Uint8Array;
  private readonly touched: Int32Array;
  private count = 0;
  private readonly first: Float64Array;
  private readonly second: Float64Array;

  constructor(slots: number, terms: number) {
    this.sums = new Float64Array(slots);
    this.used = new Uint8Array(slots);
    this.touched = new Int32Array(slots);
    this.first = new Float64Array(terms);
    this.second = new Float64Array(terms);
  }

  /** Adds `factor` times `vector` into the accumulator, by term. */
  add(vector: Vector, factor: number): void {
    for (let t = 0; t < vector.ids.length; t++) this.bump(vector.ids[t] as number, factor * (vector.weights[t] as number));
  }

  /** The best `count` stories by the query's first `prefix` terms against the index; never `self`. */
  search(query: Vector, prefix: number, index: Index, self: number, count: number): Int32Array {
    for (let t = 0; t < Math.min(prefix, query.ids.length); t++) {
      const term = query.ids[t] as number;
      if (term + 1 >= index.offsets.length) continue;
      const weight = query.weights[t] as number;
      for (let p = index.offsets[term] as number; p < (index.offsets[term + 1] as number); p++) {
        this.bump(index.docs[p] as number, weight * (index.weights[p] as number));
      }
    }
    return this.take(count, self).sorted().slots;
  }

  /** The `count` heaviest accumulated slots (never `skip`); clears the accumulator. */
  take(count: number, skip: number): TopK {
    const best = new TopK(count);
    for (let k = 0; k < this.count; k++) {
      const slot = this.touched[k] as number;
      if (slot !== skip) best.offer(slot, this.sums[slot] as number);
      this.sums[slot] = 0;
      this.used[slot] = 0;
    }
    this.count = 0;
    return best;
  }

  load(first: Vector, second?: Vector): void {
    for (let t = 0; t < first.ids.length; t++) this.first[first.ids[t] as number] = first.weights[t] as number;
    if (second !== undefined) for (let t = 0; t < second.ids.length; t++) this.second[second.ids[t] as number] = second.weights[t] as number;
  }

  unload(first: Vector, second?: Vector): void {
    for (let t = 0; t < first.ids.length; t++) this.first[first.ids[t] as number] = 0;
    if (second !== undefined) for (let t = 0; t < second.ids.length; t++) this.second[second.ids[t] as number] = 0;
  }

  dot(vector: Vector): number {
    return dotDense(this.first, vector);
  }

  dotSecond(vector: Vector): number {
    return dotDense(this.second, vector);
  }

  private bump(slot: number, amount: number): void {
    if (this.used[slot] === 0) {
      this.used[slot] = 1;
      this.touched[this.count++] = slot;
    }
    this.sums[slot] = (this.sums[slot] as number) + amount;
  }
}

function dotDense(dense: Float64Array, vector: Vector): number {
  let sum = 0;
  for (let t = 0; t < vector.ids.length; t++) sum += (dense[vector.ids[t] as number] as number) * (vector.weights[t] as number);
  return sum;
}

/**
 * The best `capacity` (slot, value) pairs offered, by value, ties to the smaller slot: a min-heap
 * with the worst kept pair on top, so selection costs O(n log k) instead of a full sort.
 */
class TopK {
  private readonly slots: Int32Array;
  private readonly values: Float64Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.slots = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  offer(slot: number, value: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      this.slots[this.size] = slot;
      this.values[this.size] = value;
      this.up(this.size++);
    } else if (this.worse(0, slot, value)) {
      this.slots[0] = slot;
      this.values[0] = value;
      this.down(0);
    }
  }

  /** The kept pairs, best first. */
  sorted(): { slots: Int32Array; values: Float64Array } {
    const order = Array.from({ length: this.size }, (_, k) => k).sort(
      (a, b) => (this.values[b] as number) - (this.values[a] as number) || (this.slots[a] as number) - (this.slots[b] as number),
    );
    return { slots: Int32Array.from(order, (k) => this.slots[k] as number), values: Float64Array.from(order, (k) => this.values[k] as number) };
  }

  /** Whether the pair at heap position `k` ranks below (slot, value). */
  private worse(k: number, slot: number, value: number): boolean {
    const kept = this.values[k] as number;
    return kept < value || (kept === value && (this.slots[k] as number) > slot);
  }

  private swap(a: number, b: number): void {
    const slot = this.slots[a] as number;
    const value = this.values[a] as number;
    this.slots[a] = this.slots[b] as number;
    this.values[a] = this.values[b] as number;
    this.slots[b] = slot;
    this.values[b] = value;
  }

  private up(k: number): void {
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.worse(k, this.slots[parent] as number, this.values[parent] as number)) return;
      this.swap(k, parent);
      k = parent;
    }
  }

  private down(k: number): void {
    for (;;) {
      let worst = k;
      for (const child of [2 * k + 1, 2 * k + 2]) {
        if (child < this.size && this.worse(child, this.slots[worst] as number, this.values[worst] as number)) worst = child;
      }
      if (worst === k) return;
      this.swap(k, worst);
      k = worst;
    }
  }
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
