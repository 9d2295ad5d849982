// Computed "related stories": for each story, the archive stories most like it by text (headline
// weighted up), shared entity tags, section and nearness in date. Inverted indexes over each
// story's heaviest terms, whose postings keep only weights above a floor set from the sample (about
// `maxPostings` a term), keep it linear in the archive size: no all-pairs pass.
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
// Rebuilds recompute only what a change can move (`relate`, from the last computation's state):
// the statistics (BM25's document frequencies and mean length, the postings' floors, the latent
// basis) come from a sample that one story outside it cannot move, every per-story quantity is a
// function of the story and the statistics, every pairwise one a function of the pair computed
// by one routine in one order, and tie-breaks go by id and term text. The answer is the one a
// computation from nothing gives, bit for bit (tests/related-incremental.test.ts). The state keeps
// each story's BM25 vector with the terms only it has, so that only new and changed stories are
// counted and weighed again.
//
// Vectors live in compressed rows of typed arrays, numbered by term, and one reusable workspace
// serves every story: at 100,000 stories, allocating per story or per term would dominate.
import { createHash } from "node:crypto";
import { normaliseHeadline } from "../record/identity.ts";
import { contains, trigrams } from "./dedupe.ts";
import { tagKey } from "./entities.ts";
import { latentBasis, latentCosine, project, type LatentBasis, type LatentVectors } from "./latent.ts";
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
  /** A digest of `body`, when the caller has one (the body store's key): compared instead of the body to tell a changed story. */
  key?: string;
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
  /** The state the last computation returned (`relate`): only what changed since is computed again. */
  previous?: RelatedState | null;
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
  /**
   * Postings kept per term (heaviest first), so one common term cannot flood a query: about this
   * many, by a floor on the weight taken from the sample (`sampleStatistics`).
   */
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
   * (60 such stories each), so the check on stories kept aside needs the margin. That gave 1.75
   * (0.971 and 0.75 links, 78% of half A's stories showing three or more), and gives it still with
   * terms ordered by their text (0.971 and 0.78 links, 78%); but then a pop-band story alone among
   * politics and business stories (tests/related.test.ts) shows three business stories, at
   * 1.751-1.768, where it scored 1.747 before: 1.80 shows none. At 1.80 half A shows 0.975 and 0.62
   * links, 73%; half B 0.989, 0.33 links, 69%; the whole corpus 0.979, 0.58 links, 79% (at 1.75:
   * 0.977, 0.80 links, 82%). Most links off-topic stories still show are business stories linked
   * to politics or technology stories on the economy or mobile phones, which a reader may well
   * call related.
   */
  minScore: 1.8,
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
   * Least coverage a story is given, so that from a similarity of `minScore - leastCoverage` (1.05)
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
  /**
   * Most stories in the sample that BM25's statistics, the postings' floors and the latent basis
   * come from (`sampleRate`); up to it, the sample is the whole archive. On topics-dev (1,114
   * stories) a sample of 512 (a rate of 1/4) gave precision@5 0.953 and 256 (1/8) 0.949, against
   * 0.956 for the whole; 2,048 keeps archives up to that size exact, and at 10,000 stories a full
   * computation is one new story in eight.
   */
  sampleSize: 2048,
});

export type RelatedSettings = { [Name in keyof typeof RELATED_SETTINGS]: number };

/** Prefix that keeps tag features apart from word terms in one vocabulary. */
const TAG_PREFIX = "#";

const DAY_MS = 86_400_000;

/** Fixed-width lists of the best slots per row, best first; `counts[r]` are filled. */
interface Lists<Values extends Float32Array | Float64Array = Float32Array> {
  width: number;
  counts: Int32Array;
  slots: Int32Array;
  values: Values;
}

/**
 * What one computation leaves for the next (`relate`), so that it recomputes only what a change of
 * stories can move. Stories are numbered by id order, terms by string order (`terms`); every list
 * is as the computation made it, so a state recomputed in part equals one made from nothing.
 */
export interface RelatedState {
  /** The settings and limit it was made with: another makes it unusable. */
  key: string;
  /** Digest of the sample's rate, stories and their contents: the statistics are a function of it. */
  sampleKey: string;
  ids: string[];
  /** Per story, a digest of what scoring reads of it (`contentDigest`). */
  digests: string[];
  /** Per story, the ids it excludes, as `excludeKey` gives them. */
  excludes: string[];
  /** Terms two stories or more have, in code-unit order: the numbers of the rows below. */
  terms: string[];
  /** Per term, the stories that have it, and those of the sample that have it (its idf comes from these). */
  df: Int32Array;
  sampleDf: Int32Array;
  /** Per term, the least signature weight a story needs to be in its postings (`sampleStatistics`). */
  floors: Float32Array;
  /** The mean length of the sample's stories, which BM25 normalises lengths by. */
  averageLength: number;
  /**
   * Per story its BM25 vector (`weigh`): the shared terms, scaled so that all its terms (lone ones
   * too) have length 1. Kept, with the lone terms, so that only new and changed stories are counted
   * and weighed again.
   */
  vectors: Rows;
  /** Per story its `signatureSize` heaviest terms, heaviest first. */
  signatures: Rows;
  /** Per story the terms only it has, which enter its vector when another story comes to have them. */
  lone: LoneTerms;
  /** First pass: per story the `candidates` best by signature, with those scores. */
  candidates: Lists<Float64Array>;
  /** Per story its `neighbours` nearest among its candidates, by cosine. */
  neighbours: Lists;
  /** Per story its vector expanded with its neighbours' (`expandAll`). */
  expanded: Rows;
  latent: LatentVectors;
  /** The latent basis made from the sample, a row per term of `basisTerms`. */
  basis: LatentBasis;
  basisTerms: Int32Array;
  /** Per story its best hits (slot and similarity, before its coverage is added and the cut made), no copies, none excluded. */
  kept: Lists<Float64Array>;
}

/**
 * Per story (row), the terms of its BM25 vector that no other story has: they count in the vector's
 * length only. Each has its weight in the vector and its place among all the story's terms, in the
 * order the story first has them, which is the place it takes in the vector once it is shared.
 */
export interface LoneTerms {
  offsets: Int32Array;
  terms: string[];
  weights: Float32Array;
  places: Int32Array;
}

/** The last computation's state in, this one's out: how a caller that keeps the state hands it over. */
export interface RelatedCarry {
  previous: RelatedState | null;
  next: RelatedState | null;
}

/** `computeRelated`'s answer with the state for the next computation, and what was computed again. */
export interface Related {
  related: Map<string, RelatedHit[]>;
  state: RelatedState;
  /** Whether everything was computed (no usable previous state, or the sample's statistics moved). */
  full: boolean;
  /** Stories whose candidates were searched for in full, whose vectors were expanded again, and that were ranked again. */
  searched: number;
  expanded: number;
  ranked: number;
}

/**
 * For each story, its computed related stories, best first; ties go to the newer story, then to
 * the smaller id. Only hits scoring at least `minScore` are returned, so a list may be short or
 * empty; with a lower `minScore` the list is the same, extended. The result does not depend on the
 * order of `docs`.
 */
export function computeRelated(docs: readonly RelatedDoc[], options: RelatedOptions = {}): Map<string, RelatedHit[]> {
  return relate(docs, options).related;
}

/**
 * `computeRelated`, with the state for the next computation. Given the state of the last one
 * (`options.previous`), it recomputes only what the stories added, changed and removed since can
 * move, and returns exactly what a computation from nothing returns, state included: the
 * statistics come from a sample that a story outside it cannot move (`sampleRate`), every
 * per-story quantity is a function of the story and the statistics, and every pairwise one a
 * function of the pair, computed by one routine in one order.
 */
