// Where an edge's small labels (its local partial, a contribution travelling it) go: on the drawn
// curve, near the end they are about, slid along the curve until they cover no node or its
// value labels. Pure geometry, in layout coordinates.

export type Pt = [number, number];

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Kept off where a label can, but a label over it stays readable and leaves it so (a shape's
   * rim, an arrowhead, the margin around another label): it never makes a place crowded. */
  soft?: boolean;
}

/** A label's box, enough for `∂ −0.4161` or `+3.584` at 16px (about 85 px of glyphs). */
export const TAG_WIDTH = 88;
export const TAG_HEIGHT = 24;
/** What a label draws at most: a contribution's pill (`−0.5898` in bold, 77 × 22 px), a partial's
 * text (`∂ −0.4161`, about 80 px). The layout keeps TAG_WIDTH × TAG_HEIGHT free where it can, and
 * makes room (see placeTagScored) where not even this much is. */
export const INK_WIDTH = 80;
export const INK_HEIGHT = 22;

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

/** The flat cost of putting ink on a box that is not soft (see coveredAt). */
export const OVERLAP = 400;

/**
 * Boxes in a uniform grid of cells, so that the few near a place are found by looking at a cell or
 * two instead of the whole graph (two labels per edge, each trying a dozen places): a column of
 * 20,000 inputs must not be scanned for every label that starts there. The coordinates are also
 * kept in flat typed arrays: placing a label tests a few dozen places against each box near its
 * edge, the innermost loop of the layout, and reading numbers from an array is several times
 * cheaper than from objects (and allocates nothing for the collector).
 */
export interface BoxIndex {
  boxes: Box[];
  /** Per box, [x0, y0, x1, y1] at 4·i. */
  coords: Float64Array;
  /** Per box, 1 if soft. */
  softness: Uint8Array;
  /** Per box, 1 while set aside (see setBoxLive): a label not shown while another is. */
  dead: Uint8Array;
  cells: Map<number, number[]>;
  /** Boxes too big for the grid (over many cells), checked every time. */
  big: number[];
  /** Per box, the query that last returned it (to report a box in several cells once). */
  seen: Int32Array;
  query: number;
}

const CELL = 128;
const MAX_CELLS_PER_BOX = 16;
const ROW = 1 << 22;
const cellKey = (cx: number, cy: number) => cx * ROW + cy;

export function indexBoxes(boxes: readonly Box[]): BoxIndex {
  const capacity = Math.max(16, boxes.length * 2);
  const index: BoxIndex = {
    boxes: [],
    coords: new Float64Array(capacity * 4),
    softness: new Uint8Array(capacity),
    dead: new Uint8Array(capacity),
    cells: new Map(),
    big: [],
    seen: new Int32Array(capacity),
    query: 0,
  };
  for (const b of boxes) addBox(index, b);
  return index;
}

/** Sets box `i` aside (`live` false) or back: labels placed meanwhile may cover it, as when they
 * are never shown together with it. */
export function setBoxLive(index: BoxIndex, i: number, live: boolean): void {
  index.dead[i] = live ? 0 : 1;
}

function grow(index: BoxIndex): void {
  const capacity = index.seen.length * 2;
  const coords = new Float64Array(capacity * 4);
  coords.set(index.coords);
  const softness = new Uint8Array(capacity);
  softness.set(index.softness);
  const dead = new Uint8Array(capacity);
  dead.set(index.dead);
  const seen = new Int32Array(capacity);
  seen.set(index.seen);
  Object.assign(index, { coords, softness, dead, seen });
}

/** Adds `b` to the index: a label placed is a box the labels placed after it keep off. Returns
 * its number (for setBoxLive). */
