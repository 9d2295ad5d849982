// One seeded pseudo-random generator for everything that must vary yet repeat: the latent
// similarity's random start, the benchmark's synthetic dumps, the related-story bench.

/** Mulberry32: small, fast, seedable; good enough to vary text and start iterations, not for cryptography. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
