// Computed "related stories": for each story, the archive stories most like it by text (headline
// weighted up), shared entity tags, section and nearness in date. Inverted indexes over each
// story's heaviest terms, with capped postings, keep it linear in the archive size: no all-pairs pass.
//
// Two passes. The first finds each story's nearest neighbours by BM25 cosine. The second compares
// stories by their neighbourhoods: each story's vector is expanded with its neighbours' vectors
// (Rocchio's relevance feedback, with the neighbours as pseudo-relevant documents), which brings in
// the words of the subject the story shares with others rather than the ones only it uses. The final
// score adds the direct similarity back, so a story on the same event still ranks first, and a
// latent similarity (src/index/latent.ts: a low-rank SVD of the expanded vectors), which says
// whether two stories sit in the same broad subject of the archive as a whole.
//
// A hit is shown only when its score reaches `minScore` (calibrated on topics-dev, see the setting),
// and never when the other story is a copy of this one (same headline, or a body mostly made of
// this one's). The score is the pair's similarity plus how well the archive covers the story's
// subject (the mean similarity of its `coverageSize` best candidates, times `coverageWeight`): the
// threshold is per story, lower for a story among many on its subject, higher for one the archive
// does not otherwise cover, which gets few links or none; a story's coverage counts as at least
// `leastCoverage`, so that a hit similar enough is shown whatever the coverage.
//
// Vectors live in compressed rows of typed arrays, numbered by term, and one reusable workspace
// serves every story: at 100,000 stories, allocating per story or per term would dominate.
import { normaliseHeadline } from "../record/identity.ts";
import { contains, trigrams } from "./dedupe.ts";
import { tagKey } from "./entities.ts";
import { latentCosine, latentVectors, type LatentVectors } from "./latent.ts";
import { grow, type Rows, transpose } from "./rows.ts";
import { type CountedTerms, type TermNames, Vocabulary } from "./text.ts";

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
  /** The body's `trigrams` (src/index/dedupe.ts), when the caller keeps them; made from `body` if not. */
  grams?: () => Uint32Array;
  /** The body's terms counted (`countTerms`, src/index/text.ts), when the caller keeps them; read from `body` if not. */
  terms?: () => CountedTerms;
}

/** One computed related story. */
export interface RelatedHit {
  id: string;
  /**
   * Higher is more related: the pair's similarity plus the story's coverage (`coverageWeight` times
   * at least `leastCoverage`), so scores compare within a story's list, not across stories; at
   * least `minScore`.
   */
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
  /** Overrides of `RELATED_SETTINGS`, for measuring (src/eval/related.ts); the build uses none. */
  settings?: Partial<RelatedSettings>;
}

/**
 * Scoring settings in one place. BM25's k1 and b are the usual values (Robertson & Zaragoza 2009);
 * the others were chosen on the BBC topics-dev corpus (`src/eval/related.ts --halves 3 --set ...`).
 * Before the latent similarity was added, precision@5 there was 0.950 (standard error about
 * 0.005) and stayed within 0.005 of it for neighbours 50-100, expansion weight 5-8, direct weight
 * 0.25-1, expanded size 100-200, title weight 1-5 and tag weight 0-4; expansion weight 3 cost 0.006
 * at 60 neighbours. Exact nearest neighbours (every term indexed, no caps) scored 0.952: the index
 * sizes cost nothing measurable.
 */