export function addBox(index: BoxIndex, b: Box): number {
  const i = index.boxes.length;
  index.boxes.push(b);
  if (index.seen.length <= i) grow(index);
  const k = 4 * i;
  index.coords[k] = b.x0;
  index.coords[k + 1] = b.y0;
  index.coords[k + 2] = b.x1;
  index.coords[k + 3] = b.y1;
  index.softness[i] = b.soft ? 1 : 0;
  const cx0 = Math.floor(b.x0 / CELL);
  const cx1 = Math.floor(b.x1 / CELL);
  const cy0 = Math.floor(b.y0 / CELL);
  const cy1 = Math.floor(b.y1 / CELL);
  if (!((cx1 - cx0 + 1) * (cy1 - cy0 + 1) <= MAX_CELLS_PER_BOX)) {
    index.big.push(i);
    return i;
  }
  for (let cx = cx0; cx <= cx1; cx++) {
    for (let cy = cy0; cy <= cy1; cy++) {
      const key = cellKey(cx, cy);
      const list = index.cells.get(key);
      if (list) list.push(i);
      else index.cells.set(key, [i]);
    }
  }
  return i;
}

/** The box of a label placed at `p`. */
export function tagBox([x, y]: Pt): Box {
  return {
    x0: x - TAG_WIDTH / 2,
    y0: y - TAG_HEIGHT / 2,
    x1: x + TAG_WIDTH / 2,
    y1: y + TAG_HEIGHT / 2,
  };
}

/**
 * The live boxes that overlap [x0, x1] × [y0, y1], as box numbers into `into` (from 0; returns how
 * many), in the order boxesNear lists them.
 */
function idsNear(
  index: BoxIndex,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  into: Int32Array,
): { ids: Int32Array; count: number } {
  const { coords, seen, dead } = index;
  const q = ++index.query;
  let ids: Int32Array = into;
  let count = 0;
  const take = (i: number) => {
    if (seen[i] === q) return;
    seen[i] = q;
    if (dead[i]) return;
    const k = 4 * i;
    if (coords[k + 2]! > x0 && coords[k]! < x1 && coords[k + 3]! > y0 && coords[k + 1]! < y1) {
      if (count === ids.length) {
        const bigger = new Int32Array(ids.length * 2);
        bigger.set(ids);
        ids = bigger;
      }
      ids[count++] = i;
    }
  };
  for (const i of index.big) take(i);
  const cx0 = Math.floor(x0 / CELL);
  const cx1 = Math.floor(x1 / CELL);
  const cy0 = Math.floor(y0 / CELL);
  const cy1 = Math.floor(y1 / CELL);
  if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > index.cells.size) {
    // A region wider than the graph's occupied cells: walking the cells is cheaper.
    for (const list of index.cells.values()) for (const i of list) take(i);
    return { ids, count };
  }
  for (let cx = cx0; cx <= cx1; cx++) {
    for (let cy = cy0; cy <= cy1; cy++) {
      const list = index.cells.get(cellKey(cx, cy));
      if (list) for (const i of list) take(i);
    }
  }
  return { ids, count };
}

/** The boxes that overlap [x0, x1] × [y0, y1]. */
export function boxesNear(index: BoxIndex, x0: number, x1: number, y0: number, y1: number): Box[] {
  const { ids, count } = idsNear(index, x0, x1, y0, y1, new Int32Array(16));
  const near: Box[] = [];
  for (let k = 0; k < count; k++) near.push(index.boxes[ids[k]!]!);
  return near;
}

/** What covering box `i` with a label centred on (x, y) costs: nothing if they are apart; up to 1000
 * for the share of the label's TAG_WIDTH × TAG_HEIGHT box covered; and, if the box is not soft and
 * the label's ink touches it, a flat OVERLAP more. The flat part is what makes a label slide a
 * long way (or leave the line) rather than cover a corner of a value: a few pixels over a value
 * are as unreadable on a projector as many. */
