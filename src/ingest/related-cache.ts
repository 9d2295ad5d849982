// What the last build's related-story scoring left (`RelatedState`, src/index/related.ts): with
// it, a rebuild recomputes only the related stories a change can move. One binary file, read
// when the ingest cache is (`use`: made by the same code), and written anew by every build that
// computed related stories. The state itself says which settings it was made with; `relate`
// ignores a state of other settings.
import path from "node:path";
import * as io from "../io.ts";
import type { RelatedState } from "../index/related.ts";

export interface RelatedCache {
  /** The last build's state, or null when there is none or it cannot be used. */
  previous: RelatedState | null;
  save(state: RelatedState): Promise<void>;
}

/** No file: every build computes every story's related stories (tests, builds without a cache folder). */
export function noRelatedCache(): RelatedCache {
  return { previous: null, save: async () => {} };
}

const stateFile = (dir: string): string => path.join(dir, "related.bin");

export async function openRelatedCache(dir: string, use: boolean): Promise<RelatedCache> {
  const bytes = use ? await io.readBytesIfExists(stateFile(dir)) : null;
  // A state that is not read may be of other code: it goes before anything is computed.
  if (!use) await io.removeFile(stateFile(dir));
  return { previous: bytes === null ? null : decodeState(bytes), save: (state) => io.writeLarge(stateFile(dir), encodeState(state)) };
}

/** First word of the file ("mrs1"); read back in another byte order, it is not this. */
const MAGIC = 0x6d727331;

type Numbers = Int32Array | Float32Array | Float64Array;

/** The state's typed arrays, in file order, each with how to make it from bytes. */
function arraysOf(state: RelatedState): Numbers[] {
  const { candidates, neighbours, expanded, kept, vectors, signatures, lone } = state;
  return [
    state.df, state.sampleDf, state.floors,
    vectors.offsets, vectors.ids, vectors.weights,
    signatures.offsets, signatures.ids, signatures.weights,
    lone.offsets, lone.weights, lone.places,
    candidates.counts, candidates.slots, candidates.values,
    neighbours.counts, neighbours.slots, neighbours.values,
    expanded.offsets, expanded.ids, expanded.weights,
    state.latent.values, state.basis.values, state.basisTerms,
    kept.counts, kept.slots, kept.values,
  ];
}

/**
 * Layout: MAGIC, the header's length in bytes, the header (JSON: the state's strings and widths,
 * and each array's kind and length), padding to a multiple of 8, then the arrays one after another
 * in the machine's byte order, each padded to a multiple of 8.
 */
export function encodeState(state: RelatedState): Uint8Array {
  const arrays = arraysOf(state);
  const header = Buffer.from(
    JSON.stringify({
      key: state.key,
      sampleKey: state.sampleKey,
      ids: state.ids,
      digests: state.digests,
      excludes: state.excludes,
      terms: state.terms,
      averageLength: state.averageLength,
      lone: state.lone.terms,
      widths: [state.candidates.width, state.neighbours.width, state.kept.width],
      ranks: [state.latent.rank, state.basis.rank],
      arrays: arrays.map((a) => [a.constructor.name, a.length]),
    }),
  );
  const padded = (bytes: number): number => Math.ceil(bytes / 8) * 8;
  let size = padded(8 + header.length);
  for (const a of arrays) size += padded(a.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  let at = padded(8 + header.length);
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += padded(a.byteLength);
  }
  return out;
}

const KINDS = { Int32Array, Float32Array, Float64Array } as const;
/** The kinds of `arraysOf`, in order. */
const ORDER = "Int32Array Int32Array Float32Array Int32Array Int32Array Float32Array Int32Array Int32Array Float32Array Int32Array Float32Array Int32Array Int32Array Int32Array Float64Array Int32Array Int32Array Float32Array Int32Array Int32Array Float32Array Float32Array Float32Array Int32Array Int32Array Int32Array Float64Array";

/** The state `encodeState` wrote, or null when the bytes are not one (damaged, cut short, another byte order). */
export function decodeState(bytes: Uint8Array): RelatedState | null {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (raw.length < 8 || raw.readUInt32LE(0) !== MAGIC || raw.readUInt32LE(4) > raw.length - 8) return null;
  const headerLength = raw.readUInt32LE(4);
  let header: Pick<RelatedState, "key" | "sampleKey" | "ids" | "digests" | "excludes" | "terms" | "averageLength"> & {
    lone: RelatedState["lone"]["terms"];
    widths: [number, number, number];
    ranks: [number, number];
    arrays: [keyof typeof KINDS, number][];
  };
  try {
    header = JSON.parse(raw.toString("utf8", 8, 8 + headerLength));
  } catch {
    return null;
  }
  if (header.arrays.map(([kind]) => kind).join(" ") !== ORDER) return null;
  let at = Math.ceil((8 + headerLength) / 8) * 8;
  const arrays: Numbers[] = [];
  for (const [kind, length] of header.arrays) {
    const make = KINDS[kind];
    if (at + length * make.BYTES_PER_ELEMENT > raw.length) return null;
    // A view of the file's bytes where it is aligned (the file pads every array to 8 bytes, and a
    // file read whole starts a buffer of its own): copying every array took a pass over the state
    // and, for a moment, twice its size in memory (458 MB at 100,000 stories). Else a copy.
    const offset = raw.byteOffset + at;
    arrays.push(offset % make.BYTES_PER_ELEMENT === 0 ? new make(raw.buffer as ArrayBuffer, offset, length) : new make(Uint8Array.prototype.slice.call(raw, at, at + length * make.BYTES_PER_ELEMENT).buffer));
    at += Math.ceil((length * make.BYTES_PER_ELEMENT) / 8) * 8;
  }
  if (at !== raw.length) return null;
  const [df, sdf, fl, vo, vi, vw, so, si, sw, lo, lw, lp, cc, cs, cv, nc, ns, nv, eo, ei, ew, lv, bv, bt, hc, hs, hv] = arrays as [
    Int32Array, Int32Array, Float32Array, Int32Array, Int32Array, Float32Array, Int32Array, Int32Array, Float32Array, Int32Array, Float32Array, Int32Array,
    Int32Array, Int32Array, Float64Array, Int32Array, Int32Array, Float32Array, Int32Array, Int32Array, Float32Array,
    Float32Array, Float32Array, Int32Array, Int32Array, Int32Array, Float64Array,
  ];
  if (header.lone.length !== lw.length) return null;
  const [candidates, neighbours, kept] = header.widths;
  return {
    key: header.key,
    sampleKey: header.sampleKey,
    ids: header.ids,
    digests: header.digests,
    excludes: header.excludes,
    terms: header.terms,
    df,
    sampleDf: sdf,
    floors: fl,
    averageLength: header.averageLength,
    vectors: { offsets: vo, ids: vi, weights: vw },
    signatures: { offsets: so, ids: si, weights: sw },
    lone: { offsets: lo, terms: header.lone, weights: lw, places: lp },
    candidates: { width: candidates, counts: cc, slots: cs, values: cv },
    neighbours: { width: neighbours, counts: nc, slots: ns, values: nv },
    expanded: { offsets: eo, ids: ei, weights: ew },
    latent: { rank: header.ranks[0], values: lv },
    basis: { rank: header.ranks[1], values: bv },
    basisTerms: bt,
    kept: { width: kept, counts: hc, slots: hs, values: hv },
  };
}