export const RELATED_SETTINGS = Object.freeze({
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
  /** Candidates per story that the first pass scores exactly, over all their terms. */
  candidates: 100,
  /** Nearest neighbours whose vectors expand a story's vector. */
  neighbours: 80,
  /** Weight of the neighbours against the story itself in the expanded vector. */
  expansionWeight: 5,
  /** Terms kept per expanded vector (heaviest first). */
  expandedSize: 150,
  /** Weight of the direct similarity added to the neighbourhood similarity. */
  directWeight: 0.5,
  /**
   * Rank of the latent vectors (src/index/latent.ts). Ranks 20-100 score within 0.002 of each other
   * on topics-dev; 20, the cheap end, costs about 0.5 s at 10,000 stories and 9 s at 100,000.
   */
  latentRank: 20,
  /**
   * Weight of the latent similarity added to the text score. With 0.5, topics-dev precision@5 goes
   * from 0.950 to 0.957 and the mean over six pairs of halves from 0.939 to 0.946 (paired standard
   * error 0.002); weights 0.25-1 all gain 0.004-0.009 on both. Not tuned further.
   */
  latentWeight: 0.5,
  /**
   * Lowest score a hit is shown with. Calibrated on half A of topics-dev (the even-numbered files of
   * each topic, 558 stories, as an archive of its own; `npm run eval:related -- --sweep`): the
   * lowest value, in steps of 0.05, at which the links shown there reach precision 0.97 and stories
   * of a topic the archive lacks (12 a topic, each alone among the other four topics) show at most
   * 0.8 links on average: at one cut, half A, half B and the whole corpus differ by up to 0.5 links
   * (60 such stories each), so the check on stories kept aside needs the margin. 1.70 gave 0.971
   * and 1.00 links, 1.75 gives 0.972 and 0.75, with 78% of half A's stories showing three or
   * more (a single cut on the similarity alone, at 0.90: 0.975, 0.63 links and 70%). Checked on
   * half B: 0.985, 0.43 links, 74%; the whole corpus: 0.976, 0.80 links, 82% (0.90 alone: 0.979,
   * 0.67 links, 76%). Most links off-topic stories still show are business stories linked to
   * politics or technology stories on the economy or mobile phones, which a reader may well call
   * related.
   */
  minScore: 1.75,
  /**
   * Candidates whose mean similarity is the story's coverage: how well the archive covers its
   * subject. Five, the links a story shows by default.
   */
  coverageSize: 5,
  /**
   * Weight of the coverage added to each of the story's scores. On topics-dev, the mean of the five
   * best similarities tells a story of a topic the archive lacks from the others better than any
   * other measure tried (area under the ROC curve 0.91-0.93 on the halves and the whole corpus;
   * the best similarity 0.90-0.93, how many stories count it among their ten nearest 0.84-0.88).
   * With the cut calibrated on half A as for `minScore`, weight 1 shows three links or more on 78%
   * of half A's stories and 82% of the whole corpus, 0.5 on 76% and 80%, the similarity alone on
   * 70% and 76%. Means of the best 3 to 20, weights up to 3, gave the same within 2%.
   */
  coverageWeight: 1,
  /**
   * Least coverage a story is given, so that from a similarity of `minScore - leastCoverage` (1.0)
   * a hit is shown whatever the story's coverage: a story with two close siblings and nothing else
   * on its subject keeps them (in tests/fixtures/related, nine stories three to a subject, coverage
   * alone hid one of the two siblings of four stories). A similarity of 1.0, above the 0.9 that was
   * the cut on similarity alone, changes no figure on topics-dev; 0.95 changes only off-topic ones.
   */
  leastCoverage: 0.75,
  /**
   * Direct (BM25 cosine) similarity from which two bodies are compared for copying: copies share
   * most of their words. On topics-dev, comparing every candidate (0) and only those from 0.8 give
   * the same lists, where comparing none changes the lists of 12 stories (re-titled copies). A
   * re-titled copy of a short story sits lower (tests/related.test.ts: between 0.6 and 0.7, its
   * headline weighing more against a 40-word body); 0.5 keeps a margin. Its cost: at 10,000
   * synthetic stories (src/eval/related-bench.ts: each has nine near-twins by words) this step took
   * 4.4 and 3.5 s of CPU without comparing bodies and 5.4 and 4.1 s with 0.5 (0.7: 3.9 s); real
   * archives have far fewer such pairs (in topics-dev, 90% of the top five are below 0.3).
   */
  copyCheck: 0.5,
  /**
   * Share of the smaller body's word 3-grams found in the other above which it is a copy. In
   * topics-dev, pairs fall either at 0.9 or more (43, all re-filed copies, some re-titled:
   * "Tory backing for ID cards" and "Conservative backing for ID cards") or at 0.65 or less (two
   * stories on one event: "Court rejects $280bn tobacco case", "Tobacco giants hail court ruling").
   */
  copyShare: 0.8,
  /**
   * Stories from which the neighbourhood (expansion) and latent similarities weigh fully; below,
   * in proportion to the archive's size (`forArchiveOf`). On samples of topics-dev of 30 stories,
   * full weights showed 4.5 links a story at precision 0.65-0.83; with this ramp, samples of 15-90
   * stories show links at precision 0.95-1.00 (few below 60 stories, 2-3 a story at 90), and the
   * archives of 558 stories and more that calibrated `minScore` are unchanged.
   */
  fullArchive: 100,
  /** Same section multiplies the text score by 1 + this: a tie-breaker, never a reason alone. */
  sectionBoost: 0.05,
  /** A story on the same day multiplies the score by 1 + this, fading with `dateScaleDays`. */
  dateBoost: 0.05,
  dateScaleDays: 30,
});

export type RelatedSettings = { [Name in keyof typeof RELATED_SETTINGS]: number };

/** Prefix that keeps tag features apart from word terms in one vocabulary. */
const TAG_PREFIX = "#";

const DAY_MS = 86_400_000;

/** Fixed-width lists of the best slots per row, best first; `counts[r]` are filled. */
interface Lists {
  width: number;
  counts: Int32Array;
  slots: Int32Array;
  values: Float32Array;
}

/** The stories, sorted by id, and what scoring needs of each beside its vectors. */
interface Archive {
  docs: RelatedDoc[];
  /** BM25 vectors, every term another story shares, scaled so that all terms have length 1. */
  vectors: Rows;
  /** Each vector's `signatureSize` heaviest terms, heaviest first. */
  signatures: Rows;
  vocabularySize: number;
  days: Float64Array;
  /** Rank of each story's date string, so that comparing dates is comparing numbers. */
  dateRanks: Int32Array;
  sections: Int32Array;
}

/**
 * For each story, its computed related stories, best first; ties go to the newer story, then to
 * the smaller id. Only hits scoring at least `minScore` are returned, so a list may be short or
 * empty; with a lower `minScore` the list is the same, extended. The result does not depend on the
 * order of `docs`.
 */