function coveredAt(
  x: number,
  y: number,
  coords: Float64Array,
  softness: Uint8Array,
  i: number,
): number {
  const k = 4 * i;
  const bx0 = coords[k]!;
  const by0 = coords[k + 1]!;
  const bx1 = coords[k + 2]!;
  const by1 = coords[k + 3]!;
  const w = Math.min(x + TAG_WIDTH / 2, bx1) - Math.max(x - TAG_WIDTH / 2, bx0);
  if (w <= 0) return 0;
  const h = Math.min(y + TAG_HEIGHT / 2, by1) - Math.max(y - TAG_HEIGHT / 2, by0);
  if (h <= 0) return 0;
  const share = ((w * h) / (TAG_WIDTH * TAG_HEIGHT)) * 1000;
  if (softness[i]) return share;
  const inked =
    Math.min(x + INK_WIDTH / 2, bx1) > Math.max(x - INK_WIDTH / 2, bx0) &&
    Math.min(y + INK_HEIGHT / 2, by1) > Math.max(y - INK_HEIGHT / 2, by0);
  return inked ? share + OVERLAP : share;
}

const SAMPLES = 15;
/** How far beside its edge a label may sit (just clear of the line), and what that costs: more
 * than sliding it a good way along the edge, less than covering a tenth of a value. */
const BESIDE = TAG_HEIGHT / 2 + 3;
const BESIDE_PENALTY = 150;
/** Up to this bounding-box area (px²) an edge's nearby boxes are gathered once. */
const LOCAL_AREA = 600 * 600;
/** Scratch space for the box numbers near an edge (grown when an edge has more). */
let scratch: Int32Array = new Int32Array(64);
/** The places tried beside the curve, two numbers each. */
const besideScratch = new Float64Array(4 * SAMPLES);

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
  return placeTagScored(points, end, boxes, bulge).at;
}

/** placeTag, and whether the label's ink (INK_WIDTH × INK_HEIGHT) there covers nothing (`clear`):
 * where it does, the edge is too short for its label among what surrounds it, and the layout
 * makes room. */
