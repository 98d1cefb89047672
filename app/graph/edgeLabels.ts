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

/** A label's box, enough for `∂ −0.4161` or `+3.584` at 16px (about 85 px of glyphs). */
export const TAG_WIDTH = 88;
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

/** The part of a TAG_WIDTH × TAG_HEIGHT label box centred on (x, y) that `b` covers. */
function covered(x: number, y: number, b: Box): number {
  const w = Math.min(x + TAG_WIDTH / 2, b.x1) - Math.max(x - TAG_WIDTH / 2, b.x0);
  if (w <= 0) return 0;
  const h = Math.min(y + TAG_HEIGHT / 2, b.y1) - Math.max(y - TAG_HEIGHT / 2, b.y0);
  return h > 0 ? w * h : 0;
}

/**
 * Boxes sorted by their left edge, so that the few near an edge are found by a binary search
 * instead of a scan of the whole graph for each of its edges' labels (two per edge).
 */
export interface BoxIndex {
  sorted: readonly Box[];
  widest: number;
}

export function indexBoxes(boxes: readonly Box[]): BoxIndex {
  const sorted = [...boxes].sort((a, b) => a.x0 - b.x0);
  let widest = 0;
  for (const b of sorted) widest = Math.max(widest, b.x1 - b.x0);
  return { sorted, widest };
}

/** The boxes that overlap [x0, x1] × [y0, y1]. */
export function boxesNear(index: BoxIndex, x0: number, x1: number, y0: number, y1: number): Box[] {
  const { sorted } = index;
  // First box whose left edge could still reach x0.
  let lo = 0;
  let hi = sorted.length;
  const from = x0 - index.widest;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.x0 < from) lo = mid + 1;
    else hi = mid;
  }
  const near: Box[] = [];
  for (let i = lo; i < sorted.length; i++) {
    const b = sorted[i]!;
    if (b.x0 >= x1) break;
    if (b.x1 > x0 && b.y1 > y0 && b.y0 < y1) near.push(b);
  }
  return near;
}

const SAMPLES = 15;
/** How far beside its edge a label may sit (just clear of the line), and what that costs: more
 * than sliding it a good way along the edge, less than covering a tenth of a value. */
const BESIDE = TAG_HEIGHT / 2 + 3;
const BESIDE_PENALTY = 150;

/**
 * The label position for the `end` of an edge drawn through `points`: preferably a little way
 * from that end along the curve (toward the middle when the edge is a bulging parallel copy),
 * otherwise the nearest sample along the curve whose label box covers the least of `boxes`.
 */
export function placeTag(
  points: readonly Pt[],
  end: 'start' | 'end',
  boxes: readonly Box[] | BoxIndex,
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
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const near = boxesNear(
    'sorted' in boxes ? boxes : indexBoxes(boxes),
    x0 - TAG_WIDTH,
    x1 + TAG_WIDTH,
    y0 - TAG_HEIGHT,
    y1 + TAG_HEIGHT,
  );
  const [px, py] = preferred;
  // The cost of a place: its distance from the preferred one plus how much it covers. Counting
  // stops (returning Infinity) once it cannot beat `limit`, so far places cost little to reject.
  const cost = (x: number, y: number, limit = Infinity) => {
    const dx = x - px;
    const dy = y - py;
    let c = Math.sqrt(dx * dx + dy * dy);
    for (const b of near) {
      if (c >= limit) return Infinity;
      c += (covered(x, y, b) / (TAG_WIDTH * TAG_HEIGHT)) * 1000;
    }
    return c < limit ? c : Infinity;
  };

  let bestCost = cost(px, py);
  if (bestCost < 1) return preferred;
  let best = preferred;
  // Sample the curve by arc length, away from the arrowhead and the argument's border.
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < knots.length; i++) {
    const l = Math.hypot(knots[i]![0] - knots[i - 1]![0], knots[i]![1] - knots[i - 1]![1]);
    lengths.push(l);
    total += l;
  }
  const beside: number[] = [];
  for (let k = 1; k < SAMPLES; k++) {
    let d = (total * k) / SAMPLES;
    let segment = 0;
    while (segment < lengths.length - 1 && d > lengths[segment]!) d -= lengths[segment++]!;
    const len = lengths[segment]!;
    const t = len > 0 ? Math.min(1, d / len) : 0;
    const p = knots[segment]!;
    const q = knots[segment + 1]!;
    const x = p[0] + t * (q[0] - p[0]);
    const y = p[1] + t * (q[1] - p[1]);
    const c = cost(x, y, bestCost);
    if (c < bestCost) {
      best = [x, y];
      bestCost = c;
    }
    if (len > 0) {
      const nx = (-(q[1] - p[1]) / len) * BESIDE;
      const ny = ((q[0] - p[0]) / len) * BESIDE;
      beside.push(x + nx, y + ny, x - nx, y - ny);
    }
  }
  // Where a short edge runs between crowded nodes, every point on it may cover a value; beside
  // the edge, just clear of it, may not. Such a place has to be clearly better to be taken (and
  // is not even looked at when a place on the edge is good enough).
  if (bestCost > BESIDE_PENALTY) {
    for (let i = 0; i < beside.length; i += 2) {
      const c = cost(beside[i]!, beside[i + 1]!, bestCost - BESIDE_PENALTY) + BESIDE_PENALTY;
      if (c < bestCost) {
        best = [beside[i]!, beside[i + 1]!];
        bestCost = c;
      }
    }
  }
  return best;
}