export function computeRelated(docs: readonly RelatedDoc[], options: RelatedOptions = {}): Map<string, RelatedHit[]> {
  const settings = forArchiveOf(docs.length, { ...RELATED_SETTINGS, ...options.settings });
  const limit = options.limit ?? 5;
  const sorted = [...docs].sort((a, b) => compareStrings(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) {
      throw new Error(`computeRelated: two stories share the id "${sorted[i]?.id}"; ids must be unique.`);
    }
  }
  const archive = prepare(sorted, settings);
  const work = new Workspace(Math.max(sorted.length, archive.vocabularySize), archive.vocabularySize);
  const direct = nearest(archive, settings, work);
  const expanded = expand(archive.vectors, direct, settings, work);
  const latent = latentVectors(expanded, archive.vocabularySize, settings.latentRank);
  return rank(archive, direct, expanded, latent, settings, work, limit, options.exclude);
}

/**
 * The settings for an archive of `stories`: below `fullArchive` stories, the neighbourhood and
 * latent similarities weigh in proportion to its size. They describe the subjects of the archive;
 * in a handful of stories every story is every other's neighbour, and they would call any two
 * stories alike.
 */
function forArchiveOf(stories: number, settings: RelatedSettings): RelatedSettings {
  const share = Math.min(1, stories / settings.fullArchive);
  return { ...settings, expansionWeight: settings.expansionWeight * share, latentWeight: settings.latentWeight * share };
}

/** Builds each story's BM25 vector over headline, body and tags, and its signature. */
function prepare(docs: RelatedDoc[], settings: RelatedSettings): Archive {
  const n = docs.length;
  const vocabulary = new Vocabulary();
  const tagIds = new Map<string, number>();
  const tagId = (tag: string): number => {
    let id = tagIds.get(tag);
    if (id === undefined) {
      const key = tagKey(tag);
      id = key === "" ? -1 : vocabulary.id(TAG_PREFIX + key);
      tagIds.set(tag, id);
    }
    return id;
  };

  // Term counts per story, in compressed rows that grow as stories are read.
  const rowOffsets = new Int32Array(n + 1);
  let rowIds = new Int32Array(1024);
  let rowCounts = new Float64Array(1024);
  const lengths = new Float64Array(n);
  let counts = new Float64Array(1024);
  let df = new Int32Array(1024);
  // Typed and reused: emptying an array by `length = 0` frees its storage, and regrowing it for
  // every story made most of this step's garbage.
  let seen = new Int32Array(1024);
  let seenCount = 0;
  const count = (id: number, weight: number): void => {
    if (id >= counts.length) {
      counts = grow(counts, id + 1);
      df = grow(df, id + 1);
    }
    if (counts[id] === 0) {
      if (seenCount === seen.length) seen = grow(seen, seenCount + 1);
      seen[seenCount++] = id;
    }
    counts[id] = (counts[id] as number) + weight;
  };
  // Terms are counted as the text is read, with the weight of the part being read.
  let weight = 0;
  const counter = { push: (id: number): void => count(id, weight) };
  // A body counted before is not read again: its terms, in the order they first appear, take their
  // ids as reading it would give them, and counts are whole numbers, so their sums are the same.
  // Per set of names, the id of each name number plus one (0: none yet).
  const idsOf = new Map<TermNames, Int32Array>();
  const countBody = (body: string, counted: CountedTerms | undefined): void => {
    if (counted === undefined) {
      vocabulary.termIds(body, counter);
      return;
    }
    const { names, pairs } = counted;
    let ids = idsOf.get(names);
    if (ids === undefined || ids.length < names.size) {
      ids = grow(ids ?? new Int32Array(1024), names.size);
      idsOf.set(names, ids);
    }
    for (let k = 0; k < pairs.length; k += 2) {
      const n = pairs[k] as number;
      let id = (ids[n] as number) - 1;
      if (id < 0) {
        id = vocabulary.id(names.name(n));
        ids[n] = id + 1;
      }
      count(id, weight * (pairs[k + 1] as number));
    }
  };
  docs.forEach((doc, d) => {
    weight = settings.titleWeight;
    vocabulary.termIds(doc.title, counter);
    weight = 1;
    countBody(doc.body, doc.terms?.());
    // A tag counts once however often the story lists it, or aliases of it.
    for (const id of new Set(doc.tags.map(tagId))) if (id >= 0) count(id, settings.tagWeight);
    const start = rowOffsets[d] as number;
    if (start + seenCount > rowIds.length) {
      rowIds = grow(rowIds, start + seenCount);
      rowCounts = grow(rowCounts, start + seenCount);
    }
    let length = 0;
    for (let k = 0; k < seenCount; k++) {
      const id = seen[k] as number;
      const c = counts[id] as number;
      rowIds[start + k] = id;
      rowCounts[start + k] = c;
      length += c;
      df[id] = (df[id] as number) + 1;
      counts[id] = 0;
    }
    lengths[d] = length;
    rowOffsets[d + 1] = start + seenCount;
    seenCount = 0;
  });

  // BM25 weights; a term only one story has cannot link it to another: it only counts in the length.
  let total = 0;
  for (let d = 0; d < n; d++) total += lengths[d] as number;
  const averageLength = Math.max(1, total / Math.max(1, n));
  const terms = vocabulary.size;
  const idf = new Float64Array(terms);
  for (let id = 0; id < idf.length; id++) {
    const f = df[id] as number;
    idf[id] = Math.log(1 + (n - f + 0.5) / (f + 0.5));
  }
  let kept = 0;
  for (let k = 0; k < (rowOffsets[n] as number); k++) if ((df[rowIds[k] as number] as number) >= 2) kept++;
  const vectors: Rows = { offsets: new Int32Array(n + 1), ids: new Int32Array(kept), weights: new Float32Array(kept) };
  const top = new TopK(settings.signatureSize);
  const signatures: Rows = {
    offsets: new Int32Array(n + 1),
    ids: new Int32Array(n * settings.signatureSize),
    weights: new Float32Array(n * settings.signatureSize),
  };
  let out = 0;
  for (let d = 0; d < n; d++) {
    const lengthNorm = 1 - settings.b + (settings.b * (lengths[d] as number)) / averageLength;
    let norm = 0;
    const first = out;
    for (let k = rowOffsets[d] as number; k < (rowOffsets[d + 1] as number); k++) {
      const id = rowIds[k] as number;
      const c = rowCounts[k] as number;
      const weight = ((c * (settings.k1 + 1)) / (c + settings.k1 * lengthNorm)) * (idf[id] as number);
      norm += weight * weight;
      if ((df[id] as number) >= 2) {
        vectors.ids[out] = id;
        vectors.weights[out++] = weight;
      }
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = first; k < out; k++) {
      vectors.weights[k] = (vectors.weights[k] as number) * scale;
      top.offer(vectors.ids[k] as number, vectors.weights[k] as number);
    }
    vectors.offsets[d + 1] = out;
    const size = top.drain(signatures.ids, signatures.weights, signatures.offsets[d] as number);
    signatures.offsets[d + 1] = (signatures.offsets[d] as number) + size;
  }

  const dates = [...new Set(docs.map((doc) => doc.date))].sort(compareStrings);
  const dateRank = new Map(dates.map((date, r) => [date, r]));
  const sectionNames = new Map<string, number>();
  return {
    docs,
    vectors,
    signatures,
    vocabularySize: terms,
    days: Float64Array.from(docs, (doc) => Math.floor(Date.parse(`${doc.date}T00:00:00Z`) / DAY_MS)),
    dateRanks: Int32Array.from(docs, (doc) => dateRank.get(doc.date) ?? 0),
    sections: Int32Array.from(docs, (doc) => {
      const section = doc.section.trim().toLowerCase();
      let id = sectionNames.get(section);
      if (id === undefined) {
        id = sectionNames.size;
        sectionNames.set(section, id);
      }
      return id;
    }),
  };
}

