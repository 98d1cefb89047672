// Where an edge's small labels (its local partial, a contribution travelling it) go: on the drawn
// curve, near the end they are about, slid along the curve until they cover no node or its
// value labels. Pure geometry, in layout coordinates.

export type Pt = [number, number];

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A label's box, generous enough for `∂ −0.4161` or `+3.584` at 16px. */
export const TAG_WIDTH = 74;
export const TAG_HEIGHT = 24;

/**
 * Points the basis curve through `points` passes through (d3's curveBasis meets each interior
 * control point's (p₋ + 4p + p₊)/6 and both end points), so samples lie on what is drawn.
 */
export function curveKnots(points: readonly Pt[]): Pt[] {
  if (points.length <= 2) return points.map(([x, y]): Pt => [x, y]);
  return points.map((p, i): Pt => {
    if (i === 0 || i === points.length - 1) return [p[0], p[1]];
    const a = points[i - 1]!;
    const c = points[i + 1]!;
    return [(a[0] + 4 * p[0] + c[0]) / 6, (a[1] + 4 * p[1] + c[1]) / 6];
  });
}

function along(knots: readonly Pt[], segment: number, t: number): Pt {
  const p = knots[segment]!;
  const q = knots[segment + 1]!;
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

function tagBox([x, y]: Pt): Box {
  return {
    x0: x - TAG_WIDTH / 2,
    y0: y - TAG_HEIGHT / 2,
    x1: x + TAG_WIDTH / 2,
    y1: y + TAG_HEIGHT / 2,
  };
}

const SAMPLES = 15;

/**
 * The label position for the `end` of an edge drawn through `points`: preferably a little way
 * from that end along the curve (toward the middle when the edge is a bulging parallel copy),
 * otherwise the nearest sample along the curve whose label box covers the least of `boxes`.
 */
export function placeTag(
  points: readonly Pt[],
  end: 'start' | 'end',
  boxes: readonly Box[],
  bulge = false,
): Pt {
  const knots = curveKnots(points);
  const preferred: Pt =
    bulge && knots.length === 3
      ? knots[1]!
      : end === 'start'
        ? along(knots, 0, 0.42)
        : along(knots, knots.length - 2, 0.58);

  // Only the boxes near this edge can matter.
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of knots) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  const near = boxes.filter(
    (b) =>
      b.x1 > x0 - TAG_WIDTH &&
      b.x0 < x1 + TAG_WIDTH &&
      b.y1 > y0 - TAG_HEIGHT &&
      b.y0 < y1 + TAG_HEIGHT,
  );
  const cost = (p: Pt) => {
    const box = tagBox(p);
    let covered = 0;
    for (const b of near) covered += overlap(box, b);
    return (
      (covered / (TAG_WIDTH * TAG_HEIGHT)) * 1000 +
      Math.hypot(p[0] - preferred[0], p[1] - preferred[1])
    );
  };

  let best = preferred;
  let bestCost = cost(preferred);
  if (bestCost < 1) return best;
  // Sample the curve by arc length, away from the arrowhead and the argument's border.
  const lengths = knots
    .slice(1)
    .map((q, i) => Math.hypot(q[0] - knots[i]![0], q[1] - knots[i]![1]));
  const total = lengths.reduce((s, l) => s + l, 0);
  for (let k = 1; k < SAMPLES; k++) {
    let d = (total * k) / SAMPLES;
    let segment = 0;
    while (segment < lengths.length - 1 && d > lengths[segment]!) d -= lengths[segment++]!;
    const len = lengths[segment]!;
    const p = along(knots, segment, len > 0 ? Math.min(1, d / len) : 0);
    const c = cost(p);
    if (c < bestCost) {
      best = p;
      bestCost = c;
    }
  }
  return best;
}