export function placeTagScored(
  points: readonly Pt[],
  end: 'start' | 'end',
  boxes: readonly Box[] | BoxIndex,
  bulge = false,
): { at: Pt; clear: boolean } {
  const knots = curveKnots(points);
  const preferred: Pt =
    bulge && knots.length === 3
      ? knots[1]!
      : end === 'start'
        ? along(knots, 0, 0.42)
        : along(knots, knots.length - 2, 0.58);

  // Only the boxes near this edge can matter: for a short edge those around it, found once; for a
  // long one (an input feeding a node far right), those around each place tried.
  const index = 'cells' in boxes ? boxes : indexBoxes(boxes);
  const { coords, softness } = index;
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
  const local = (x1 - x0) * (y1 - y0) <= LOCAL_AREA;
  let aroundCount = -1;
  if (local) {
    const found = idsNear(
      index,
      x0 - TAG_WIDTH,
      x1 + TAG_WIDTH,
      y0 - TAG_HEIGHT,
      y1 + TAG_HEIGHT,
      scratch,
    );
    scratch = found.ids;
    aroundCount = found.count;
  }
  const around = scratch;
  // How much of a label at (x, y) the boxes cover, as a cost (a tenth of a label = 100), stopping
  // once it reaches `budget`.
  const coverage = (x: number, y: number, budget: number): number => {
    let c = 0;
    if (aroundCount >= 0) {
      for (let k = 0; k < aroundCount; k++) {
        if (c >= budget) return c;
        c += coveredAt(x, y, coords, softness, around[k]!);
      }
      return c;
    }
    const { seen, cells, dead } = index;
    const q = ++index.query;
    for (const i of index.big) {
      seen[i] = q;
      if (!dead[i]) c += coveredAt(x, y, coords, softness, i);
    }
    const cx0 = Math.floor((x - TAG_WIDTH / 2) / CELL);
    const cx1 = Math.floor((x + TAG_WIDTH / 2) / CELL);
    const cy0 = Math.floor((y - TAG_HEIGHT / 2) / CELL);
    const cy1 = Math.floor((y + TAG_HEIGHT / 2) / CELL);
    for (let gx = cx0; gx <= cx1; gx++) {
      for (let gy = cy0; gy <= cy1; gy++) {
        const list = cells.get(cellKey(gx, gy));
        if (!list) continue;
        for (const i of list) {
          if (seen[i] === q) continue;
          seen[i] = q;
          if (dead[i]) continue;
          c += coveredAt(x, y, coords, softness, i);
          if (c >= budget) return c;
        }
      }
    }
    return c;
  };
  const [px, py] = preferred;
  // The cost of a place: its distance from the preferred one plus how much it covers. Counting
  // stops (returning Infinity) once it cannot beat `limit`, so far places cost little to reject.
  const cost = (x: number, y: number, limit = Infinity) => {
    const dx = x - px;
    const dy = y - py;
    let c = Math.sqrt(dx * dx + dy * dy);
    if (c >= limit) return Infinity;
    c += coverage(x, y, limit - c);
    return c < limit ? c : Infinity;
  };

  let bestCost = cost(px, py);
  if (bestCost < 1) return { at: preferred, clear: true };
  let bestX = px;
  let bestY = py;
  // Sample the curve by arc length, away from the arrowhead and the argument's border.
  let total = 0;
  for (let i = 1; i < knots.length; i++) {
    total += Math.hypot(knots[i]![0] - knots[i - 1]![0], knots[i]![1] - knots[i - 1]![1]);
  }
  const beside = besideScratch;
  let besideCount = 0;
  for (let k = 1; k < SAMPLES; k++) {
    let d = (total * k) / SAMPLES;
    let segment = 0;
    let len = Math.hypot(knots[1]![0] - knots[0]![0], knots[1]![1] - knots[0]![1]);
    while (segment < knots.length - 2 && d > len) {
      d -= len;
      segment++;
      const a = knots[segment]!;
      const b = knots[segment + 1]!;
      len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
    const t = len > 0 ? Math.min(1, d / len) : 0;
    const p = knots[segment]!;
    const q = knots[segment + 1]!;
    const x = p[0] + t * (q[0] - p[0]);
    const y = p[1] + t * (q[1] - p[1]);
    const c = cost(x, y, bestCost);
    if (c < bestCost) {
      bestX = x;
      bestY = y;
      bestCost = c;
    }
    if (len > 0) {
      const nx = (-(q[1] - p[1]) / len) * BESIDE;
      const ny = ((q[0] - p[0]) / len) * BESIDE;
      beside[besideCount++] = x + nx;
      beside[besideCount++] = y + ny;
      beside[besideCount++] = x - nx;
      beside[besideCount++] = y - ny;
    }
  }
  // Where a short edge runs between crowded nodes, every point on it may cover a value; beside
  // the edge, just clear of it, may not. Such a place has to be clearly better to be taken (and
  // is not even looked at when a place on the edge is good enough).
  if (bestCost > BESIDE_PENALTY) {
    for (let i = 0; i < besideCount; i += 2) {
      const c = cost(beside[i]!, beside[i + 1]!, bestCost - BESIDE_PENALTY) + BESIDE_PENALTY;
      if (c < bestCost) {
        bestX = beside[i]!;
        bestY = beside[i + 1]!;
        bestCost = c;
      }
    }
  }
  const best: Pt = bestX === px && bestY === py ? preferred : [bestX, bestY];
  return { at: best, clear: inkClear(index, best[0], best[1]) };
}

/** Whether a label's ink at (x, y) covers no box but soft ones. */
function inkClear(index: BoxIndex, x: number, y: number): boolean {
  const x0 = x - INK_WIDTH / 2;
  const x1 = x + INK_WIDTH / 2;
  const y0 = y - INK_HEIGHT / 2;
  const y1 = y + INK_HEIGHT / 2;
  const found = idsNear(index, x0, x1, y0, y1, scratch);
  scratch = found.ids;
  for (let k = 0; k < found.count; k++) if (!index.softness[found.ids[k]!]) return false;
  return true;
}

/** The boxes of a label placed at `p`: its ink, which no other label may cover, and the margin
 * around it that they keep off if they can. */
export function labelBoxes([x, y]: Pt): Box[] {
  return [
    { ...tagBox([x, y]), soft: true },
    {
      x0: x - INK_WIDTH / 2,
      y0: y - INK_HEIGHT / 2,
      x1: x + INK_WIDTH / 2,
      y1: y + INK_HEIGHT / 2,
    },
  ];
}