/** First pass: each story's nearest neighbours by cosine, among the stories its signature finds. */
function nearest(archive: Archive, settings: RelatedSettings, work: Workspace): Lists {
  const n = archive.docs.length;
  const index = invert(archive.signatures, archive.vocabularySize, settings.maxPostings);
  const found = new ListsBuilder(n, settings.neighbours);
  const candidates = new Int32Array(settings.candidates);
  const best = new TopK(settings.neighbours);
  for (let i = 0; i < n; i++) {
    const size = work.search(archive.signatures, i, index, candidates);
    work.load(archive.vectors, i);
    for (let c = 0; c < size; c++) {
      const j = candidates[c] as number;
      best.offer(j, work.dot(archive.vectors, j));
    }
    work.unload(archive.vectors, i);
    found.fill(i, best);
  }
  return found.lists;
}

/** Each story's vector plus its neighbours' (weighted by similarity), cut to its heaviest terms. */
function expand(vectors: Rows, neighbours: Lists, settings: RelatedSettings, work: Workspace): Rows {
  const n = vectors.offsets.length - 1;
  const width = settings.expandedSize;
  const expanded: Rows = { offsets: new Int32Array(n + 1), ids: new Int32Array(n * width), weights: new Float32Array(n * width) };
  const best = new TopK(width);
  for (let i = 0; i < n; i++) {
    work.add(vectors, i, 1);
    const first = i * neighbours.width;
    const count = neighbours.counts[i] as number;
    let total = 0;
    for (let k = first; k < first + count; k++) total += neighbours.values[k] as number;
    for (let k = first; k < first + count; k++) {
      const factor = total > 0 ? (settings.expansionWeight * (neighbours.values[k] as number)) / total : 0;
      work.add(vectors, neighbours.slots[k] as number, factor);
    }
    work.take(best, -1);
    const start = expanded.offsets[i] as number;
    const size = best.drain(expanded.ids, expanded.weights, start);
    let norm = 0;
    for (let k = start; k < start + size; k++) norm += (expanded.weights[k] as number) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = start; k < start + size; k++) expanded.weights[k] = (expanded.weights[k] as number) * scale;
    expanded.offsets[i + 1] = start + size;
  }
  return expanded;
}

/**
 * Second pass and the answer: each story's candidates are its nearest neighbours, scored by
 * neighbourhood similarity (expanded vectors) plus direct and latent similarity, times the context
 * factor; of the best `limit` (less the excluded) that are no copy, those whose similarity plus
 * the story's coverage reaches `minScore` are kept. Also searching an index of the expanded vectors
 * for candidates moved precision@5 on topics-dev by 0.0005 and doubled the cost of this pass.
 */
