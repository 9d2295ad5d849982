// Sparse matrices in compressed rows, the one layout related-story scoring keeps vectors and
// indexes in: typed arrays, so that 100,000 stories cost no per-story or per-term objects.

/**
 * Row r holds columns `ids[offsets[r]..offsets[r+1]]` with their `weights`. A story's vector is a
 * row of terms; an inverted index has the same shape, with a row per term listing stories.
 */
export interface Rows {
  offsets: Int32Array;
  ids: Int32Array;
  weights: Float32Array;
}

/** The transpose of `rows` (whose ids are below `columns`): a row per column, its ids in row order. */
export function transpose(rows: Rows, columns: number): Rows {
  const offsets = new Int32Array(columns + 1);
  for (let k = 0; k < rows.ids.length; k++) {
    const t = (rows.ids[k] as number) + 1;
    offsets[t] = (offsets[t] as number) + 1;
  }
  for (let t = 0; t < columns; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  const fill = offsets.slice(0, columns);
  const ids = new Int32Array(rows.ids.length);
  const weights = new Float32Array(rows.ids.length);
  for (let r = 0; r + 1 < rows.offsets.length; r++) {
    for (let k = rows.offsets[r] as number, end = rows.offsets[r + 1] as number; k < end; k++) {
      const t = rows.ids[k] as number;
      const p = fill[t] as number;
      ids[p] = r;
      weights[p] = rows.weights[k] as number;
      fill[t] = p + 1;
    }
  }
  return { offsets, ids, weights };
}

/** A copy of `array` with room for at least `size` elements, doubling. */
export function grow<T extends Int32Array | Uint16Array | Float64Array>(array: T, size: number): T {
  let length = array.length;
  while (length < size) length *= 2;
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
