// Pure data for the Train tab's plots: which points of a long loss curve to draw.

/**
 * (step, loss) pairs to draw for `losses`: every step when there are few, else at most `width`
 * evenly spaced ones (always the first and the last). Non-finite losses, and on a log scale
 * losses ≤ 0, are left out rather than drawn at a made-up place.
 */
export function curvePoints(
  losses: readonly number[],
  logScale: boolean,
  width: number,
): [number, number][] {
  const n = losses.length;
  const stride = Math.max(1, Math.ceil(n / width));
  const out: [number, number][] = [];
  for (let i = 0; i < n; i += stride) push(i);
  if (n > 0 && (n - 1) % stride !== 0) push(n - 1);
  return out;
  function push(i: number) {
    const v = losses[i]!;
    if (Number.isFinite(v) && (!logScale || v > 0)) out.push([i + 1, v]);
  }
}

/** `count` evenly spaced numbers from `lo` to `hi` (both included). */
export function linspace(lo: number, hi: number, count: number): Float64Array {
  return Float64Array.from({ length: count }, (_, i) =>
    count === 1 ? lo : lo + ((hi - lo) * i) / (count - 1),
  );
}

/** The range of `values` widened by `pad` of its width on each side (1 either side if flat). */
export function paddedExtent(values: ArrayLike<number>, pad = 0.1): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [-1, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
}