function rank(
  archive: Archive,
  direct: Lists,
  expanded: Rows,
  latent: LatentVectors,
  settings: RelatedSettings,
  work: Workspace,
  limit: number,
  exclude: Map<string, Set<string>> | undefined,
): Map<string, RelatedHit[]> {
  const { docs } = archive;
  const result = new Map<string, RelatedHit[]>();
  const tagKeys = new TagKeys(docs);
  const lengths = new RowLengths(expanded);
  const { directWeight, latentWeight } = settings;
  // Pruning compares bounds with scores computed in another order: a margin far above rounding
  // error keeps it from ever dropping a story that would have ranked.
  const slack = PRUNE_SLACK * (1 + Math.abs(directWeight) + Math.abs(latentWeight));
  const context = new ContextFactors(archive, settings);
  const copies = new Copies(docs, settings);
  const coverageSize = Math.max(0, Math.floor(settings.coverageSize));
  for (let i = 0; i < docs.length; i++) {
    const source = docs[i] as RelatedDoc;
    const excluded = exclude?.get(source.id);
    const wanted = Math.max(0, limit - (excluded?.size ?? 0));
    // The best few serve both the list and the coverage; no threshold is known until they are in.
    const best = new Best(Math.max(wanted, coverageSize), archive.dateRanks);
    const length = lengths.full[i] as number;
    work.load(expanded, i);
    for (let k = i * direct.width, end = k + (direct.counts[i] as number); k < end && wanted > 0; k++) {
      const j = direct.slots[k] as number;
      if (excluded !== undefined && excluded.has((docs[j] as RelatedDoc).id)) continue;
      const directSimilarity = directWeight * (direct.values[k] as number);
      const latentSimilarity = latentWeight * latentCosine(latent, i, j);
      const factor = context.factor(i, j);
      // Cauchy-Schwarz bounds the neighbourhood similarity by the lengths of the two vectors, then
      // by the part of j's vector not yet multiplied; once the best few are in, most candidates
      // cannot reach them and are dropped before the whole product is summed.
      const floor = best.full ? best.floor : -Infinity;
      const rest = directSimilarity + latentSimilarity + slack;
      if ((length * (lengths.full[j] as number) + rest) * factor < floor) continue;
      const head = work.dotPart(expanded, j, 0, 0, PRUNE_CHECKPOINT);
      if ((head + length * (lengths.tail[j] as number) + rest) * factor < floor) continue;
      const neighbourhood = work.dotPart(expanded, j, head, PRUNE_CHECKPOINT, Number.MAX_SAFE_INTEGER);
      const value = (neighbourhood + directSimilarity + latentSimilarity) * factor;
      if (!best.admits(j, value)) continue;
      if (copies.copied(i, j, direct.values[k] as number)) continue;
      best.offer(j, value);
    }
    work.unload(expanded, i);
    const kept = best.sorted();
    let coverage = 0;
    for (let k = 0; k < Math.min(coverageSize, kept.length); k++) coverage += (kept[k] as { value: number }).value;
    const shift = settings.coverageWeight * Math.max(coverageSize > 0 ? coverage / coverageSize : 0, settings.leastCoverage);
    const hits: RelatedHit[] = [];
    for (const { slot: j, value } of kept.slice(0, wanted)) {
      const score = round(value + shift);
      if (score < settings.minScore) break;
      hits.push({ id: (docs[j] as RelatedDoc).id, score, sharedTags: tagKeys.shared(i, j) });
    }
    result.set(source.id, hits);
  }
  return result;
}

/**
 * Copies of one story: the same headline (as ids compare them), or a body mostly made of the other's
 * (`copyShare` of the smaller one's word 3-grams). Bodies are compared only when their direct
 * similarity reaches `copyCheck`, and each story's 3-grams are made once, when first needed.
 */
class Copies {
  private readonly headlines: string[];
  private readonly grams: Array<Uint32Array | undefined> = [];

  constructor(
    private readonly docs: readonly RelatedDoc[],
    private readonly settings: RelatedSettings,
  ) {
    this.headlines = docs.map((doc) => normaliseHeadline(doc.title));
  }

  copied(i: number, j: number, direct: number): boolean {
    if (this.headlines[i] === this.headlines[j]) return true;
    return direct >= this.settings.copyCheck && contains(this.gramsOf(i), this.gramsOf(j), this.settings.copyShare);
  }

  private gramsOf(d: number): Uint32Array {
    let grams = this.grams[d];
    if (grams === undefined) {
      const doc = this.docs[d] as RelatedDoc;
      grams = doc.grams?.() ?? trigrams(doc.body);
      this.grams[d] = grams;
    }
    return grams;
  }
}

/** Margin of the bounds in `rank`, per unit of score scale. */
const PRUNE_SLACK = 1e-9;
/** Terms of an expanded vector multiplied before `rank` checks its bound again. */
const PRUNE_CHECKPOINT = 24;

/** Per row, its length and the length of its terms from `PRUNE_CHECKPOINT` on, for `rank`'s bounds. */
class RowLengths {
  readonly full: Float64Array;
  readonly tail: Float64Array;

