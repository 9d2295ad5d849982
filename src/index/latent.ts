// Latent subject vectors for related-story scoring: a truncated SVD of the story-term matrix by
// randomized subspace iteration (Halko, Martinsson & Tropp 2011), linear in the archive size.
//
// The SVD is of a sample of the archive (src/index/related.ts), so that one new story seldom moves
// it. When the sample is the whole archive, each story gets its row of U Σ² of the rank-k SVD
// A ≈ U Σ Vᵀ; otherwise its expanded vector projected on the sample's basis (`project`), which is
// about that row. Since A Aᵀ U = U Σ², that row is
// the story's similarities to every story, seen through the top k directions: the cosine of two
// such rows says whether two stories are alike to the same stories (second-order similarity),
// which is what stories on one broad subject share even when their own words differ. Weighting by
// Σ² rather than Σ (plain LSA) lets the leading directions dominate, so the answer hardly depends
// on k: on topics-dev, k from 20 to 100 scores within 0.002, where plain LSA loses 0.007 from 20 to
// 100 and at 100 gains nothing. SVD of the plain BM25 vectors instead of the expanded ones gained
// half as much on the full set and nothing on the halves.
import { type Rows, transpose } from "./rows.ts";
import { mulberry32 } from "../prng.ts";

/**
 * Extra random directions beyond the rank, and power iterations: Halko et al. advise 10 and 1-2;
 * two iterations scored no better on topics-dev and cost a third more.
 */
const OVERSAMPLE = 10;
const ITERATIONS = 1;
/** Fixed seed: the same archive always gets the same vectors. */
const SEED = 0x5eed;

/**
 * A latent basis: per term (of the rows it was made from, by their ids), `rank` numbers, the row
 * of V Σ of the rank-`rank` SVD A ≈ U Σ Vᵀ. A story's expanded vector a times it is a V Σ, which
 * for a row of A is (within the approximation) its row of U Σ². When the rows are a sample of the
 * archive, every story gets its vector by this one projection, so that vectors are functions of
 * the story and the basis alone; when they are the whole archive, each gets its row of U Σ² itself
 * (`latentBasis`). On topics-dev, the projection for every story called more off-topic stories
 * related than the rows themselves (on half A, 0.83 links a story against 0.75 at `minScore`
 * 1.75) for the same precision@5; two power iterations or 30 extra directions changed neither by
 * more than 0.001 and 0.03 links.
 */
export interface LatentBasis {
  rank: number;
  /** Row-major, `rank` numbers per term. */
  values: Float32Array;
}

/** Row-major latent vectors, `rank` numbers per story, each of length 1 (or 0 for a story with no terms). */
export interface LatentVectors {
  rank: number;
  values: Float32Array;
}

/**
 * The rank-`rank` latent basis of the rows of a story-term matrix with `terms` columns, and the
 * rows' own latent vectors: their rows of U Σ², each scaled to length 1.
 */
export function latentBasis(rows: Rows, terms: number, rank: number): { basis: LatentBasis; own: LatentVectors } {
  const n = rows.offsets.length - 1;
  const width = Math.min(rank + OVERSAMPLE, n, terms);
  if (width <= 0 || rank <= 0) return { basis: { rank: 0, values: new Float32Array(0) }, own: { rank: 0, values: new Float32Array(0) } };
  const next = mulberry32(SEED);
  // Random ±1 directions in term space; Y = A Ω samples the range of A.
  const z = new Float32Array(terms * width);
  for (let k = 0; k < z.length; k++) z[k] = next() < 0.5 ? -1 : 1;
  const y = new Float32Array(n * width);
  multiply(rows, z, width, y);
  const columns = transpose(rows, terms);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    orthonormalise(y, n, width);
    multiply(columns, y, width, z);
    multiply(rows, z, width, y);
  }
  orthonormalise(y, n, width);
  // With Q = y orthonormal and Z = Aᵀ Q: Zᵀ Z = Qᵀ A Aᵀ Q = W Λ Wᵀ gives U = Q W, Σ² = Λ and
  // V Σ = Aᵀ U = Z W.
  multiply(columns, y, width, z);
  const { values, vectors } = symmetricEigen(gram(z, terms, width), width);
  const order = Array.from(values.keys()).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  const k = Math.min(rank, width);
  const basis = new Float32Array(terms * k);
  for (let t = 0; t < terms; t++) {
    for (let c = 0; c < k; c++) {
      const e = order[c] as number;
      let sum = 0;
      for (let r = 0; r < width; r++) sum += (z[t * width + r] as number) * (vectors[r * width + e] as number);
      basis[t * k + c] = sum;
    }
  }
  // The rows' own: U Σ² = Q W Λ.
  const projection = new Float64Array(width * k);
  for (let c = 0; c < k; c++) {
    const e = order[c] as number;
    const weight = Math.max(0, values[e] as number);
    for (let r = 0; r < width; r++) projection[r * k + c] = (vectors[r * width + e] as number) * weight;
  }
  const own = new Float32Array(n * k);
  const row = new Float64Array(k);
  for (let d = 0; d < n; d++) {
    row.fill(0);
    for (let r = 0; r < width; r++) {
      const q = y[d * width + r] as number;
      for (let c = 0; c < k; c++) row[c] = (row[c] as number) + q * (projection[r * k + c] as number);
    }
    normalise(row, own, d * k);
  }
  return { basis: { rank: k, values: basis }, own: { rank: k, values: own } };
}

/** Writes `sums` scaled to length 1 (0 when it is 0) into `out` from `at`. */
function normalise(sums: Float64Array, out: Float32Array, at: number): void {
  let norm = 0;
  for (const x of sums) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  sums.forEach((x, c) => (out[at + c] = x * scale));
}