export function relate(docs: readonly RelatedDoc[], options: RelatedOptions = {}): Related {
  const settings = forArchiveOf(docs.length, { ...RELATED_SETTINGS, ...options.settings });
  const limit = Math.max(0, options.limit ?? 5);
  const sorted = [...docs].sort((a, b) => compareStrings(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) {
      throw new Error(`computeRelated: two stories share the id "${sorted[i]?.id}"; ids must be unique.`);
    }
  }
  const n = sorted.length;
  const digests = sorted.map(contentDigest);
  const excludes = sorted.map((doc) => excludeKey(options.exclude?.get(doc.id)));
  const rate = sampleRate(n, settings.sampleSize);
  const sample = sampleOf(sorted, rate);
  const key = JSON.stringify({ settings, limit });
  const sampleKey = digest(JSON.stringify([rate, Array.from(sample, (s) => [sorted[s]?.id, digests[s]])]));
  const previous = options.previous?.key === key && options.previous.sampleKey === sampleKey ? options.previous : null;

  const tagKeys = new TagKeys(sorted);
  // Every story counted and weighed, or, from the previous state, only the new and changed ones.
  let weighed: Weighed;
  let plan: Plan;
  let statistics: Statistics | null = null;
  if (previous === null) {
    ({ weighed, statistics } = weighAll(sorted, sample, rate, settings, tagKeys));
    plan = Plan.everything(n);
  } else {
    const matched = matchStories(previous, sorted, digests, excludes);
    const changes = weighChanges(previous, sorted, matched, sample, settings, tagKeys);
    weighed = changes.weighed;
    plan = Plan.changes(matched, changes.vector, changes.termMap);
  }
  const archive = prepare(sorted, weighed);
  const termCount = weighed.terms.length;
  const work = new Workspace(Math.max(n, termCount), termCount);

  const candidates = findCandidates(archive.signatures, weighed.floors, settings.candidates, work, plan, previous);
  const neighbours = findNeighbours(archive.vectors, candidates, settings.neighbours, work, plan, previous);
  const expanded = expandAll(archive.vectors, neighbours, settings, work, plan, previous);
  const basis =
    previous === null
      ? sampleBasis(statistics as Statistics, expanded.rows, settings, work, termCount)
      : { basis: previous.basis, terms: plan.remapTerms(previous.basisTerms), own: null };
  // With the whole archive in the sample, any change of a story computes everything again, so the
  // stories' own rows serve; otherwise every story's vector is projected on the sample's basis.
  const latent = basis.own ?? projectAll(basis.basis, basis.terms, termCount, expanded, plan, previous);
  const wanted = Int32Array.from(sorted, (doc) => Math.max(0, limit - (options.exclude?.get(doc.id)?.size ?? 0)));
  const ranked = rank(archive, neighbours, expanded, latent, settings, work, wanted, options.exclude, plan, previous);

  // Of each story's best, the ones it wants whose score (similarity plus its coverage) reaches `minScore`.
  const related = new Map<string, RelatedHit[]>();
  const coverageSize = Math.max(0, Math.floor(settings.coverageSize));
  const { width, counts, slots, values } = ranked.lists;
  sorted.forEach((doc, i) => {
    const first = i * width;
    const count = counts[i] as number;
    let coverage = 0;
    for (let k = first; k < first + Math.min(coverageSize, count); k++) coverage += values[k] as number;
    const shift = settings.coverageWeight * Math.max(coverageSize > 0 ? coverage / coverageSize : 0, settings.leastCoverage);
    const hits: RelatedHit[] = [];
    for (let k = first; k < first + Math.min(wanted[i] as number, count); k++) {
      const score = round((values[k] as number) + shift);
      if (score < settings.minScore) break;
      const j = slots[k] as number;
      hits.push({ id: (sorted[j] as RelatedDoc).id, score, sharedTags: tagKeys.shared(i, j) });
    }
    related.set(doc.id, hits);
  });
  const state: RelatedState = {
    key,
    sampleKey,
    ids: sorted.map((doc) => doc.id),
    digests,
    excludes,
    ...weighed,
    candidates: candidates.lists,
    neighbours: neighbours.lists,
    expanded: expanded.rows,
    latent,
    basis: basis.basis,
    basisTerms: basis.terms,
    kept: ranked.lists,
  };
  return { related, state, full: previous === null, searched: candidates.searched, expanded: expanded.made, ranked: ranked.made };
}

/**
 * Share of the archive in the sample its statistics come from: 1 up to `sampleSize` stories, then
 * halved each time the archive doubles, so that the sample holds `sampleSize` / 2 to `sampleSize`
 * stories (expected). A story is in it when the first 32 bits of its id's SHA-1 are below the rate:
 * a sample at one rate holds the one at half that rate.
 *
 * The statistics move only when a story of the sample is added, changed or removed, or when the
 * archive crosses a power of two times `sampleSize`: then everything is computed again. A new story
 * is in the sample with probability `rate`: every new story while the archive has at most
 * `sampleSize` stories, then more than half of `sampleSize` / size and at most that, e.g. 1 in 8
 * at 10,000 stories and 1 in 64 at 100,000 (`sampleSize` 2,048).
 */
export function sampleRate(stories: number, sampleSize: number): number {
  let rate = 1;
  while (stories * rate > sampleSize && rate > 2 ** -32) rate /= 2;
  return rate;
}

/** Whether the story `id` is in the sample at `rate`. */
export function inSample(id: string, rate: number): boolean {
  return rate >= 1 || createHash("sha1").update(id).digest().readUInt32BE(0) < rate * 2 ** 32;
}

/** The slots of the stories in the sample at `rate`, in order. */
function sampleOf(docs: readonly RelatedDoc[], rate: number): Int32Array {
  const slots: number[] = [];
  docs.forEach((doc, d) => {
    if (inSample(doc.id, rate)) slots.push(d);
  });
  return Int32Array.from(slots);
}

function digest(text: string): string {
  return createHash("sha1").update(text).digest("base64");
}

/** A digest of what scoring reads of a story: headline, body (or its key), section, tags and date. */
function contentDigest(doc: RelatedDoc): string {
  return digest(JSON.stringify([doc.title, doc.key ?? null, doc.key === undefined ? doc.body : null, doc.section, doc.tags, doc.date]));
}

