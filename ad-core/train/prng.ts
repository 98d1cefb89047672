// A small seeded random number generator (mulberry32): the seed is the whole state, so the same
// seed gives the same initial parameters and the same mini-batches on every machine.

/** A generator of uniform numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The default seed of random initialisation (links omit `init=` when it is this). */
export const DEFAULT_INIT_SEED = 1;

/**
 * Initial parameters for `seed`: the k-th parameter takes the k-th draw, uniform in [-1, 1), so
 * small symmetric weights break the symmetry of hidden units (two equal units would stay equal).
 */
export function initialParams(count: number, seed: number): Float64Array {
  const next = mulberry32(seed);
  return Float64Array.from({ length: count }, () => 2 * next() - 1);
}

/** A permutation of 0…n−1 shuffled by Fisher–Yates with `seed` (the order of mini-batches). */
export function permutation(n: number, seed: number): Int32Array {
  const next = mulberry32(seed ^ 0x9e3779b9);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