/**
 * Into `out` from `at`, row `r` of `rows` times the basis, scaled to length 1 (0 for a row the
 * basis does not see). `basisRow` gives each of the row's ids its row of the basis, or -1.
 */
export function project(basis: LatentBasis, basisRow: Int32Array, rows: Rows, r: number, out: Float32Array, at: number): void {
  const { rank, values } = basis;
  const sums = new Float64Array(rank);
  for (let k = rows.offsets[r] as number, end = rows.offsets[r + 1] as number; k < end; k++) {
    const row = basisRow[rows.ids[k] as number] as number;
    if (row < 0) continue;
    const weight = rows.weights[k] as number;
    for (let c = 0; c < rank; c++) sums[c] = (sums[c] as number) + weight * (values[row * rank + c] as number);
  }
  normalise(sums, out, at);
}

/** Cosine of stories i and j. */
export function latentCosine(latent: LatentVectors, i: number, j: number): number {
  const { rank, values } = latent;
  let sum = 0;
  for (let c = 0, a = i * rank, b = j * rank; c < rank; c++) sum += (values[a + c] as number) * (values[b + c] as number);
  return sum;
}

/**
 * out (one row per row of `rows`, `width` columns) = rows × x, where x has a row per id: each out row
 * gathers the x rows its ids name, weighted. Two ids at a time, which halves the loads and stores
 * of the out row in the innermost loop.
 */
function multiply(rows: Rows, x: Float32Array, width: number, out: Float32Array): void {
  const { offsets, ids, weights } = rows;
  out.fill(0);
  for (let r = 0; r + 1 < offsets.length; r++) {
    const to = r * width;
    const end = offsets[r + 1] as number;
    let k = offsets[r] as number;
    for (; k + 1 < end; k += 2) {
      const w1 = weights[k] as number;
      const w2 = weights[k + 1] as number;
      const from1 = (ids[k] as number) * width;
      const from2 = (ids[k + 1] as number) * width;
      for (let c = 0; c < width; c++) {
        out[to + c] = (out[to + c] as number) + w1 * (x[from1 + c] as number) + w2 * (x[from2 + c] as number);
      }
    }
    if (k < end) {
      const w = weights[k] as number;
      const from = (ids[k] as number) * width;
      for (let c = 0; c < width; c++) out[to + c] = (out[to + c] as number) + w * (x[from + c] as number);
    }
  }
}

/** Mᵀ M (width × width) of a row-major `height` × `width` matrix. */
function gram(m: Float32Array, height: number, width: number): Float64Array {
  const g = new Float64Array(width * width);
  for (let r = 0; r < height; r++) {
    const base = r * width;
    for (let a = 0; a < width; a++) {
      const va = m[base + a] as number;
      if (va === 0) continue;
      for (let b = a, ga = a * width; b < width; b++) g[ga + b] = (g[ga + b] as number) + va * (m[base + b] as number);
    }
  }
  for (let a = 0; a < width; a++) for (let b = 0; b < a; b++) g[a * width + b] = g[b * width + a] as number;
  return g;
}

/**
 * Orthonormalises the columns of m in place by Cholesky QR (M = Q R, Rᵀ R = Mᵀ M); a column that
 * depends on the ones before it becomes 0, so archives smaller than the rank still work.
 */
function orthonormalise(m: Float32Array, height: number, width: number): void {
  const g = gram(m, height, width);
  const r = new Float64Array(width * width);
  for (let j = 0; j < width; j++) {
    let pivot = g[j * width + j] as number;
    for (let k = 0; k < j; k++) pivot -= (r[k * width + j] as number) ** 2;
    if (pivot <= 1e-10 * (g[j * width + j] as number)) continue;
    const diagonal = Math.sqrt(pivot);
    r[j * width + j] = diagonal;
    for (let i = j + 1; i < width; i++) {
      let t = g[j * width + i] as number;
      for (let k = 0; k < j; k++) t -= (r[k * width + j] as number) * (r[k * width + i] as number);
      r[j * width + i] = t / diagonal;
    }
  }
  // Each row q of Q solves q R = m by forward substitution.
  const q = new Float64Array(width);
  for (let row = 0; row < height; row++) {
    const base = row * width;
    for (let j = 0; j < width; j++) {
      const diagonal = r[j * width + j] as number;
      let t = m[base + j] as number;
      for (let k = 0; k < j; k++) t -= (q[k] as number) * (r[k * width + j] as number);
      q[j] = diagonal > 0 ? t / diagonal : 0;
    }
    m.set(q, base);
  }
}

/** Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations; `a` is overwritten. */
function symmetricEigen(a: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  let total = 0;
  for (let k = 0; k < a.length; k++) total += (a[k] as number) ** 2;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) off += (a[p * size + q] as number) ** 2;
    if (off <= 1e-24 * total) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q] as number;
        if (apq === 0) continue;
        const theta = ((a[q * size + q] as number) - (a[p * size + p] as number)) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, size, p, q, c, s, size, 1);
        rotate(a, size, p, q, c, s, 1, size);
        rotate(v, size, p, q, c, s, size, 1);
      }
    }
  }
  const values = new Float64Array(size);
  for (let i = 0; i < size; i++) values[i] = a[i * size + i] as number;
  return { values, vectors: v };
}

/** Rotates lines p and q of a square matrix: columns when `along` is the row stride, rows when it is 1. */
function rotate(m: Float64Array, size: number, p: number, q: number, c: number, s: number, along: number, across: number): void {
  for (let k = 0; k < size; k++) {
    const ip = k * along + p * across;
    const iq = k * along + q * across;
    const mp = m[ip] as number;
    const mq = m[iq] as number;
    m[ip] = c * mp - s * mq;
    m[iq] = s * mp + c * mq;
  }
}