function excludeKey(ids: ReadonlySet<string> | undefined): string {
  return ids === undefined || ids.size === 0 ? "" : JSON.stringify([...ids].sort(compareStrings));
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

/** Every story's terms counted, by the ids of one vocabulary (in reading order), and each term's document frequency. */
interface Counted {
  vocabulary: Vocabulary;
  rows: { offsets: Int32Array; ids: Int32Array; counts: Float64Array };
  lengths: Float64Array;
  df: Int32Array;
}

/** Counts each story's terms over headline, body and tags, with their weights. */
function count(docs: readonly RelatedDoc[], settings: RelatedSettings, tagKeys: TagKeys): Counted {
  const n = docs.length;
  const vocabulary = new Vocabulary();
  const tagIds = new Map<string, number>();
  const tagId = (tag: string): number => {
    let id = tagIds.get(tag);
    if (id === undefined) {
      const key = tagKeys.key(tag);
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

  return { vocabulary, rows: { offsets: rowOffsets, ids: rowIds, counts: rowCounts }, lengths, df };
}

/**
 * The terms two stories or more have, numbered in code-unit order of their text: a term only one
 * story has cannot link it to another (it only counts in the story's length). Tie-breaks between
 * terms go by these numbers, so they do not depend on the order stories were read in.
 */
interface Terms {
  names: string[];
  /** Per vocabulary id, the term's number, or -1. */
  number: Int32Array;
}

function canonicalTerms(counted: Counted): Terms {
  const { vocabulary, df } = counted;
  const kept: number[] = [];
  for (let id = 0; id < vocabulary.size; id++) if ((df[id] as number) >= 2) kept.push(id);
  kept.sort((a, b) => compareStrings(vocabulary.term(a), vocabulary.term(b)));
  const number = new Int32Array(vocabulary.size).fill(-1);
  kept.forEach((id, t) => (number[id] = t));
  return { names: kept.map((id) => vocabulary.term(id)), number };
}

/**
 * What BM25 weighs terms and caps postings with, from the stories of the sample alone (see
 * `sampleRate`): inverse document frequencies, the mean length, and per term the least signature
 * weight a story needs to be in its postings.
 */
interface Statistics {
  rate: number;
  sample: Int32Array;
  /** Per vocabulary id, the stories of the sample that have it, and its inverse document frequency. */
  df: Int32Array;
  idf: Float64Array;
  averageLength: number;
  floors: Float32Array;
  /** The sample's own vectors and signatures (terms the sample has twice or more), by sample position. */
  vectors: Rows;
  signatures: Rows;
}

function sampleStatistics(counted: Counted, terms: Terms, sample: Int32Array, rate: number, settings: RelatedSettings): Statistics {
  const { rows, lengths, vocabulary } = counted;
  const df = new Int32Array(vocabulary.size);
  let total = 0;
  for (const d of sample) {
    total += lengths[d] as number;
    for (let k = rows.offsets[d] as number; k < (rows.offsets[d + 1] as number); k++) df[rows.ids[k] as number] = (df[rows.ids[k] as number] as number) + 1;
  }
  const size = sample.length;
  const averageLength = Math.max(1, total / Math.max(1, size));
  const idf = Float64Array.from(df, (f) => inverseFrequency(f, size));
  const number = terms.number.map((t, id) => ((df[id] as number) >= 2 ? t : -1));
  const { vectors, signatures } = weigh(counted, sample, idf, averageLength, number, settings);
  // At rate r, a term's postings in the archive are about 1/r times its postings in the sample.
  const floors = postingFloors(signatures, terms.names.length, Math.ceil(settings.maxPostings * rate));
  return { rate, sample, df, idf, averageLength, floors, vectors, signatures };
}

/** BM25's inverse document frequency of a term `f` stories of a sample of `size` have. */
function inverseFrequency(f: number, size: number): number {
  return Math.log(1 + (size - f + 0.5) / (f + 0.5));
}

/** Per term, the weight of its `rank`th heaviest posting in `signatures`, or 0 when it has fewer. */
function postingFloors(signatures: Rows, terms: number, rank: number): Float32Array {
  const postings = transpose(signatures, terms);
  const floors = new Float32Array(terms);
  for (let t = 0; t < terms; t++) {
    const from = postings.offsets[t] as number;
    const to = postings.offsets[t + 1] as number;
    if (to - from < rank) continue;
    floors[t] = postings.weights.slice(from, to).sort().reverse()[rank - 1] as number;
  }
  return floors;
}

/** The stories, sorted by id, with their vectors (`weigh`), and what scoring needs of each beside. */
interface Archive {
  docs: RelatedDoc[];
  vectors: Rows;
  signatures: Rows;
  days: Float64Array;
  /** Rank of each story's date string, so that comparing dates is comparing numbers. */
  dateRanks: Int32Array;
  sections: Int32Array;
}

function prepare(docs: RelatedDoc[], { vectors, signatures }: Weighed): Archive {
  const dates = [...new Set(docs.map((doc) => doc.date))].sort(compareStrings);
  const dateRank = new Map(dates.map((date, r) => [date, r]));
  const sectionNames = new Map<string, number>();
  return {
    docs,
    vectors,
    signatures,
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

/** `weigh`'s rows; the lone terms by vocabulary id, with their places (`LoneTerms`). */
interface Weights {
  vectors: Rows;
  signatures: Rows;
  lone: Rows & { places: Int32Array };
}

/**
 * BM25 vectors of the stories `of` (a row each, in that order) and their signatures, keeping the
 * terms `number` numbers; the others (-1) are left out, but counted in the vector's length, and
 * listed as its lone terms. A row keeps the order in which its story first has each term: a
 * function of the story alone. So is each weight: the vector's length is over all its terms,
 * whichever are kept.
 */
function weigh(counted: Counted, of: Int32Array, idf: Float64Array, averageLength: number, number: Int32Array, settings: RelatedSettings): Weights {
  const { rows, lengths } = counted;
  const n = of.length;
  let kept = 0;
  let all = 0;
  for (const d of of) {
    for (let k = rows.offsets[d] as number; k < (rows.offsets[d + 1] as number); k++) if ((number[rows.ids[k] as number] as number) >= 0) kept++;
    all += (rows.offsets[d + 1] as number) - (rows.offsets[d] as number);
  }
  const vectors: Rows = { offsets: new Int32Array(n + 1), ids: new Int32Array(kept), weights: new Float32Array(kept) };
  const lone = { offsets: new Int32Array(n + 1), ids: new Int32Array(all - kept), weights: new Float32Array(all - kept), places: new Int32Array(all - kept) };
  const top = new TopK(settings.signatureSize);
  const signatures: Rows = {
    offsets: new Int32Array(n + 1),
    ids: new Int32Array(n * settings.signatureSize),
    weights: new Float32Array(n * settings.signatureSize),
  };
  let out = 0;
  let alone = 0;
  of.forEach((d, r) => {
    const lengthNorm = 1 - settings.b + (settings.b * (lengths[d] as number)) / averageLength;
    let norm = 0;
    const first = out;
    const firstAlone = alone;
    for (let k = rows.offsets[d] as number; k < (rows.offsets[d + 1] as number); k++) {
      const id = rows.ids[k] as number;
      const c = rows.counts[k] as number;
      const weight = ((c * (settings.k1 + 1)) / (c + settings.k1 * lengthNorm)) * (idf[id] as number);
      norm += weight * weight;
      const t = number[id] as number;
      if (t >= 0) {
        vectors.ids[out] = t;
        vectors.weights[out++] = weight;
      } else {
        lone.ids[alone] = id;
        lone.weights[alone] = weight;
        lone.places[alone++] = k - (rows.offsets[d] as number);
      }
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = first; k < out; k++) {
      vectors.weights[k] = (vectors.weights[k] as number) * scale;
      top.offer(vectors.ids[k] as number, vectors.weights[k] as number);
    }
    for (let k = firstAlone; k < alone; k++) lone.weights[k] = (lone.weights[k] as number) * scale;
    vectors.offsets[r + 1] = out;
    lone.offsets[r + 1] = alone;
    const size = top.drain(signatures.ids, signatures.weights, signatures.offsets[r] as number);
    signatures.offsets[r + 1] = (signatures.offsets[r] as number) + size;
  });
  return { vectors, signatures, lone };
}

/** Every story's vector and signature, with what weighing stories again needs: the state's fields of those names. */
type Weighed = Pick<RelatedState, "terms" | "df" | "sampleDf" | "floors" | "averageLength" | "vectors" | "signatures" | "lone">;

/** Every story counted and weighed, with the sample's statistics. */
function weighAll(docs: readonly RelatedDoc[], sample: Int32Array, rate: number, settings: RelatedSettings, tagKeys: TagKeys): { weighed: Weighed; statistics: Statistics } {
  const counted = count(docs, settings, tagKeys);
  const terms = canonicalTerms(counted);
  const statistics = sampleStatistics(counted, terms, sample, rate, settings);
  const { vectors, signatures, lone } = weigh(counted, Int32Array.from(docs.keys()), statistics.idf, statistics.averageLength, terms.number, settings);
  const df = new Int32Array(terms.names.length);
  const sampleDf = new Int32Array(terms.names.length);
  terms.number.forEach((t, id) => {
    if (t < 0) return;
    df[t] = counted.df[id] as number;
    sampleDf[t] = statistics.df[id] as number;
  });
  const { vocabulary } = counted;
  const weighed: Weighed = {
    terms: terms.names,
    df,
    sampleDf,
    floors: statistics.floors,
    averageLength: statistics.averageLength,
    vectors,
    signatures,
    lone: { offsets: lone.offsets, terms: Array.from(lone.ids, (id) => vocabulary.term(id)), weights: lone.weights, places: lone.places },
  };
  return { weighed, statistics };
}

/**
 * `weighAll` from the previous state, counting and weighing only the stories new or changed since:
 * the sample is the one the previous state was made from (`relate` checks), so every statistic is
 * too, and no story of it is new or changed. Terms that join or leave the shared ones move the
 * others' numbers: the stories kept are renumbered (`termMap`), and one that has such a term is
 * split again from its vector and lone terms, which hold all its terms with their weights, in
 * order (`assemble`). Returns, per story, whether its vector may differ (`Plan.vector`).
 */
function weighChanges(
  previous: RelatedState,
  docs: readonly RelatedDoc[],
  matched: Matched,
  sample: Int32Array,
  settings: RelatedSettings,
  tagKeys: TagKeys,
): { weighed: Weighed; vector: Uint8Array; termMap: Int32Array } {
  const n = docs.length;
  const { newSlot, content } = matched;
  const { vectors: before, lone: aloneBefore } = previous;
  const fresh: number[] = [];
  content.forEach((changed, i) => {
    if (changed === 1) fresh.push(i);
  });
  const counted = count(
    fresh.map((i) => docs[i] as RelatedDoc),
    settings,
    tagKeys,
  );
  const { vocabulary } = counted;
  // Stories of the previous state removed or changed: their terms no longer count.
  const gone = Uint8Array.from(newSlot, (now) => (now < 0 || content[now] === 1 ? 1 : 0));
  const df = previous.df.slice();
  for (let o = 0; o < gone.length; o++) {
    if (gone[o] === 0) continue;
    for (let k = before.offsets[o] as number; k < (before.offsets[o + 1] as number); k++) df[before.ids[k] as number] = (df[before.ids[k] as number] as number) - 1;
  }
  // Each counted term's previous number, or -1; and for one that was not shared, the previous slot
  // of the story kept that had it alone, or -1.
  const was = new Int32Array(vocabulary.size);
  const unshared = new Map<string, number>();
  for (let v = 0; v < vocabulary.size; v++) {
    const term = vocabulary.term(v);
    const t = findSorted(previous.terms, term);
    was[v] = t;
    if (t >= 0) df[t] = (df[t] as number) + (counted.df[v] as number);
    else unshared.set(term, v);
  }
  const owner = new Int32Array(vocabulary.size).fill(-1);
  if (unshared.size > 0) {
    for (let o = 0; o < gone.length; o++) {
      if (gone[o] === 1) continue;
      for (let k = aloneBefore.offsets[o] as number; k < (aloneBefore.offsets[o + 1] as number); k++) {
        const v = unshared.get(aloneBefore.terms[k] as string);
        if (v !== undefined) owner[v] = o;
      }
    }
  }
  const sampled = new Uint8Array(n);
  for (const s of sample) sampled[s] = 1;
  const ownerDf = (v: number): number => (counted.df[v] as number) + ((owner[v] as number) >= 0 ? 1 : 0);
  // Counted stories are not in the sample: a term not shared before is in it only as the lone term of a story kept.
  const sampleDfOf = (v: number): number => {
    const t = was[v] as number;
    if (t >= 0) return previous.sampleDf[t] as number;
    const o = owner[v] as number;
    return o >= 0 && sampled[newSlot[o] as number] === 1 ? 1 : 0;
  };

  // The terms shared now, in order: the previous ones two stories still have, and the counted ones a second story now has.
  const joining = [...unshared.values()].filter((v) => ownerDf(v) >= 2).sort((a, b) => compareStrings(vocabulary.term(a), vocabulary.term(b)));
  const termMap = new Int32Array(previous.terms.length).fill(-1);
  const joined = new Int32Array(vocabulary.size).fill(-1);
  const terms: string[] = [];
  const size = previous.terms.length + joining.length;
  const termDf = new Int32Array(size);
  const sampleDf = new Int32Array(size);
  const floors = new Float32Array(size);
  for (let t = 0, j = 0; t < previous.terms.length || j < joining.length; ) {
    if (t < previous.terms.length && (df[t] as number) < 2) {
      t++;
      continue;
    }
    const v = joining[j];
    const at = terms.length;
    if (v === undefined || (t < previous.terms.length && compareStrings(previous.terms[t] as string, vocabulary.term(v)) < 0)) {
      termMap[t] = at;
      terms.push(previous.terms[t] as string);
      termDf[at] = df[t] as number;
      sampleDf[at] = previous.sampleDf[t] as number;
      floors[at] = previous.floors[t] as number;
      t++;
    } else {
      // At most one story of the sample has it, so it has no postings there, and no floor.
      joined[v] = at;
      terms.push(vocabulary.term(v));
      termDf[at] = ownerDf(v);
      sampleDf[at] = sampleDfOf(v);
      j++;
    }
  }
  const number = Int32Array.from(was, (t, v) => (t >= 0 ? (termMap[t] as number) : (joined[v] as number)));
  const idf = Float64Array.from(was, (_, v) => inverseFrequency(sampleDfOf(v), sample.length));
  const counts = weigh(counted, Int32Array.from(fresh.keys()), idf, previous.averageLength, number, settings);

  // A story kept whose lone term another has now, or that alone has a term two had, is split again.
  const vector = content.slice();
  for (const v of joining) if ((owner[v] as number) >= 0) vector[newSlot[owner[v] as number] as number] = 1;
  const left = Uint8Array.from(termMap, (now, t) => (now < 0 && (df[t] as number) > 0 ? 1 : 0));
  const leaving = left.reduce((sum, l) => sum + l, 0);
  for (let o = 0; o < gone.length && leaving > 0; o++) {
    if (gone[o] === 1) continue;
    for (let k = before.offsets[o] as number; k < (before.offsets[o + 1] as number); k++) {
      if (left[before.ids[k] as number] === 1) {
        vector[newSlot[o] as number] = 1;
        break;
      }
    }
  }

  const loneCounted: LoneTerms = {
    offsets: counts.lone.offsets,
    terms: Array.from(counts.lone.ids, (v) => vocabulary.term(v)),
    weights: counts.lone.weights,
    places: counts.lone.places,
  };
  // A lone term of a story kept is one of the counted terms if it joined the shared ones.
  const joinedAs = (term: string): number => {
    const v = unshared.get(term);
    return v === undefined ? -1 : (joined[v] as number);
  };
  // When no term joined or left, numbers are as before: rows are copied as they are.
  const renumber = terms.length !== previous.terms.length || joining.length > 0 ? termMap : null;
  const rows = assemble(previous, matched, vector, { ...counts, lone: loneCounted }, termMap, renumber, joinedAs, joining.length + leaving, settings.signatureSize);
  const weighed: Weighed = {
    terms,
    df: termDf.slice(0, terms.length),
    sampleDf: sampleDf.slice(0, terms.length),
    floors: floors.slice(0, terms.length),
    averageLength: previous.averageLength,
    ...rows,
  };
  return { weighed, vector, termMap };
}

/**
 * The rows of the state now (`weighChanges`): a story counted again as `counted` has it, one kept
 * as before, renumbered by `renumber` (null: numbers are as they were), and one whose vector may
 * differ (`vector`) split again from its vector and lone terms, each shared term taking its new
 * number, `termMap`'s or, for a lone one, `joinedAs`'s (-1: still lone). `moving` bounds the terms
 * that change sides.
 */
function assemble(
  previous: RelatedState,
  { oldSlot, content }: Matched,
  vector: Uint8Array,
  counted: { vectors: Rows; signatures: Rows; lone: LoneTerms },
  termMap: Int32Array,
  renumber: Int32Array | null,
  joinedAs: (term: string) => number,
  moving: number,
  width: number,
): Pick<Weighed, "vectors" | "signatures" | "lone"> {
  const n = content.length;
  const { vectors: before, signatures: signedBefore, lone: aloneBefore } = previous;
  const top = new TopK(width);
  const vectorSize = before.ids.length + counted.vectors.ids.length + moving;
  const vectors: Rows = { offsets: new Int32Array(n + 1), ids: new Int32Array(vectorSize), weights: new Float32Array(vectorSize) };
  const signatures: Rows = { offsets: new Int32Array(n + 1), ids: new Int32Array(n * width), weights: new Float32Array(n * width) };
  const loneSize = aloneBefore.weights.length + counted.lone.weights.length + moving;
  const lone: LoneTerms = { offsets: new Int32Array(n + 1), terms: [], weights: new Float32Array(loneSize), places: new Int32Array(loneSize) };
  /** Rows `o` to `o + count` of `rows` as rows `i` on of `to`, from `at`, renumbered by `map`; returns the end. */
  const copy = (to: Rows, at: number, rows: Rows, o: number, count: number, map: Int32Array | null, i: number): number => {
    const from = rows.offsets[o] as number;
    const end = rows.offsets[o + count] as number;
    to.ids.set(rows.ids.subarray(from, end), at);
    to.weights.set(rows.weights.subarray(from, end), at);
    if (map !== null) for (let k = at; k < at + end - from; k++) to.ids[k] = map[to.ids[k] as number] as number;
    for (let k = 1; k <= count; k++) to.offsets[i + k] = at + (rows.offsets[o + k] as number) - from;
    return at + end - from;
  };
  const copyLone = (rows: LoneTerms, o: number, count: number, i: number): void => {
    const from = rows.offsets[o] as number;
    const end = rows.offsets[o + count] as number;
    const at = lone.terms.length;
    lone.weights.set(rows.weights.subarray(from, end), at);
    lone.places.set(rows.places.subarray(from, end), at);
    for (let k = from; k < end; k++) lone.terms.push(rows.terms[k] as string);
    for (let k = 1; k <= count; k++) lone.offsets[i + k] = at + (rows.offsets[o + k] as number) - from;
  };
  let out = 0;
  let signed = 0;
  for (let i = 0, r = 0; i < n; ) {
    const o = oldSlot[i] as number;
    if (content[i] === 1) {
      out = copy(vectors, out, counted.vectors, r, 1, null, i);
      signed = copy(signatures, signed, counted.signatures, r, 1, null, i);
      copyLone(counted.lone, r++, 1, i++);
    } else if (vector[i] === 0) {
      // Stories kept as they were, one after another in both: copied at once (at 100,000 stories,
      // 0.06-0.1 s; one at a time, 0.2-0.4 s).
      let count = 1;
      while (i + count < n && content[i + count] === 0 && vector[i + count] === 0 && oldSlot[i + count] === o + count) count++;
      out = copy(vectors, out, before, o, count, renumber, i);
      signed = copy(signatures, signed, signedBefore, o, count, renumber, i);
      copyLone(aloneBefore, o, count, i);
      i += count;
    } else {
      // All its terms in order: each lone one at its place, the shared ones in between.
      let s = before.offsets[o] as number;
      let l = aloneBefore.offsets[o] as number;
      const sEnd = before.offsets[o + 1] as number;
      const lEnd = aloneBefore.offsets[o + 1] as number;
      for (let place = 0; s < sEnd || l < lEnd; place++) {
        let t: number;
        let term: string;
        let weight: number;
        if (l < lEnd && aloneBefore.places[l] === place) {
          term = aloneBefore.terms[l] as string;
          weight = aloneBefore.weights[l++] as number;
          t = joinedAs(term);
        } else {
          const old = before.ids[s] as number;
          term = previous.terms[old] as string;
          weight = before.weights[s++] as number;
          t = termMap[old] as number;
        }
        if (t >= 0) {
          vectors.ids[out] = t;
          vectors.weights[out++] = weight;
          top.offer(t, weight);
        } else {
          lone.weights[lone.terms.length] = weight;
          lone.places[lone.terms.length] = place;
          lone.terms.push(term);
        }
      }
      signed += top.drain(signatures.ids, signatures.weights, signed);
      vectors.offsets[i + 1] = out;
      signatures.offsets[i + 1] = signed;
      lone.offsets[++i] = lone.terms.length;
    }
  }
  const end = vectors.offsets[n] as number;
  const alone = lone.terms.length;
  return {
    vectors: { offsets: vectors.offsets, ids: vectors.ids.subarray(0, end), weights: vectors.weights.subarray(0, end) },
    signatures,
    lone: { ...lone, weights: lone.weights.subarray(0, alone), places: lone.places.subarray(0, alone) },
  };
}

/** The position of `item` in `list`, sorted in code-unit order, or -1. */
function findSorted(list: readonly string[], item: string): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = compareStrings(list[middle] as string, item);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * What to compute again, per story: with no previous state everything; else what the stories
 * added, changed and removed since can move. Stories are numbered by id order in both, so a slot's
 * order among others is the same in both, and tie-breaks by slot agree.
 */
class Plan {
  private constructor(
    /** No previous state: every story is new. */
    readonly everything: boolean,
    /** Per story, its slot in the previous state, or -1 (new). */
    readonly oldSlot: Int32Array,
    /** Per previous slot, its slot now, or -1 (removed). */
    readonly newSlot: Int32Array,
    /** Stories new or whose content changed. */
    readonly content: Uint8Array,
    /** Stories whose vector may differ: `content`, and stories with a term that became or stopped being shared. */
    readonly vector: Uint8Array,
    /** Stories whose excluded ids changed. */
    readonly excluded: Uint8Array,
    /** Per previous term number, its number now, or -1. */
    private readonly termMap: Int32Array,
  ) {}

  static everything(n: number): Plan {
    const all = new Uint8Array(n).fill(1);
    return new Plan(true, new Int32Array(n).fill(-1), new Int32Array(0), all, all, all, new Int32Array(0));
  }

  static changes(matched: Matched, vector: Uint8Array, termMap: Int32Array): Plan {
    return new Plan(false, matched.oldSlot, matched.newSlot, matched.content, vector, matched.excluded, termMap);
  }

  /** Previous term numbers as numbers now (-1: no longer a term). */
  remapTerms(ids: Int32Array): Int32Array {
    return ids.map((t) => this.termMap[t] as number);
  }

  /** Per story of the previous state, 1 when it is gone or its vector may differ. */
  movedOld(): Uint8Array {
    return Uint8Array.from(this.newSlot, (now) => (now < 0 || this.vector[now] === 1 ? 1 : 0));
  }
}

/** How the stories stand to those of the previous state: `Plan`'s fields of those names. */
type Matched = Pick<Plan, "oldSlot" | "newSlot" | "content" | "excluded">;

function matchStories(previous: RelatedState, docs: readonly RelatedDoc[], digests: readonly string[], excludes: readonly string[]): Matched {
  const n = docs.length;
  const [oldSlot, newSlot] = matchSorted(
    docs.map((doc) => doc.id),
    previous.ids,
  );
  const content = new Uint8Array(n);
  const excluded = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const old = oldSlot[i] as number;
    content[i] = old < 0 || previous.digests[old] !== digests[i] ? 1 : 0;
    excluded[i] = old < 0 || previous.excludes[old] !== excludes[i] ? 1 : 0;
  }
  return { oldSlot, newSlot, content, excluded };
}

/**
 * For two lists sorted in code-unit order, the position of each element of `a` in `b` (-1 when
 * not there) and of each element of `b` in `a`.
 */
function matchSorted(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const inB = new Int32Array(a.length).fill(-1);
  const inA = new Int32Array(b.length).fill(-1);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const order = compareStrings(a[i] as string, b[j] as string);
    if (order === 0) {
      inB[i] = j;
      inA[j++] = i++;
    } else if (order < 0) i++;
    else j++;
  }
  return [inB, inA];
}

/** Lists and which rows differ from the previous state's (all, with none). */
interface Step<Values extends Float32Array | Float64Array> {
  lists: Lists<Values>;
  changed: Uint8Array;
}

/**
 * First pass, part one: each story's candidates, the stories its signature finds in the inverted
 * index of signatures, by the sum of the products of their weights over the terms they share. A
 * story of the previous state whose candidates are all unchanged keeps them, and takes in any
 * story whose vector changed that its signature now finds, with the score a search sums for it.
 */
function findCandidates(
  signatures: Rows,
  floors: Float32Array,
  width: number,
  work: Workspace,
  plan: Plan,
  previous: RelatedState | null,
): Step<Float64Array> & { searched: number } {
  const n = signatures.offsets.length - 1;
  const index = invert(signatures, floors);
  const built = new ListsBuilder<Float64Array>(n, width, Float64Array);
  const search = new Uint8Array(n);
  const moved = plan.movedOld();
  for (let i = 0; i < n; i++) {
    const old = plan.oldSlot[i] as number;
    if (previous === null || old < 0 || plan.vector[i] === 1) {
      search[i] = 1;
      continue;
    }
    const { slots, counts } = previous.candidates;
    for (let k = old * width, end = k + (counts[old] as number); k < end && search[i] === 0; k++) search[i] = moved[slots[k] as number] as number;
  }
  const offers = previous === null ? null : offersOfMoved(signatures, floors, search, plan, work);
  const best = new TopK(width);
  let searched = 0;
  for (let i = 0; i < n; i++) {
    if (search[i] === 1) {
      work.search(signatures, i, index, best);
      searched++;
    } else if (previous !== null) {
      const old = plan.oldSlot[i] as number;
      const mine = offers?.get(i);
      if (mine === undefined) {
        built.copy(i, previous.candidates, old, plan);
        continue;
      }
      for (let k = old * width, end = k + (previous.candidates.counts[old] as number); k < end; k++) {
        best.offer(plan.newSlot[previous.candidates.slots[k] as number] as number, previous.candidates.values[k] as number);
      }
      for (let k = 0; k < mine.length; k += 2) best.offer(mine[k] as number, mine[k + 1] as number);
    }
    built.fill(i, best);
  }
  return { lists: built.lists, changed: built.changedFrom(previous?.candidates ?? null, plan), searched };
}

/**
 * For each story not searched again, the stories whose vectors may have changed that its signature
 * finds, as (slot, score) pairs: the score summed over its signature in order, as the search sums it.
 */
function offersOfMoved(signatures: Rows, floors: Float32Array, search: Uint8Array, plan: Plan, work: Workspace): Map<number, number[]> {
  const n = signatures.offsets.length - 1;
  const holders = transpose(signatures, floors.length);
  const offers = new Map<number, number[]>();
  const seen = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    if (plan.vector[j] === 0) continue;
    // j's postings, loaded: its signature weights where it is in the term's postings.
    work.loadPosted(signatures, j, floors);
    for (let k = signatures.offsets[j] as number; k < (signatures.offsets[j + 1] as number); k++) {
      const t = signatures.ids[k] as number;
      if (!work.posted(t)) continue;
      for (let p = holders.offsets[t] as number; p < (holders.offsets[t + 1] as number); p++) {
        const i = holders.ids[p] as number;
        if (i === j || search[i] === 1 || seen[i] === j) continue;
        seen[i] = j;
        let mine = offers.get(i);
        if (mine === undefined) offers.set(i, (mine = []));
        mine.push(j, work.dot(signatures, i));
      }
    }
    work.unload(signatures, j);
  }
  return offers;
}

/**
 * First pass, part two: each story's nearest neighbours by cosine among its candidates. Kept from
 * the previous state when its vector, its candidates and theirs are unchanged.
 */
function findNeighbours(vectors: Rows, candidates: Step<Float64Array>, width: number, work: Workspace, plan: Plan, previous: RelatedState | null): Step<Float32Array> {
  const n = vectors.offsets.length - 1;
  const built = new ListsBuilder<Float32Array>(n, width, Float32Array);
  const best = new TopK(width);
  const { lists } = candidates;
  for (let i = 0; i < n; i++) {
    const old = plan.oldSlot[i] as number;
    const from = i * lists.width;
    const members = lists.slots.subarray(from, from + (lists.counts[i] as number));
    if (previous === null || old < 0 || plan.vector[i] === 1 || candidates.changed[i] === 1 || members.some((j) => plan.vector[j] === 1)) {
      work.load(vectors, i);
      for (const j of members) best.offer(j, work.dot(vectors, j));
      work.unload(vectors, i);
      built.fill(i, best);
    } else built.copy(i, previous.neighbours, old, plan);
  }
  return { lists: built.lists, changed: built.changedFrom(previous?.neighbours ?? null, plan) };
}

/**
 * Each story's vector plus its neighbours' (weighted by similarity), cut to its heaviest terms. Kept
 * from the previous state when its vector, its neighbours and theirs are unchanged.
 */
function expandAll(vectors: Rows, neighbours: Step<Float32Array>, settings: RelatedSettings, work: Workspace, plan: Plan, previous: RelatedState | null): { rows: Rows; changed: Uint8Array; made: number } {
  const n = vectors.offsets.length - 1;
  const width = settings.expandedSize;
  const expanded: Rows = { offsets: new Int32Array(n + 1), ids: new Int32Array(n * width), weights: new Float32Array(n * width) };
  const changed = new Uint8Array(n);
  const best = new TopK(width);
  const { lists } = neighbours;
  const remapped = previous === null ? null : plan.remapTerms(previous.expanded.ids);
  let made = 0;
  for (let i = 0; i < n; i++) {
    const old = plan.oldSlot[i] as number;
    const first = i * lists.width;
    const count = lists.counts[i] as number;
    const start = expanded.offsets[i] as number;
    const before = remapped === null || previous === null || old < 0 ? null : remapped.subarray(previous.expanded.offsets[old], previous.expanded.offsets[old + 1]);
    const stale = before === null || plan.vector[i] === 1 || neighbours.changed[i] === 1 || before.includes(-1) || lists.slots.subarray(first, first + count).some((j) => plan.vector[j] === 1);
    if (!stale && previous !== null) {
      expanded.ids.set(before, start);
      expanded.weights.set(previous.expanded.weights.subarray(previous.expanded.offsets[old], previous.expanded.offsets[old + 1]), start);
      expanded.offsets[i + 1] = start + before.length;
      continue;
    }
    made++;
    work.add(vectors, i, 1);
    let total = 0;
    for (let k = first; k < first + count; k++) total += lists.values[k] as number;
    for (let k = first; k < first + count; k++) {
      const factor = total > 0 ? (settings.expansionWeight * (lists.values[k] as number)) / total : 0;
      work.add(vectors, lists.slots[k] as number, factor);
    }
    work.take(best, -1);
    const size = best.drain(expanded.ids, expanded.weights, start);
    let norm = 0;
    for (let k = start; k < start + size; k++) norm += (expanded.weights[k] as number) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = start; k < start + size; k++) expanded.weights[k] = (expanded.weights[k] as number) * scale;
    expanded.offsets[i + 1] = start + size;
    changed[i] = before === null || !sameRow(expanded, i, before, previous?.expanded.weights.subarray(previous.expanded.offsets[old], previous.expanded.offsets[old + 1]) ?? new Float32Array(0)) ? 1 : 0;
  }
  const end = expanded.offsets[n] as number;
  return { rows: { offsets: expanded.offsets, ids: expanded.ids.subarray(0, end), weights: expanded.weights.subarray(0, end) }, changed, made };
}

function sameRow(rows: Rows, r: number, ids: Int32Array, weights: Float32Array): boolean {
  const start = rows.offsets[r] as number;
  const size = (rows.offsets[r + 1] as number) - start;
  if (size !== ids.length) return false;
  for (let k = 0; k < size; k++) if (rows.ids[start + k] !== ids[k] || rows.weights[start + k] !== weights[k]) return false;
  return true;
}

/**
 * The latent basis, made from the sample's expanded vectors: when the sample is the archive, its
 * own; otherwise the sample's, each expanded with neighbours from the sample, as if it were the
 * archive. Its terms are numbered anew in order, so that the random directions, by term number,
 * depend on the sample alone. Returns it with, per row, the term's number, and, when the sample
 * is the archive, every story's latent vector.
 */
function sampleBasis(statistics: Statistics, expanded: Rows, settings: RelatedSettings, work: Workspace, terms: number): { basis: LatentBasis; terms: Int32Array; own: LatentVectors | null } {
  let rows = expanded;
  if (statistics.rate < 1) {
    const size = statistics.sample.length;
    const plan = Plan.everything(size);
    const floors = postingFloors(statistics.signatures, terms, settings.maxPostings);
    const candidates = findCandidates(statistics.signatures, floors, settings.candidates, work, plan, null);
    const neighbours = findNeighbours(statistics.vectors, candidates, settings.neighbours, work, plan, null);
    rows = expandAll(statistics.vectors, neighbours, settings, work, plan, null).rows;
  }
  const end = rows.offsets[rows.offsets.length - 1] as number;
  const used = Int32Array.from(new Set(rows.ids.subarray(0, end))).sort();
  const local = new Int32Array(terms).fill(-1);
  used.forEach((t, l) => (local[t] = l));
  const compact: Rows = { offsets: rows.offsets, ids: rows.ids.subarray(0, end).map((t) => local[t] as number), weights: rows.weights.subarray(0, end) };
  const { basis, own } = latentBasis(compact, used.length, settings.latentRank);
  return { basis, terms: used, own: statistics.rate < 1 ? null : own };
}

/** Each story's latent vector: its expanded vector projected on the basis; kept when its expanded vector is unchanged. */
function projectAll(basis: LatentBasis, basisTerms: Int32Array, terms: number, expanded: { rows: Rows; changed: Uint8Array }, plan: Plan, previous: RelatedState | null): LatentVectors {
  const n = expanded.rows.offsets.length - 1;
  const { rank } = basis;
  const basisRow = new Int32Array(terms).fill(-1);
  basisTerms.forEach((t, r) => {
    if (t >= 0) basisRow[t] = r;
  });
  const values = new Float32Array(n * rank);
  for (let i = 0; i < n; i++) {
    const old = plan.oldSlot[i] as number;
    if (previous !== null && old >= 0 && expanded.changed[i] === 0) values.set(previous.latent.values.subarray(old * rank, (old + 1) * rank), i * rank);
    else project(basis, basisRow, expanded.rows, i, values, i * rank);
  }
  return { rank, values };
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
  neighbours: Step<Float32Array>,
  expanded: { rows: Rows; changed: Uint8Array },
  latent: LatentVectors,
  settings: RelatedSettings,
  work: Workspace,
  wanted: Int32Array,
  exclude: Map<string, Set<string>> | undefined,
  plan: Plan,
  previous: RelatedState | null,
): { lists: Lists<Float64Array>; made: number } {
  const { docs } = archive;
  const direct = neighbours.lists;
  const coverageSize = Math.max(0, Math.floor(settings.coverageSize));
  const built = new ListsBuilder<Float64Array>(docs.length, wanted.reduce((most, w) => Math.max(most, w), coverageSize), Float64Array);
  const lengths = new RowLengths(expanded.rows);
  const { directWeight, latentWeight } = settings;
  // Pruning compares bounds with scores computed in another order: a margin far above rounding
  // error keeps it from ever dropping a story that would have ranked.
  const slack = PRUNE_SLACK * (1 + Math.abs(directWeight) + Math.abs(latentWeight));
  const context = new ContextFactors(archive, settings);
  const copies = new Copies(docs, settings);
  const excludes = (i: number, j: number): boolean => exclude?.get((docs[i] as RelatedDoc).id)?.has((docs[j] as RelatedDoc).id) ?? false;
  /** Story i's score for its neighbour j (at `k` in its list), given the first part of their expanded vectors' product. */
  const score = (i: number, k: number, j: number, head: number): number =>
    (work.dotPart(expanded.rows, j, head, PRUNE_CHECKPOINT, Number.MAX_SAFE_INTEGER) + directWeight * (direct.values[k] as number) + latentWeight * latentCosine(latent, i, j)) *
    context.factor(i, j);
  /**
   * The previous slot of story i when its list may be as before, with that list put into `best`:
   * it reads its own expanded and latent vectors, content and exclusions, its neighbours and their
   * content, and the vectors of those in its list; -1 when one of these changed.
   */
  const keptBefore = (i: number, best: Best): number => {
    const old = plan.oldSlot[i] as number;
    if (previous === null || old < 0 || plan.content[i] === 1 || plan.excluded[i] === 1 || neighbours.changed[i] === 1 || expanded.changed[i] === 1) return -1;
    for (let k = i * direct.width, end = k + (direct.counts[i] as number); k < end; k++) if (plan.content[direct.slots[k] as number] === 1) return -1;
    const { width, counts, slots, values } = previous.kept;
    const from = old * width;
    const to = from + (counts[old] as number);
    for (let k = from; k < to; k++) if (expanded.changed[plan.newSlot[slots[k] as number] as number] === 1) return -1;
    for (let k = from; k < to; k++) best.offer(plan.newSlot[slots[k] as number] as number, values[k] as number);
    return old;
  };
  let made = 0;
  for (let i = 0; i < docs.length; i++) {
    const first = i * direct.width;
    const end = first + (direct.counts[i] as number);
    const want = wanted[i] as number;
    // The best few serve both the list and the coverage; no threshold is known until they are in.
    const best = new Best(Math.max(want, coverageSize), archive.dateRanks);
    const old = keptBefore(i, best);
    if (old >= 0 && previous !== null) {
      // Its list is as before unless a neighbour whose vectors changed now scores into it.
      const changed: number[] = [];
      for (let k = first; k < end; k++) {
        const j = direct.slots[k] as number;
        if (expanded.changed[j] === 1 && !excludes(i, j)) changed.push(k);
      }
      let same = changed.length === 0 || want === 0 || best.full;
      if (same && changed.length > 0) {
        work.load(expanded.rows, i);
        for (const k of changed) {
          const j = direct.slots[k] as number;
          if (best.admits(j, score(i, k, j, work.dotPart(expanded.rows, j, 0, 0, PRUNE_CHECKPOINT)))) same = false;
        }
        work.unload(expanded.rows, i);
      }
      if (same) {
        built.copy(i, previous.kept, old, plan);
        continue;
      }
      best.clear();
    }
    made++;
    const length = lengths.full[i] as number;
    work.load(expanded.rows, i);
    for (let k = first; k < end && want > 0; k++) {
      const j = direct.slots[k] as number;
      if (excludes(i, j)) continue;
      // Cauchy-Schwarz bounds the neighbourhood similarity by the lengths of the two vectors, then
      // by the part of j's vector not yet multiplied; once the best few are in, most candidates
      // cannot reach them and are dropped before the whole product is summed.
      const floor = best.full ? best.floor : -Infinity;
      const factor = context.factor(i, j);
      const rest = directWeight * (direct.values[k] as number) + latentWeight * latentCosine(latent, i, j) + slack;
      if ((length * (lengths.full[j] as number) + rest) * factor < floor) continue;
      const head = work.dotPart(expanded.rows, j, 0, 0, PRUNE_CHECKPOINT);
      if ((head + length * (lengths.tail[j] as number) + rest) * factor < floor) continue;
      const value = score(i, k, j, head);
      if (!best.admits(j, value)) continue;
      if (copies.copied(i, j, direct.values[k] as number)) continue;
      best.offer(j, value);
    }
    work.unload(expanded.rows, i);
    for (const { slot, value } of best.sorted()) built.push(i, slot, value);
  }
  return { lists: built.lists, made };
}

/**
 * Copies of one story: the same headline (as ids compare them), or a body mostly made of the other's
 * (`copyShare` of the smaller one's word 3-grams). Bodies are compared only when their direct
 * similarity reaches `copyCheck`, and each story's headline and 3-grams are made once, when first needed.
 */
class Copies {
  private readonly headlines: Array<string | undefined> = [];
  private readonly grams: Array<Uint32Array | undefined> = [];

  constructor(
    private readonly docs: readonly RelatedDoc[],
    private readonly settings: RelatedSettings,
  ) {}

  copied(i: number, j: number, direct: number): boolean {
    if (this.headlineOf(i) === this.headlineOf(j)) return true;
    return direct >= this.settings.copyCheck && contains(this.gramsOf(i), this.gramsOf(j), this.settings.copyShare);
  }

  /** Made when first needed: a computation that ranks few stories again compares few. */
  private headlineOf(d: number): string {
    return (this.headlines[d] ??= normaliseHeadline((this.docs[d] as RelatedDoc).title));
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
 * Inverted index of signatures: the postings of term t are the stories `ids[offsets[t]..offsets[t+1]]`,
 * in story order, whose signature weighs t at least `floors[t]` (`sampleStatistics`): whether a
 * story is in a term's postings depends on the story and the statistics alone, so that one story
 * added or removed moves no other.
 */
function invert(signatures: Rows, floors: Float32Array): Rows {
  const full = transpose(signatures, floors.length);
  const offsets = new Int32Array(floors.length + 1);
  let kept = 0;
  for (let t = 0; t < floors.length; t++) {
    for (let p = full.offsets[t] as number; p < (full.offsets[t + 1] as number); p++) {
      if ((full.weights[p] as number) < (floors[t] as number)) continue;
      full.ids[kept] = full.ids[p] as number;
      full.weights[kept++] = full.weights[p] as number;
    }
    offsets[t + 1] = kept;
  }
  return { offsets, ids: full.ids.subarray(0, kept), weights: full.weights.subarray(0, kept) };
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

  /** Offers to `best` the stories of `index` by row `self` of `queries`, each with its summed score; never `self`. */
  search(queries: Rows, self: number, index: Rows, best: TopK): void {
    const { ids, weights } = queries;
    for (let q = queries.offsets[self] as number, end = queries.offsets[self + 1] as number; q < end; q++) {
      this.count = accumulate(this.sums, this.marks, this.touched, this.count, index, ids[q] as number, weights[q] as number);
    }
    this.take(best, self);
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

  /**
   * Loads row `r` of `signatures` where it is in the term's postings (`invert`), so that `dot` with
   * a signature is the score `search` sums for the pair, in the same order.
   */
  loadPosted(signatures: Rows, r: number, floors: Float32Array): void {
    const { ids, weights } = signatures;
    for (let k = signatures.offsets[r] as number, end = signatures.offsets[r + 1] as number; k < end; k++) {
      const t = ids[k] as number;
      this.first[t] = (weights[k] as number) >= (floors[t] as number) ? (weights[k] as number) : 0;
    }
  }

  /** Whether the loaded vector has term `t`. */
  posted(t: number): boolean {
    return this.first[t] !== 0;
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
  drain(slots: Int32Array, values: Float32Array | Float64Array, at: number): number {
    const size = this.size;
    for (let k = size - 1; k >= 0; k--) {
      slots[at + k] = this.slots[0] as number;
      values[at + k] = this.values[0] as number;
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

/** Builds fixed-width best-first lists, one row at a time. */
class ListsBuilder<Values extends Float32Array | Float64Array> {
  readonly lists: Lists<Values>;

  constructor(rows: number, width: number, values: new (length: number) => Values) {
    this.lists = { width, counts: new Int32Array(rows), slots: new Int32Array(rows * width), values: new values(rows * width) };
  }

  /** Row `row` from a `TopK`, which it empties. */
  fill(row: number, best: TopK): void {
    this.lists.counts[row] = best.drain(this.lists.slots, this.lists.values, row * this.lists.width);
  }

  /** Appends (slot, value) to row `row`. */
  push(row: number, slot: number, value: number): void {
    const at = row * this.lists.width + (this.lists.counts[row] as number)++;
    this.lists.slots[at] = slot;
    this.lists.values[at] = value;
  }

  /** Row `row` as the previous state's row `old`, its slots numbered as now. */
  copy(row: number, from: Lists<Values>, old: number, plan: Plan): void {
    for (let k = old * from.width, end = k + (from.counts[old] as number); k < end; k++) this.push(row, plan.newSlot[from.slots[k] as number] as number, from.values[k] as number);
  }

  /** Per row, whether it differs from the previous state's (every row, without one). */
  changedFrom(from: Lists<Values> | null, plan: Plan): Uint8Array {
    const { width, counts, slots, values } = this.lists;
    const changed = new Uint8Array(counts.length);
    for (let r = 0; r < counts.length; r++) {
      const old = plan.oldSlot[r] as number;
      if (from === null || old < 0 || from.counts[old] !== counts[r]) {
        changed[r] = 1;
        continue;
      }
      for (let k = 0; k < (counts[r] as number) && changed[r] === 0; k++) {
        const before = old * from.width + k;
        if (plan.newSlot[from.slots[before] as number] !== slots[r * width + k] || from.values[before] !== values[r * width + k]) changed[r] = 1;
      }
    }
    return changed;
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

  clear(): void {
    this.kept.length = 0;
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
    const { tags } = this.docs[i] as RelatedDoc;
    const keys = this.list(i);
    const shared: string[] = [];
    for (let t = 0; t < tags.length; t++) {
      const key = keys[t] as string;
      // Each key once, at its first spelling.
      if (key !== "" && theirs.has(key) && keys.indexOf(key) === t) shared.push(tags[t] as string);
    }
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

  key(tag: string): string {
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
