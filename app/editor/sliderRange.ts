/** A slider range that comfortably contains the value: [−5, 5], widened to whole numbers around it. */
export function sliderRange(value: number): { min: number; max: number; step: number } {
  const v = Number.isFinite(value) ? value : 0;
  const min = Math.min(-5, Math.floor(v) - 1);
  const max = Math.max(5, Math.ceil(v) + 1);
  const span = max - min;
  const step = span > 100 ? 1 : span > 20 ? 0.1 : 0.05;
  return { min, max, step };
}
