// The learner's text size applied to the graph. The layout reserves room for each label at the
// normal size, so magnifying the text alone would make labels collide; instead the drawing is
// fitted as if it were `scale` times larger and shown at `scale` times the fitted zoom: every
// limit of the fit (the largest zoom, the smallest legible one) then applies to the magnified
// drawing, and text, shapes and gaps grow together.

export interface FitSize {
  width: number;
  height: number;
}

export interface FitView {
  k: number;
  x: number;
  y: number;
}

export function fitMagnified(
  fitAt: (content: FitSize) => FitView,
  content: FitSize,
  scale: number,
): FitView {
  const s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  const v = fitAt({ width: content.width * s, height: content.height * s });
  return { k: v.k * s, x: v.x, y: v.y };
}