  constructor(rows: Rows) {
    const n = rows.offsets.length - 1;
    this.full = new Float64Array(n);
    this.tail = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const start = rows.offsets[r] as number;
      let head = 0;
      let tail = 0;
      for (let k = start, end = rows.offsets[r + 1] as number; k < end; k++) {
        const square = (rows.weights[k] as number) ** 2;
        if (k - start < PRUNE_CHECKPOINT) head += square;
        else tail += square;
      }
      this.full[r] = Math.sqrt(head + tail);
      this.tail[r] = Math.sqrt(tail);
    }
  }
}

/**
 * Inverted index of rows: the postings of term t are stories `ids[offsets[t]..offsets[t+1]]`. A
 * term keeps its `maxPostings` heaviest postings, ties to the smaller story, in story order.
 */
function invert(rows: Rows, terms: number, maxPostings: number): Rows {
  const full = transpose(rows, terms);
  const { offsets: starts } = full;
  const offsets = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) offsets[t + 1] = (offsets[t] as number) + Math.min(maxPostings, (starts[t + 1] as number) - (starts[t] as number));
  const capped: Rows = { offsets, ids: new Int32Array(offsets[terms] as number), weights: new Float32Array(offsets[terms] as number) };
  const top = new TopK(maxPostings);
  for (let t = 0; t < terms; t++) {
    const from = starts[t] as number;
    const to = starts[t + 1] as number;
    const at = offsets[t] as number;
    if (to - from <= maxPostings) {
      capped.ids.set(full.ids.subarray(from, to), at);
      capped.weights.set(full.weights.subarray(from, to), at);
      continue;
    }
    for (let p = from; p < to; p++) top.offer(full.ids[p] as number, full.weights[p] as number);
    top.drain(capped.ids, capped.weights, at);
  }
  return capped;
}

/**
 * Reusable dense arrays: an accumulator that remembers the slots it touched (so clearing costs
 * only what was used), and a loaded query vector for exact dot products.
 */
class Workspace {
  private readonly sums: Float64Array;
  private readonly marks: Uint8Array;
  private readonly touched: Int32Array;
  private count = 0;
  private searchTop: TopK | undefined;
  private readonly first: Float32Array;

  constructor(slots: number, terms: number) {
    this.sums = new Float64Array(slots);
    this.marks = new Uint8Array(slots);
    // One more than the slots: `accumulate` writes a slot past the count before it knows whether it is new.
    this.touched = new Int32Array(slots + 1);
    this.first = new Float32Array(terms);
  }

  /** Adds `factor` times row `r` into the accumulator, by term; weights are positive. */
  add(rows: Rows, r: number, factor: number): void {
    if (factor > 0) this.count = accumulate(this.sums, this.marks, this.touched, this.count, rows, r, factor);
  }

  /**
   * Into `out`, the best stories (at most its length, best first) by row `self` of `queries`
   * against `index`; never `self`. Returns how many.
   */
  search(queries: Rows, self: number, index: Rows, out: Int32Array): number {
    const { ids, weights } = queries;
    for (let q = queries.offsets[self] as number, end = queries.offsets[self + 1] as number; q < end; q++) {
      this.count = accumulate(this.sums, this.marks, this.touched, this.count, index, ids[q] as number, weights[q] as number);
    }
    if (this.searchTop?.capacity !== out.length) this.searchTop = new TopK(out.length);
    this.take(this.searchTop, self);
    return this.searchTop.drainSlots(out);
  }

  /** Offers every accumulated slot but `skip` to `best`, and clears the accumulator. */
  take(best: TopK, skip: number): void {
    const { sums, marks, touched } = this;
    // Most slots are worse than the worst kept; comparing with it here spares them the call.
    let floor = best.floor;
    for (let k = 0; k < this.count; k++) {
      const slot = touched[k] as number;
      const sum = sums[slot] as number;
      sums[slot] = 0;
      marks[slot] = 0;
      if (sum >= floor && slot !== skip) {
        best.offer(slot, sum);
        floor = best.floor;
      }
    }
    this.count = 0;
  }

  load(rows: Rows, r: number): void {
    scatter(this.first, rows, r, true);
  }

  unload(rows: Rows, r: number): void {
    scatter(this.first, rows, r, false);
  }

  /** Dot product of the loaded first vector with row `r`. */
  dot(rows: Rows, r: number): number {
    return gather(this.first, rows, r);
  }

  /**
   * `dot` in parts: `sum` plus the terms of row `r` from its `from`th to before its `to`th, in
   * order, so that parts summed one after another give exactly `dot`.
   */
  dotPart(rows: Rows, r: number, sum: number, from: number, to: number): number {
    const { ids, weights } = rows;
    const dense = this.first;
    const start = rows.offsets[r] as number;
    let total = sum;
    for (let k = start + from, end = Math.min(start + to, rows.offsets[r + 1] as number); k < end; k++) {
      total += (dense[ids[k] as number] as number) * (weights[k] as number);
    }
    return total;
  }


}

/**
 * Adds `factor` (positive) times row `r` of `rows` into `sums`, listing newly touched slots in
 * `touched` and marking them in `marks`; returns the new count of touched slots. A function of
 * arrays rather than a method, so that the hot loop keeps them in registers.
 *
 * Whether a slot is new is unpredictable, and a branch on it cost a third of the loop's time: the
 * slot is written at the end of the list whatever it is, and the count steps over it by arithmetic
 * on its mark. Weights are positive, so a marked slot is exactly one whose sum is not 0.
 */
function accumulate(sums: Float64Array, marks: Uint8Array, touched: Int32Array, count: number, rows: Rows, r: number, factor: number): number {
  const { ids, weights } = rows;
  for (let k = rows.offsets[r] as number, end = rows.offsets[r + 1] as number; k < end; k++) {
    const slot = ids[k] as number;
    touched[count] = slot;
    count += 1 - (marks[slot] as number);
    marks[slot] = 1;
    sums[slot] = (sums[slot] as number) + factor * (weights[k] as number);
  }
  return count;
}

function scatter(dense: Float32Array, rows: Rows, r: number, on: boolean): void {
  const { ids, weights } = rows;
  for (let k = rows.offsets[r] as number, end = rows.offsets[r + 1] as number; k < end; k++) {
    dense[ids[k] as number] = on ? (weights[k] as number) : 0;
  }
}

function gather(dense: Float32Array, rows: Rows, r: number): number {
  const { ids, weights } = rows;
  let sum = 0;
  for (let k = rows.offsets[r] as number, end = rows.offsets[r + 1] as number; k < end; k++) {
    sum += (dense[ids[k] as number] as number) * (weights[k] as number);
  }
  return sum;
}

/**
 * The best `capacity` (slot, value) pairs offered, by value, ties to the smaller slot: a min-heap
 * with the worst kept pair on top, so selection costs O(n log k) instead of a full sort. Draining
 * empties it for reuse. Pairs are ordered totally, so what it keeps and drains does not depend on
 * the order of offers or on how the heap is laid out.
 */
class TopK {
  private readonly slots: Int32Array;
  private readonly values: Float64Array;
  private size = 0;

  constructor(readonly capacity: number) {
    this.slots = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  offer(slot: number, value: number): void {
    const { slots, values } = this;
    if (this.size < this.capacity) {
      this.siftUp(this.size++, slot, value);
    } else if (this.capacity > 0 && worse(values[0] as number, slots[0] as number, value, slot)) {
      this.siftDown(slot, value);
    }
  }

  /** The worst kept value once full, below which no offer can count; until then -Infinity. */
  get floor(): number {
    return this.size === this.capacity && this.capacity > 0 ? (this.values[0] as number) : -Infinity;
  }

  /** Writes the kept pairs best first into `slots` and `values` from `at`; returns how many. */
  drain(slots: Int32Array, values: Float32Array, at: number): number {
    const size = this.size;
    for (let k = size - 1; k >= 0; k--) {
      slots[at + k] = this.slots[0] as number;
      values[at + k] = this.values[0] as number;
      this.pop();
    }
    return size;
  }

  /** `drain` of the slots only. */
  drainSlots(slots: Int32Array): number {
    const size = this.size;
    for (let k = size - 1; k >= 0; k--) {
      slots[k] = this.slots[0] as number;
      this.pop();
    }
    return size;
  }

  /**
   * Removes the worst pair. Bottom-up (Floyd): the hole at the root goes down to a leaf by one
   * comparison a level, then the last pair rises from there, which is seldom far; half the
   * comparisons of sifting the last pair down from the root.
   */
  private pop(): void {
    const { slots, values } = this;
    const size = --this.size;
    if (size === 0) return;
    const slot = slots[size] as number;
    const value = values[size] as number;
    let k = 0;
    for (let child = 1; child < size; child = 2 * k + 1) {
      const right = child + 1;
      if (right < size && worse(values[right] as number, slots[right] as number, values[child] as number, slots[child] as number)) {
        child = right;
      }
      slots[k] = slots[child] as number;
      values[k] = values[child] as number;
      k = child;
    }
    this.siftUp(k, slot, value);
  }

  /** Puts (slot, value) in the hole at `k`, rising while it is worse than its parent. */
  private siftUp(hole: number, slot: number, value: number): void {
    const { slots, values } = this;
    let k = hole;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!worse(value, slot, values[parent] as number, slots[parent] as number)) break;
      slots[k] = slots[parent] as number;
      values[k] = values[parent] as number;
      k = parent;
    }
    slots[k] = slot;
    values[k] = value;
  }

  /** Puts (slot, value) at the root and sifts it down to its place. */
  private siftDown(slot: number, value: number): void {
    const { slots, values, size } = this;
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && worse(values[right] as number, slots[right] as number, values[child] as number, slots[child] as number)) {
        child = right;
      }
      if (!worse(values[child] as number, slots[child] as number, value, slot)) break;
      slots[k] = slots[child] as number;
      values[k] = values[child] as number;
      k = child;
    }
    slots[k] = slot;
    values[k] = value;
  }
}

/** Whether pair a ranks below pair b: a smaller value, or an equal value and a larger slot. */
function worse(aValue: number, aSlot: number, bValue: number, bSlot: number): boolean {
  return aValue < bValue || (aValue === bValue && aSlot > bSlot);
}

/** Builds fixed-width best-first lists, one row at a time, from a `TopK`. */
class ListsBuilder {
  readonly lists: Lists;

  constructor(rows: number, width: number) {
    this.lists = { width, counts: new Int32Array(rows), slots: new Int32Array(rows * width), values: new Float32Array(rows * width) };
  }

  fill(row: number, best: TopK): void {
    this.lists.counts[row] = best.drain(this.lists.slots, this.lists.values, row * this.lists.width);
  }
}

/**
 * A story's best few hits: by score, ties to the newer story, then to the smaller id (stories are
 * numbered in id order, so the smaller number).
 */
class Best {
  private readonly kept: Array<{ slot: number; value: number }> = [];

  constructor(
    private readonly capacity: number,
    private readonly dateRanks: Int32Array,
  ) {}

  offer(slot: number, value: number): void {
    const kept = this.kept;
    if (!this.admits(slot, value)) return;
    let k = kept.length;
    while (k > 0 && this.before(slot, value, kept[k - 1] as { slot: number; value: number })) k--;
    kept.splice(k, 0, { slot, value });
    if (kept.length > this.capacity) kept.pop();
  }

  /** Whether an offer of (slot, value) would be kept. */
  admits(slot: number, value: number): boolean {
    const kept = this.kept;
    return kept.length < this.capacity || this.before(slot, value, kept[kept.length - 1] as { slot: number; value: number });
  }

  sorted(): ReadonlyArray<{ slot: number; value: number }> {
    return this.kept;
  }

  /** Whether it holds as many hits as it keeps: then an offer must beat `floor` to count. */
  get full(): boolean {
    return this.kept.length === this.capacity;
  }

  /** The worst kept score; only while `full`. */
  get floor(): number {
    return (this.kept[this.kept.length - 1] as { slot: number; value: number }).value;
  }

  private before(slot: number, value: number, other: { slot: number; value: number }): boolean {
    if (value !== other.value) return value > other.value;
    const newer = (this.dateRanks[slot] as number) - (this.dateRanks[other.slot] as number);
    return newer !== 0 ? newer > 0 : slot < other.slot;
  }
}

/** Tag keys per tag spelling, and per story its keys and their set, computed once per run. */
class TagKeys {
  private readonly keys = new Map<string, string>();
  private readonly lists: Array<string[] | undefined> = [];
  private readonly sets: Array<Set<string> | undefined> = [];

  constructor(private readonly docs: readonly RelatedDoc[]) {}

  /** Tags stories `i` and `j` share, as `i` spells them, in its order, each key once. */
  shared(i: number, j: number): string[] {
    const theirs = this.set(j);
    const source = this.docs[i] as RelatedDoc;
    const keys = this.list(i);
    const shared: string[] = [];
    const seen = new Set<string>();
    source.tags.forEach((tag, t) => {
      const key = keys[t] as string;
      if (key === "" || seen.has(key)) return;
      seen.add(key);
      if (theirs.has(key)) shared.push(tag);
    });
    return shared;
  }

  private list(d: number): string[] {
    let list = this.lists[d];
    if (list === undefined) {
      list = (this.docs[d] as RelatedDoc).tags.map((tag) => this.key(tag));
      this.lists[d] = list;
    }
    return list;
  }

  private set(d: number): Set<string> {
    let set = this.sets[d];
    if (set === undefined) {
      set = new Set(this.list(d));
      this.sets[d] = set;
    }
    return set;
  }

  private key(tag: string): string {
    let key = this.keys.get(tag);
    if (key === undefined) {
      key = tagKey(tag);
      this.keys.set(tag, key);
    }
    return key;
  }
}

/**
 * Same section and nearness in date reorder text matches; they never make a match alone. Days are
 * whole numbers, so the date boost of each distance in days is computed once, in a table.
 */
class ContextFactors {
  private readonly dateBoosts: Float64Array;

  constructor(
    private readonly archive: Archive,
    private readonly settings: RelatedSettings,
  ) {
    let first = Infinity;
    let last = -Infinity;
    for (const day of archive.days) {
      if (!Number.isFinite(day)) continue;
      first = Math.min(first, day);
      last = Math.max(last, day);
    }
    const span = last >= first ? Math.min(last - first, MAX_DATE_TABLE - 1) : -1;
    this.dateBoosts = new Float64Array(span + 1);
    for (let days = 0; days <= span; days++) this.dateBoosts[days] = dateBoost(days, settings);
  }

  factor(i: number, j: number): number {
    const { archive, settings } = this;
    const section = archive.sections[i] === archive.sections[j] ? settings.sectionBoost : 0;
    const days = Math.abs((archive.days[i] as number) - (archive.days[j] as number));
    const date = days < this.dateBoosts.length ? (this.dateBoosts[days] as number) : Number.isFinite(days) ? dateBoost(days, settings) : 0;
    return 1 + section + date;
  }
}

/** Longest table of `ContextFactors`, in days; farther dates compute their boost. */
const MAX_DATE_TABLE = 1 << 16;

function dateBoost(days: number, settings: RelatedSettings): number {
  return settings.dateBoost * Math.exp(-days / settings.dateScaleDays);
}

/** Code-unit order, independent of the machine's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Scores are rounded so that printed output does not show floating-point noise. */
function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
