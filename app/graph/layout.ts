// The graph's drawing coordinates: a pure function from graph structure to positions, so it can run
// in a worker, be memoised per graph and be tested without a browser.
//
// A layered layout made for expression graphs, which are trees over a few shared nodes: columns
// left to right (inputs first, the output alone last); each node owned by the consumer that
// reaches it first from the output (a spanning forest), and every subtree placed as a tidy tree,
// its arguments stacked top to bottom in argument order against the subtree above them, column by
// column, and the node centred on them. A subtree's drawing depends on nothing outside it, so an
// edit moves only what it changed (and what it pushes aside), and the work is O(n log n): the
// per-column outlines of subtrees merge smaller into larger. An edge that skips columns is not a
// chain of waypoints (an input feeding every step of a 2,000-node chain once cost 600,000 points):
// it is drawn straight when nothing is in its way, threaded through the gaps of the columns it
// crosses while a budget of checks lasts, and otherwise carried in a lane above or below them.
// A drawing too big for a projector's graph area is laid out again more compactly where that makes
// it fit (see layoutWith): each node level with its first argument, rows further apart.
import type { NodeKind } from '../../ad-core/index.ts';
import {
  addBox,
  indexBoxes,
  labelBoxes,
  placeTagScored,
  setBoxLive,
  type Box,
} from './edgeLabels.ts';
import {
  FONT,
  LABEL_OVERHANG,
  borderPoint,
  leftLabelReach,
  nodeFootprint,
  nodeGeometry,
  textWidth,
  type LabelSide,
  type NodeGeometry,
} from './geometry.ts';
import { formulaLayers } from './layering.ts';

export interface LayoutNodeInput {
  id: number;
  kind: NodeKind;
  label: string;
  /** Text over the node (a binding's name, `output`), which edge labels must not cover. */
  tag?: string | undefined;
  /** Label lines beyond an operation's two (see geometry.ts). */
  extraLines?: number | undefined;
}

export interface LayoutEdgeInput {
  id: number;
  from: number;
  to: number;
  argIndex: 0 | 1;
}

/** The part of a Graph the layout depends on (small enough to post to a worker). */
export interface LayoutInput {
  nodes: readonly LayoutNodeInput[];
  edges: readonly LayoutEdgeInput[];
  output: number;
}

export interface LayoutNode {
  id: number;
  /** Centre of the node's shape. */
  x: number;
  y: number;
  /** An input's label side (see geometry.ts); absent for every other node. */
  labelSide?: LabelSide;
}

export interface LayoutEdge {
  id: number;
  /** From the argument's border to the consumer's border; draw with a basis curve. */
  points: [number, number][];
  /** Where a label about the consumer's side sits (the local partial): just before it. */
  mid: [number, number];
  /** Where a label about the argument's side sits (a contribution it receives): just after it. */
  tail: [number, number];
}

export interface Layout {
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

/** Gap between nodes in the same column, and between columns (room for arrows and labels). */
const ROW_GAP = 28;
const COLUMN_GAP = 40;
/** The gap between columns of a drawing re-spaced to fit a projector (see layoutWith). */
const TIGHT_COLUMN_GAP = 28;
/** Sideways distance between parallel copies of a repeated edge (`x*x`). */
const MULTI_EDGE_SPACING = 22;
/** Minimum angle between edge ends on one node, and the widest an end may lean. */
/** From this many inputs in the first column on, they write their labels on their left. */
const LEFT_LABELS_FROM = 4;
const MIN_END_SEPARATION = 0.38;
const MAX_END_ANGLE = 1.2;
const MARGIN = 12;
/** The tag over a node: its font size and how far above the shape its box reaches. */
const TAG_FONT = 15;
const TAG_RISE = 26;
/** Half the side of the box around an arrowhead's tip. */
const ARROW_BOX = 8;
/** How far a long edge keeps from the nodes it passes, and lanes from each other. */
const CLEARANCE = 8;
const LANE_GAP = 24;
const LANE_STEP = 10;
const LANES = 6;
/** Column checks long edges may spend threading through gaps, per node (then they take lanes). */
const ROUTE_BUDGET_PER_NODE = 40;

type Pt = [number, number];

/**
 * A subtree's outline: per column, the top and bottom of what it occupies there, relative to the
 * subtree's root; `shift` is added to every stored value (so moving a subtree is O(1)).
 */
interface Contour {
  cols: Map<number, [number, number]>;
  shift: number;
}

/** Ways to place shared inputs; small graphs try each and keep the drawing with fewest crossings. */
export interface Variant {
  /** Host an input read in several subtrees between them (adoptSharedInputs). */
  adopt: boolean;
  /** Re-order the first column by where its nodes' consumers are (repackFirstColumn). */
  repack: boolean;
}
export const VARIANTS: readonly Variant[] = [
  { adopt: true, repack: true },
  { adopt: true, repack: false },
  { adopt: false, repack: true },
  { adopt: false, repack: false },
];
/** Up to this many edges, every variant is laid out and its crossings counted (quadratic). */
const TRY_VARIANTS_EDGES = 80;

export function computeLayout(input: LayoutInput): Layout {
  const first = layoutWith(input, VARIANTS[0]!);
  if (input.edges.length > TRY_VARIANTS_EDGES) return first;
  // The other variants with the spacing the first found (see layoutWith): a re-spaced one only if
  // it fits as well.
  const spacing = spacingOf.get(first) ?? SPACINGS[0]!;
  let best = first;
  let fewest = crossings(first);
  for (const variant of VARIANTS.slice(1)) {
    if (fewest === 0) break;
    const layout = placeWith(input, variant, spacing);
    if (spacing !== SPACINGS[0] && projectorScale(layout) < PROJECTOR.minScale) continue;
    const count = crossings(layout);
    if (count < fewest) {
      best = layout;
      fewest = count;
      if (spacing !== SPACINGS[0]) spacingOf.set(layout, spacing);
    }
  }
  return best;
}

/** Pairs of edges whose polylines cross (the drawn curves follow them closely). */
export function crossings(layout: Layout): number {
  type P = readonly [number, number];
  const side = (p: P, q: P, r: P) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const cross = (a: P, b: P, c: P, d: P) =>
    side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
  const lines = layout.edges.map((e) => e.points);
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const p = lines[i]!;
    for (let j = i + 1; j < lines.length; j++) {
      const q = lines[j]!;
      let hit = false;
      for (let u = 1; u < p.length && !hit; u++) {
        for (let v = 1; v < q.length && !hit; v++) hit = cross(p[u - 1]!, p[u]!, q[v - 1]!, q[v]!);
      }
      if (hit) count++;
    }
  }
  return count;
}

/** Extra room given to a crowded gap between columns, per pass, and how many passes; in finer
 * steps where a drawing is re-spaced to fit a projector (a step too many and it does not). */
const ROOM_STEP = 28;
const ROOM_PASSES = 4;
const TIGHT_ROOM_STEP = 14;
const TIGHT_ROOM_PASSES = 7;
/** Up to this many nodes a drawing whose edge labels find no free place is laid out again with
 * wider gaps where they did not. Beyond, one pass (labels still keep off what they can): such a
 * graph does not fit a projector whole anyway (autoCollapse's limit), and each pass is a whole
 * layout: at 100 nodes the passes doubled the layout's share of keystroke-to-paint (bench:ui).
 * Every example, preset and lesson formula is below this (labelRoom.test.ts checks them all). */
const ROOM_NODES = 60;

/** A placement with `spacing`, crowded gaps widened up to ROOM_NODES nodes. */
function placeWith(input: LayoutInput, variant: Variant, spacing: Spacing): Layout {
  if (input.nodes.length === 0) return { width: 0, height: 0, nodes: [], edges: [] };
  if (input.nodes.length > ROOM_NODES) return layoutPass(input, variant, null, spacing).layout;
  return roomyLayout(input, variant, spacing, false)!;
}

export function layoutWith(input: LayoutInput, variant: Variant): Layout {
  if (input.nodes.length === 0 || input.nodes.length > ROOM_NODES) {
    return placeWith(input, variant, SPACINGS[0]!);
  }
  // A drawing that does not fit the projector's graph area is laid out again more compactly: each
  // node level with its first argument (the main path a straight line, the other arguments below
  // it) rather than centred on all of them, whose edges slope both ways past the tall label stacks
  // of blocks; and with rows further apart, which makes edges between columns steep enough for
  // their labels to sit between the columns' text rather than in a wider gap. The first spacing
  // that fits is kept; if none does, the first (a drawing that does not fit is shown in part or
  // with blocks collapsed, and an edit that adds to it does not re-space what was there).
  const first = roomyLayout(input, variant, SPACINGS[0]!, false)!;
  const scale = projectorScale(first);
  // Compact spacings save at most about a fifth: a drawing further off is not tried again.
  if (scale >= PROJECTOR.minScale || scale < PROJECTOR.minScale * FAR_OFF) return first;
  for (const spacing of SPACINGS.slice(1)) {
    const layout = roomyLayout(input, variant, spacing, true);
    if (layout && projectorScale(layout) >= PROJECTOR.minScale) {
      spacingOf.set(layout, spacing);
      return layout;
    }
  }
  return first;
}

/** The spacing a layout was drawn with, when not the first (see layoutWith). */
const spacingOf = new WeakMap<Layout, Spacing>();
/** Whether `layout` was re-spaced to fit the projector (see layoutWith): for tests. */
export function isRespaced(layout: Layout): boolean {
  return spacingOf.has(layout);
}

/** Below this share of the scale that fits, no spacing makes a drawing fit (see layoutWith). */
const FAR_OFF = 0.75;

/** Where a node stands against its arguments: centred on them, or level with the first. */
type Align = 'centre' | 'first';
interface Spacing {
  align: Align;
  rowGap: number;
  columnGap: number;
  roomStep: number;
  roomPasses: number;
}
const TIGHT = {
  columnGap: TIGHT_COLUMN_GAP,
  roomStep: TIGHT_ROOM_STEP,
  roomPasses: TIGHT_ROOM_PASSES,
};
/** Tried in turn for a drawing that does not fit (see layoutWith). */
const SPACINGS: readonly Spacing[] = [
  {
    align: 'centre',
    rowGap: ROW_GAP,
    columnGap: COLUMN_GAP,
    roomStep: ROOM_STEP,
    roomPasses: ROOM_PASSES,
  },
  { align: 'centre', rowGap: ROW_GAP, ...TIGHT },
  { align: 'first', rowGap: ROW_GAP, ...TIGHT },
  { align: 'first', rowGap: ROW_GAP + 16, ...TIGHT },
  { align: 'first', rowGap: ROW_GAP + 32, ...TIGHT },
  { align: 'centre', rowGap: ROW_GAP + 32, ...TIGHT },
];

/**
 * The graph area a teacher's projector shows at 1280×720 with both side columns (drawing units
 * at scale 1, less the view's padding and button band: see useZoom's wholeScale), and the least
 * scale at which its text stays 14 px (15 px text).
 */
export const PROJECTOR = { width: 614 - 32, height: 527 - 68, minScale: 14 / 15 } as const;

/** The scale at which `layout` would show whole in the projector's graph area. */
export function projectorScale(layout: { width: number; height: number }): number {
  return Math.min(PROJECTOR.width / layout.width, PROJECTOR.height / layout.height);
}

/** A placement with `spacing`, its crowded column gaps widened (see ROOM_STEP); null when
 * `onlyIfFits` and even its first pass does not fit the projector (widening only adds). */
function roomyLayout(
  input: LayoutInput,
  variant: Variant,
  spacing: Spacing,
  onlyIfFits: boolean,
): Layout | null {
  // A fan-out step shows a contribution on every edge into one node at once; where a column gap
  // is too narrow for them beside the nodes' own labels, the gap widens (by structure only, so a
  // new point never moves anything) and the drawing is placed again.
  let extra: Float64Array | null = null;
  for (let pass = 0; ; pass++) {
    const { layout, crowded, columns } = layoutPass(input, variant, extra, spacing);
    if (pass === 0 && onlyIfFits && projectorScale(layout) < PROJECTOR.minScale) return null;
    if (crowded.size === 0 || pass + 1 >= spacing.roomPasses) return layout;
    extra ??= new Float64Array(columns);
    for (const c of crowded) extra[c] = extra[c]! + spacing.roomStep;
  }
}

/**
 * One placement. `extra`: room added before each column (see layoutWith). Returns the drawing and
 * the columns before which an edge label found no place clear of everything shown with it.
 */
function layoutPass(
  input: LayoutInput,
  variant: Variant,
  extra: Float64Array | null,
  spacing: Spacing,
): { layout: Layout; crowded: Set<number>; columns: number } {
  const n = input.nodes.length;

  const geometry: NodeGeometry[] = input.nodes.map((node) => nodeGeometry(node));
  const footprint = geometry.map(nodeFootprint);
  const indexOf = new Map<number, number>(input.nodes.map((node, i) => [node.id, i]));
  const idx = (id: number): number => {
    const i = indexOf.get(id);
    if (i === undefined) throw new Error(`edge refers to unknown node ${id}`);
    return i;
  };
  // Distinct arguments in argument order, consumers, and each (from, to) pair's edge copies.
  const args: number[][] = Array.from({ length: n }, () => []);
  const consumers: number[][] = Array.from({ length: n }, () => []);
  const pairs = new Map<number, { a: number; b: number; ids: number[] }>();
  const links: [number, number][] = [];
  const sorted = [...input.edges].sort((a, b) => a.argIndex - b.argIndex || a.id - b.id);
  for (const e of sorted) {
    const a = idx(e.from);
    const b = idx(e.to);
    const key = a * n + b;
    const pair = pairs.get(key);
    if (pair) {
      pair.ids.push(e.id);
      continue;
    }
    pairs.set(key, { a, b, ids: [e.id] });
    args[b]!.push(a);
    consumers[a]!.push(b);
    links.push([a, b]);
  }
  const out = idx(input.output);
  const rawLayer = formulaLayers(
    input.nodes.map((node) => node.kind),
    links,
    out,
  );
  // Column indices without gaps.
  let maxLayer = 0;
  for (const l of rawLayer) maxLayer = Math.max(maxLayer, l);
  const dense = new Int32Array(maxLayer + 1).fill(-1);
  for (const l of rawLayer) dense[l] = 0;
  let columns = 0;
  for (let l = 0; l <= maxLayer; l++) if (dense[l] === 0) dense[l] = columns++;
  const col = Int32Array.from(rawLayer, (l) => dense[l]!);

  // A first column of many inputs (a neuron's, a network's) is what makes a drawing too tall for
  // a screen: there they write their labels on the left, where nothing else is, and take a box's
  // height each. A few inputs, and any placed beside its consumer further right, write them below
  // like an operation, which keeps a small drawing narrow.
  let firstColumnInputs = 0;
  for (let i = 0; i < n; i++)
    if (input.nodes[i]!.kind === 'input' && col[i] === 0) firstColumnInputs++;
  const side: LabelSide[] = input.nodes.map((node, i) =>
    node.kind === 'input' && (col[i]! > 0 || firstColumnInputs <= LEFT_LABELS_FROM - 1)
      ? 'below'
      : 'left',
  );
  for (let i = 0; i < n; i++) {
    if (side[i] === 'below') {
      geometry[i] = nodeGeometry(input.nodes[i]!, 'below');
      footprint[i] = nodeFootprint(geometry[i]!);
    }
  }
  // What each node occupies around its centre: the tag above the shape, the labels below it.
  const above = new Float64Array(n);
  const below = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    above[i] = geometry[i]!.h / 2 + (input.nodes[i]!.tag ? TAG_RISE : 0);
    below[i] = footprint[i]!.h - geometry[i]!.h / 2;
  }

  // The spanning forest: roots are the nodes nobody consumes (the output first), and each node
  // belongs to the first consumer a depth-first walk from the roots, arguments in order, meets.
  const roots: number[] = [];
  if (consumers[out]!.length === 0) roots.push(out);
  for (let i = 0; i < n; i++) if (i !== out && consumers[i]!.length === 0) roots.push(i);
  const kids: number[][] = Array.from({ length: n }, () => []);
  const owner = new Int32Array(n).fill(-1);
  const pre = new Int32Array(n);
  const depth = new Int32Array(n);
  const treeOf = new Int32Array(n);
  const visited = new Uint8Array(n);
  const next = new Int32Array(n);
  const post: number[] = [];
  let discovered = 0;
  roots.forEach((root, t) => {
    visited[root] = 1;
    pre[root] = discovered++;
    treeOf[root] = t;
    const stack = [root];
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      const list = args[v]!;
      if (next[v]! < list.length) {
        const a = list[next[v]!++]!;
        if (!visited[a]) {
          visited[a] = 1;
          pre[a] = discovered++;
          depth[a] = depth[v]! + 1;
          treeOf[a] = t;
          owner[a] = v;
          kids[v]!.push(a);
          stack.push(a);
        }
      } else {
        post.push(v);
        stack.pop();
      }
    }
  });
  const moved = variant.adopt
    ? adoptSharedInputs(input, consumers, kids, owner, pre, depth, treeOf)
    : new Uint8Array(n);

  // Tidy trees, bottom up: each node's offset from its owner.
  const rel = new Float64Array(n);
  const contours: (Contour | null)[] = new Array<Contour | null>(n).fill(null);
  for (const v of post) {
    const { contour, centre } = stackContours(
      kids[v]!,
      contours,
      rel,
      col,
      above,
      below,
      moved,
      spacing.rowGap,
      spacing.align,
    );
    contour.shift -= centre;
    for (const k of kids[v]!) rel[k] = rel[k]! - centre;
    contour.cols.set(col[v]!, [-above[v]! - contour.shift, below[v]! - contour.shift]);
    contours[v] = contour;
  }
  const cy = new Float64Array(n);
  {
    stackContours(roots, contours, rel, col, above, below, null, spacing.rowGap);
    for (const r of roots) cy[r] = rel[r]!;
    for (let k = post.length - 1; k >= 0; k--) {
      const v = post[k]!;
      for (const c of kids[v]!) cy[c] = cy[v]! + rel[c]!;
    }
  }
  if (variant.repack) repackFirstColumn(col, consumers, cy, above, below, spacing.rowGap);

  // Columns as wide as their widest footprint.
  const colWidth = new Float64Array(columns);
  for (let i = 0; i < n; i++) colWidth[col[i]!] = Math.max(colWidth[col[i]!]!, footprint[i]!.w);
  const colX = new Float64Array(columns);
  for (let c = 1; c < columns; c++) {
    colX[c] =
      colX[c - 1]! +
      colWidth[c - 1]! / 2 +
      spacing.columnGap +
      (extra?.[c] ?? 0) +
      colWidth[c]! / 2;
  }
  const cx = new Float64Array(n);
  for (let i = 0; i < n; i++) cx[i] = colX[col[i]!]!;

  const route = longEdgeRouter(n, links, col, cx, cy, above, below, colX, colWidth);

  // Each edge's middle section, with parallel copies of repeated edges offset sideways.
  const middles = new Map<number, Pt[]>();
  const bulged = new Set<number>();
  const pairList = [...pairs.values()];
  // Shorter edges first, so that the routing budget goes where it buys the most.
  pairList.sort((p, q) => col[p.b]! - col[p.a]! - (col[q.b]! - col[q.a]!) || p.ids[0]! - q.ids[0]!);
  for (const { a, b, ids } of pairList) {
    const base = col[b]! - col[a]! > 1 ? route(a, b) : [];
    ids.forEach((id, j) => {
      const offset = (j - (ids.length - 1) / 2) * MULTI_EDGE_SPACING;
      let pts = base.map(([x, y]): Pt => [x, y + offset]);
      if (pts.length === 0 && offset !== 0) {
        // Bulge enough that the copies' labels (at the curve's middle) do not overlap.
        pts = [[(cx[a]! + cx[b]!) / 2, (cy[a]! + cy[b]!) / 2 + offset * 2.4]];
        bulged.add(id);
      }
      middles.set(id, pts);
    });
  }

  // Where each edge leaves its argument and enters its consumer: aimed at the neighbouring point,
  // then pushed apart so that several edges on one node never share an arrowhead.
  const startAngle = new Map<number, number>();
  const endAngle = new Map<number, number>();
  const outgoing: number[][] = Array.from({ length: n }, () => []);
  const incoming: number[][] = Array.from({ length: n }, () => []);
  const edgeById = new Map(input.edges.map((e) => [e.id, e]));
  for (const e of input.edges) {
    outgoing[idx(e.from)]!.push(e.id);
    incoming[idx(e.to)]!.push(e.id);
  }
  for (let i = 0; i < n; i++) {
    spread(
      outgoing[i]!.map((id) => {
        const e = edgeById.get(id)!;
        const to = idx(e.to);
        const nextPt = middles.get(id)![0] ?? [cx[to]!, cy[to]!];
        return { id, angle: Math.atan2(nextPt[1] - cy[i]!, Math.max(1, nextPt[0] - cx[i]!)) };
      }),
      startAngle,
    );
    spread(
      incoming[i]!.map((id) => {
        const e = edgeById.get(id)!;
        const from = idx(e.from);
        const m = middles.get(id)!;
        const prev = m[m.length - 1] ?? [cx[from]!, cy[from]!];
        // Angle measured on the left side of the node: positive = below.
        return { id, angle: Math.atan2(prev[1] - cy[i]!, Math.max(1, cx[i]! - prev[0])) };
      }),
      endAngle,
    );
  }

  // Every edge's path, from the argument's border to the consumer's.
  const routed = input.edges.map((e) => {
    const a = idx(e.from);
    const b = idx(e.to);
    const start = borderPoint(geometry[a]!, cx[a]!, cy[a]!, startAngle.get(e.id)!);
    const end = borderPoint(geometry[b]!, cx[b]!, cy[b]!, Math.PI - endAngle.get(e.id)!);
    const points: Pt[] = [start, ...middles.get(e.id)!, end];
    return { id: e.id, points };
  });

  // What edge labels keep off: every node's shape, the block of value labels under it and the
  // tag over it (separate boxes, not one around all, whose empty corners beside a round shape
  // would push labels off edges that pass there), and every arrowhead.
  const boxes: Box[] = [];
  input.nodes.forEach((node, i) => boxes.push(...nodeBoxes(node, geometry[i]!, cx[i]!, cy[i]!)));
  for (const { points } of routed) boxes.push(arrowBox(points));
  const boxIndex = indexBoxes(boxes);

  // Every label placed is a box the next ones keep off: the partials first (all shown at once),
  // then the contributions, which are shown one node's step at a time: all of those arriving at
  // its arguments at once (replacing those edges' partials), none of any other step's.
  const crowded = new Set<number>();
  const midBox: number[][] = [];
  const add = (at: Pt) => labelBoxes(at).map((b) => addBox(boxIndex, b));
  const mids = routed.map(({ id, points }) => {
    const { at, clear } = placeTagScored(points, 'end', boxIndex, bulged.has(id));
    midBox.push(add(at));
    if (!clear) crowded.add(col[idx(edgeById.get(id)!.to)]!);
    return at;
  });
  const tails: (Pt | undefined)[] = new Array<Pt | undefined>(routed.length);
  const routedAt = new Map(routed.map((r, k) => [r.id, k]));
  const groupOf = new Int32Array(routed.length);
  const placeGroup = (v: number) => {
    const group = incoming[v]!.map((id) => routedAt.get(id)!);
    if (group.length === 0) return;
    for (const k of group) for (const b of midBox[k]!) setBoxLive(boxIndex, b, false);
    const placed: number[] = [];
    for (const k of group) {
      const { id, points } = routed[k]!;
      const { at, clear } = placeTagScored(points, 'start', boxIndex, bulged.has(id));
      placed.push(...add(at));
      if (!clear) crowded.add(col[idx(edgeById.get(id)!.from)]! + 1);
      tails[k] = at;
    }
    for (const b of placed) setBoxLive(boxIndex, b, false);
    for (const k of group) for (const b of midBox[k]!) setBoxLive(boxIndex, b, true);
  };
  // A contribution's place is only needed when its step is shown, and a group's places depend on
  // the nodes, arrowheads and partials alone (each group's own labels are set aside once placed),
  // so past ROOM_NODES (where no widening pass asks whether they found room) they are placed on
  // first use, group by group, with the same result as placing them all here: half the labels'
  // cost leaves the keystroke. A layout posted from the worker is read whole, so it has them all.
  const lazyTails = n > ROOM_NODES;
  for (let v = 0; v < n; v++) {
    if (!lazyTails) placeGroup(v);
    else for (const id of incoming[v]!) groupOf[routedAt.get(id)!] = v;
  }
  const tailOf = (k: number): Pt => {
    if (tails[k] === undefined) placeGroup(groupOf[k]!);
    return tails[k]!;
  };
  const edges = routed.map(({ id, points }, k) => ({ id, points, mid: mids[k]! }));

  // Normalise so that every footprint and edge point lies inside [0, width] × [0, height].
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const f = footprint[i]!;
    const top = cy[i]! - geometry[i]!.h / 2;
    minX = Math.min(minX, cx[i]! - Math.max(f.w / 2, leftLabelReach(geometry[i]!)));
    maxX = Math.max(maxX, cx[i]! + f.w / 2);
    minY = Math.min(minY, top - (input.nodes[i]!.tag ? TAG_RISE : 0));
    maxY = Math.max(maxY, top + f.h);
  }
  for (const e of edges) {
    for (const [x, y] of e.points) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  const shift = ([x, y]: Pt): Pt => [x + dx, y + dy];
  const layout: Layout = {
    width: maxX - minX + 2 * MARGIN,
    height: maxY - minY + 2 * MARGIN,
    nodes: input.nodes.map((node, i) =>
      node.kind === 'input'
        ? { id: node.id, x: cx[i]! + dx, y: cy[i]! + dy, labelSide: side[i]! }
        : { id: node.id, x: cx[i]! + dx, y: cy[i]! + dy },
    ),
    edges: edges.map((e, k) =>
      lazyTails
        ? lazyTail({ id: e.id, points: e.points.map(shift), mid: shift(e.mid) }, () =>
            shift(tailOf(k)),
          )
        : { id: e.id, points: e.points.map(shift), mid: shift(e.mid), tail: shift(tailOf(k)) },
    ),
  };
  if (bulged.size > 0) bulgedOf.set(layout, [...bulged]);
  return { layout, crowded, columns };
}

/** The edges of a layout drawn as bulging parallel copies (their labels go at the bulge). */
const bulgedOf = new WeakMap<Layout, number[]>();

/**
 * What a worker posts: the layout without its contributions' places (`tail`), which would be
 * computed only to be copied (structured clone reads every property), and the edges that bulge.
 * `withLazyTails` on the other side places them on first read, from the layout itself.
 */
export function postableLayout(layout: Layout): {
  layout: Omit<Layout, 'edges'> & { edges: Omit<LayoutEdge, 'tail'>[] };
  bulged: number[];
} {
  return {
    layout: {
      width: layout.width,
      height: layout.height,
      nodes: layout.nodes,
      edges: layout.edges.map((e) => ({ id: e.id, points: e.points, mid: e.mid })),
    },
    bulged: bulgedOf.get(layout) ?? [],
  };
}

/**
 * A posted layout (see postableLayout) with `tail` on every edge, placed on first read as the
 * layout places them (against every node's boxes, the arrowheads and the partials, one consumer's
 * contributions at a time), in the drawing's own coordinates.
 */
export function withLazyTails(
  posted: ReturnType<typeof postableLayout>['layout'],
  input: LayoutInput,
  bulgedIds: readonly number[],
): Layout {
  let tailOf: ((k: number) => Pt) | null = null;
  const placer = (): ((k: number) => Pt) => {
    const nodeIndex = new Map<number, number>(input.nodes.map((node, i) => [node.id, i]));
    const boxes: Box[] = [];
    posted.nodes.forEach((p) => {
      const node = input.nodes[nodeIndex.get(p.id)!]!;
      const g =
        node.kind === 'input' && p.labelSide === 'below'
          ? nodeGeometry(node, 'below')
          : nodeGeometry(node);
      boxes.push(...nodeBoxes(node, g, p.x, p.y));
    });
    for (const { points } of posted.edges) boxes.push(arrowBox(points));
    const index = indexBoxes(boxes);
    const add = (at: Pt) => labelBoxes(at).map((b) => addBox(index, b));
    const midBox = posted.edges.map((e) => add(e.mid));
    const at = new Map(posted.edges.map((e, k) => [e.id, k]));
    const incoming = new Map<number, number[]>();
    const groupOf = new Int32Array(posted.edges.length);
    for (const e of input.edges) {
      const k = at.get(e.id);
      if (k === undefined) continue;
      const group = incoming.get(e.to) ?? [];
      if (group.length === 0) incoming.set(e.to, group);
      group.push(k);
      groupOf[k] = e.to;
    }
    const bulged = new Set(bulgedIds);
    const tails: (Pt | undefined)[] = new Array<Pt | undefined>(posted.edges.length);
    return (k) => {
      if (tails[k] === undefined) {
        const group = incoming.get(groupOf[k]!) ?? [k];
        for (const j of group) for (const b of midBox[j]!) setBoxLive(index, b, false);
        const placed: number[] = [];
        for (const j of group) {
          const { id, points } = posted.edges[j]!;
          const spot = placeTagScored(points, 'start', index, bulged.has(id)).at;
          placed.push(...add(spot));
          tails[j] = spot;
        }
        for (const b of placed) setBoxLive(index, b, false);
        for (const j of group) for (const b of midBox[j]!) setBoxLive(index, b, true);
      }
      return tails[k]!;
    };
  };
  return {
    width: posted.width,
    height: posted.height,
    nodes: posted.nodes,
    edges: posted.edges.map((e, k) => lazyTail(e, () => (tailOf ??= placer())(k))),
  };
}

/** `edge` with a `tail` computed on first read (then kept as a plain property): an ordinary
 * enumerable property to every reader, structured clone and JSON included. */
function lazyTail(edge: Omit<LayoutEdge, 'tail'>, tail: () => Pt): LayoutEdge {
  return Object.defineProperty(edge, 'tail', {
    enumerable: true,
    configurable: true,
    get(this: LayoutEdge): Pt {
      const at = tail();
      Object.defineProperty(this, 'tail', { value: at, enumerable: true, writable: true });
      return at;
    },
  }) as LayoutEdge;
}

/** Half the height of the text in a node's shape (a 20 px symbol or name). */
const SYMBOL_HALF_HEIGHT = 12;
const symbolFont = (kind: NodeKind) =>
  kind === 'input' ? FONT.inputName : kind === 'constant' ? FONT.constant : FONT.symbol;

/** The room an arrowhead takes at the end of an edge (a soft box: labels avoid it if they can). */
function arrowBox(points: readonly (readonly [number, number])[]): Box {
  const [x, y] = points[points.length - 1]!;
  return { x0: x - ARROW_BOX, y0: y - ARROW_BOX, x1: x + ARROW_BOX, y1: y + ARROW_BOX, soft: true };
}

/**
 * The boxes a node's text occupies around its centre (cx, cy), which edge labels keep off: its
 * shape, the block of value labels under it (or on its left) and the tag over it (separate
 * boxes, not one around all, whose empty corners beside a round shape would push labels off edges
 * that pass there). `g`: its geometry with the label side the layout chose.
 */
export function nodeBoxes(node: LayoutNodeInput, g: NodeGeometry, cx: number, cy: number): Box[] {
  const boxes: Box[] = [];
  const top = cy - g.h / 2;
  // The shape, kept off where a label can; the symbol in it, always.
  boxes.push({ x0: cx - g.w / 2, y0: top, x1: cx + g.w / 2, y1: top + g.h, soft: true });
  // A collapsed call's name (`neuron(…)`) may run wider than its shape.
  const symbol = (textWidth(node.label, symbolFont(node.kind)) + 4) / 2;
  boxes.push({
    x0: cx - symbol,
    y0: cy - SYMBOL_HALF_HEIGHT,
    x1: cx + symbol,
    y1: cy + SYMBOL_HALF_HEIGHT,
  });
  const f = nodeFootprint(g);
  const reach = leftLabelReach(g);
  if (reach > 0) {
    // Labels on the left (inputs): beside the shape, as tall as the footprint.
    boxes.push({ x0: cx - reach, y0: cy - f.h / 2, x1: cx - g.w / 2, y1: cy + f.h / 2 });
  } else if (f.h > g.h) {
    // The layout spaces columns by labelWidth, but a line such as `v₁₂ = −0.4229` runs wider, and a
    // block's (`neuron(…) = −0.8854`) wider still.
    const w = Math.max(
      g.w,
      g.labelWidth + LABEL_OVERHANG,
      textWidth(`${node.label} = −0.0000`, FONT.value),
    );
    boxes.push({ x0: cx - w / 2, y0: top + g.h, x1: cx + w / 2, y1: top + f.h });
  }
  if (node.tag) {
    const w = textWidth(node.tag, TAG_FONT) + 6;
    boxes.push({ x0: cx - w / 2, y0: top - TAG_RISE, x1: cx + w / 2, y1: top });
  }
  return boxes;
}

/**
 * Stacks the subtrees of `items` (in order, top to bottom) as close as their outlines allow, `gap`
 * apart, each no higher than the one before. Writes each item's offset into `rel` and returns their
 * merged outline (in the first item's frame) and where the node over them stands: centred between
 * the first and the last item, or level with the first (`align`). The outlines are consumed.
 */
function stackContours(
  items: readonly number[],
  contours: (Contour | null)[],
  rel: Float64Array,
  col: Int32Array,
  above: Float64Array,
  below: Float64Array,
  adopted: Uint8Array | null,
  gap: number,
  align: Align = 'centre',
): { contour: Contour; centre: number } {
  let acc: Contour | null = null;
  let prev = -1;
  for (const item of items) {
    const own = contours[item]!;
    contours[item] = null;
    if (!acc) {
      acc = own;
      rel[item] = 0;
      prev = item;
      continue;
    }
    // The least offset for `item` that keeps it below everything stacked so far, column by column,
    // and never above the item before it (the arguments keep their order). Items in different
    // columns may stand side by side: an input hosted between two blocks (adoptSharedInputs)
    // stacked as if in their column put the blocks of one layer 436 px apart.
    let offset = rel[prev]! + (col[prev] === col[item] ? below[prev]! + gap + above[item]! : 0);
    const small: Contour = own.cols.size < acc.cols.size ? own : acc;
    const large: Contour = small === own ? acc : own;
    for (const [c, [top, bottom]] of small.cols) {
      const other = large.cols.get(c);
      if (!other) continue;
      const ownTop = (small === own ? top : other[0]) + own.shift;
      const accBottom = (small === acc ? bottom : other[1]) + acc.shift;
      offset = Math.max(offset, accBottom + gap - ownTop);
    }
    rel[item] = offset;
    // Merge the smaller outline into the larger; the result is in acc's frame.
    own.shift += offset;
    const into: Contour = large;
    const from: Contour = small;
    for (const [c, [top, bottom]] of from.cols) {
      const t = top + from.shift - into.shift;
      const b = bottom + from.shift - into.shift;
      const there = into.cols.get(c);
      if (there) {
        there[0] = Math.min(there[0], t);
        there[1] = Math.max(there[1], b);
      } else {
        into.cols.set(c, [t, b]);
      }
    }
    acc = into;
    prev = item;
  }
  if (!acc) return { contour: { cols: new Map(), shift: 0 }, centre: 0 };
  // Centred on its own arguments; an input it only hosts (see adoptSharedInputs) does not count.
  let first = -1;
  let last = -1;
  for (const item of items) {
    if (adopted?.[item]) continue;
    if (first < 0) first = item;
    last = item;
  }
  if (first < 0) {
    first = items[0]!;
    last = items[items.length - 1]!;
  }
  const centre = align === 'first' ? rel[first]! : (rel[first]! + rel[last]!) / 2;
  return { contour: acc, centre };
}

/**
 * The first column holds only leaves (inputs, and constants read in the second column), so it can
 * be re-ordered freely: each node goes as near as it can to the mean height of its consumers, in
 * that order, no two closer than the row gap (least squares under order constraints: pool
 * adjacent violators, O(n)).
 */
function repackFirstColumn(
  col: Int32Array,
  consumers: readonly number[][],
  cy: Float64Array,
  above: Float64Array,
  below: Float64Array,
  gap: number,
): void {
  const nodes: number[] = [];
  for (let i = 0; i < col.length; i++) if (col[i] === 0) nodes.push(i);
  repackColumn(nodes, consumers, cy, above, below, gap);
}

/**
 * Re-orders `nodes` (one column) by the mean height of their `neighbours` and places each as near
 * as it can to that height, in that order, no two closer than the row gap: least squares under
 * order constraints (pool adjacent violators, O(n)).
 */
function repackColumn(
  nodes: number[],
  neighbours: readonly number[][],
  cy: Float64Array,
  above: Float64Array,
  below: Float64Array,
  gap: number,
): void {
  if (nodes.length === 0) return;
  const want = new Map<number, number>();
  for (const i of nodes) {
    const list = neighbours[i]!;
    let sum = 0;
    for (const c of list) sum += cy[c]!;
    want.set(i, list.length > 0 ? sum / list.length : cy[i]!);
  }
  nodes.sort((a, b) => want.get(a)! - want.get(b)! || cy[a]! - cy[b]!);
  // Offsets that keep the gaps, then isotonic regression of (wanted − offset).
  const offset = new Float64Array(nodes.length);
  for (let k = 1; k < nodes.length; k++) {
    offset[k] = offset[k - 1]! + below[nodes[k - 1]!]! + gap + above[nodes[k]!]!;
  }
  const blockMean: number[] = [];
  const blockSize: number[] = [];
  nodes.forEach((node, k) => {
    let mean = want.get(node)! - offset[k]!;
    let size = 1;
    while (blockMean.length > 0 && blockMean[blockMean.length - 1]! >= mean) {
      const m = blockMean.pop()!;
      const s = blockSize.pop()!;
      mean = (m * s + mean * size) / (s + size);
      size += s;
    }
    blockMean.push(mean);
    blockSize.push(size);
  });
  let k = 0;
  blockMean.forEach((mean, b) => {
    for (let j = 0; j < blockSize[b]!; j++, k++) cy[nodes[k]!] = mean + offset[k]!;
  });
}

/**
 * An input read in several places (`x1` by both neurons of a layer) first belongs to the first
 * consumer met, deep in one subtree, and its other edges cross everything between. Instead it is
 * hosted by the lowest common ancestor of its consumers, between the subtrees that hold them, so
 * that its edges fan out to both sides. Returns which nodes are hosted by a non-consumer.
 */
function adoptSharedInputs(
  input: LayoutInput,
  consumers: readonly number[][],
  kids: number[][],
  owner: Int32Array,
  pre: Int32Array,
  depth: Int32Array,
  treeOf: Int32Array,
): Uint8Array {
  const n = input.nodes.length;
  const adopted = new Uint8Array(n);
  // Walking up to a common ancestor is O(depth); a budget keeps pathological graphs linear.
  let budget = 20 * n + 1000;
  for (let i = 0; i < n; i++) {
    const users = consumers[i]!;
    if (input.nodes[i]!.kind !== 'input' || users.length < 2 || owner[i]! < 0) continue;
    let u = users[0]!;
    let w = users[0]!;
    for (const c of users) {
      if (pre[c]! < pre[u]!) u = c;
      if (pre[c]! > pre[w]!) w = c;
    }
    if (treeOf[u] !== treeOf[w]) continue;
    // Up from both to the common ancestor, remembering the child of it on each side.
    let a = u;
    let b = w;
    let belowA = -1;
    let belowB = -1;
    while (depth[a]! > depth[b]! && budget-- > 0) [belowA, a] = [a, owner[a]!];
    while (depth[b]! > depth[a]! && budget-- > 0) [belowB, b] = [b, owner[b]!];
    while (a !== b && budget-- > 0) {
      [belowA, a] = [a, owner[a]!];
      [belowB, b] = [b, owner[b]!];
    }
    if (budget <= 0) break;
    const host = a;
    if (host === owner[i]) continue;
    const from = kids[owner[i]!]!;
    from.splice(from.indexOf(i), 1);
    const to = kids[host]!;
    let at = belowA >= 0 ? to.indexOf(belowA) + 1 : belowB >= 0 ? to.indexOf(belowB) : to.length;
    // After the inputs hosted there before (they come earlier in the tape: keep that order).
    while (at < to.length && adopted[to[at]!]) at++;
    to.splice(at, 0, i);
    owner[i] = host;
    adopted[i] = consumers[i]!.includes(host) ? 0 : 1;
  }
  return adopted;
}

/**
 * Routes edges that skip columns: returns the interior points of one from node `a` to node `b`.
 * Straight when all columns in between lie entirely below or above it; otherwise through the gap
 * nearest its line in each column it would cross (two points per blocked column), while a budget
 * of column checks lasts; past it, along a lane just above or below the columns in between, so that
 * no edge costs points in proportion to its length.
 */
function longEdgeRouter(
  n: number,
  links: readonly (readonly [number, number])[],
  col: Int32Array,
  cx: Float64Array,
  cy: Float64Array,
  above: Float64Array,
  below: Float64Array,
  colX: Float64Array,
  colWidth: Float64Array,
): (a: number, b: number) => Pt[] {
  const columns = colX.length;
  // Each column's nodes, top to bottom, as [top, bottom] intervals.
  const byCol: number[][] = Array.from({ length: columns }, () => []);
  for (let i = 0; i < n; i++) byCol[col[i]!]!.push(i);
  // How many of each node's edges leave it upward and downward: passing a node on one side
  // crosses those, so an edge goes round on the side with fewer.
  const up = new Int32Array(n);
  const down = new Int32Array(n);
  for (const [a, b] of links) {
    if (cy[a]! < cy[b]! - 1) {
      up[b]!++;
      down[a]!++;
    } else if (cy[a]! > cy[b]! + 1) {
      down[b]!++;
      up[a]!++;
    }
  }
  const nodesOf: Int32Array[] = [];
  const tops: Float64Array[] = [];
  const bottoms: Float64Array[] = [];
  const colTop = new Float64Array(columns);
  const colBottom = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    const list = byCol[c]!.sort((p, q) => cy[p]! - cy[q]!);
    nodesOf.push(Int32Array.from(list));
    tops.push(Float64Array.from(list, (i) => cy[i]! - above[i]! - CLEARANCE));
    bottoms.push(Float64Array.from(list, (i) => cy[i]! + below[i]! + CLEARANCE));
    let top = Infinity;
    let bottom = -Infinity;
    for (const i of list) {
      top = Math.min(top, cy[i]! - above[i]!);
      bottom = Math.max(bottom, cy[i]! + below[i]!);
    }
    colTop[c] = top;
    colBottom[c] = bottom;
  }
  const topOf = rangeTable(colTop, Math.min);
  const bottomOf = rangeTable(colBottom, Math.max);
  let budget = ROUTE_BUDGET_PER_NODE * n + 2000;
  const laneOf = new Map<number, number>();

  return (a, b) => {
    const c0 = col[a]! + 1;
    const c1 = col[b]! - 1;
    const top = topOf(c0, c1);
    const bottom = bottomOf(c0, c1);
    const ya = cy[a]!;
    const yb = cy[b]!;
    if (Math.max(ya, yb) <= top - CLEARANCE || Math.min(ya, yb) >= bottom + CLEARANCE) return [];

    if (budget >= c1 - c0 + 1) {
      budget -= c1 - c0 + 1;
      const pts: Pt[] = [];
      let px = cx[a]!;
      let py = ya;
      for (let c = c0; c <= c1; c++) {
        const x = colX[c]!;
        const y = py + ((yb - py) * (x - px)) / (cx[b]! - px);
        const gap = freeY(tops[c]!, bottoms[c]!, nodesOf[c]!, up, down, y);
        if (gap === y) continue;
        const half = colWidth[c]! / 2;
        pts.push([x - half, gap], [x + half, gap]);
        px = x + half;
        py = gap;
      }
      // A detour below leaves the argument and reaches the consumer level, as a short edge does,
      // so that it never cuts through their labels (which hang below the shapes).
      if (pts.length > 0 && pts[0]![1] > ya) {
        pts.unshift([colX[c0 - 1]! + colWidth[c0 - 1]! / 2 + CLEARANCE, ya]);
      }
      if (pts.length > 0 && pts[pts.length - 1]![1] > yb) {
        pts.push([colX[c1 + 1]! - colWidth[c1 + 1]! / 2 - CLEARANCE, yb]);
      }
      return pts;
    }

    // A lane: the same one for every edge from one node, one of a few for different nodes.
    let lane = laneOf.get(a);
    if (lane === undefined) {
      lane = laneOf.size % LANES;
      laneOf.set(a, lane);
    }
    const over = top - LANE_GAP - lane * LANE_STEP;
    const under = bottom + LANE_GAP + lane * LANE_STEP;
    const y =
      Math.abs(ya - over) + Math.abs(yb - over) <= Math.abs(ya - under) + Math.abs(yb - under)
        ? over
        : under;
    const x0 = colX[c0]! - colWidth[c0]! / 2 - COLUMN_GAP / 4;
    const x1 = colX[c1]! + colWidth[c1]! / 2 + COLUMN_GAP / 4;
    const step = Math.min(COLUMN_GAP, (x1 - x0) / 3);
    return [
      [x0, y],
      [x0 + step, y],
      [x1 - step, y],
      [x1, y],
    ];
  };
}

/**
 * `y` if it is clear of every interval, otherwise the middle of the gap above or below the one it
 * hits: the side where that node has fewer edges to cross, or else the nearer.
 */
function freeY(
  tops: Float64Array,
  bottoms: Float64Array,
  nodes: Int32Array,
  up: Int32Array,
  down: Int32Array,
  y: number,
): number {
  // The first interval whose bottom is below y.
  let lo = 0;
  let hi = tops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bottoms[mid]! <= y) lo = mid + 1;
    else hi = mid;
  }
  if (lo === tops.length || tops[lo]! >= y) return y;
  const upper = lo === 0 ? tops[0]! - ROW_GAP / 2 : (bottoms[lo - 1]! + tops[lo]!) / 2;
  const lower =
    lo === tops.length - 1 ? bottoms[lo]! + ROW_GAP / 2 : (bottoms[lo]! + tops[lo + 1]!) / 2;
  const node = nodes[lo]!;
  if (up[node] !== down[node]) return up[node]! < down[node]! ? upper : lower;
  return y - upper <= lower - y ? upper : lower;
}

/** Range minimum (or maximum) over an array in O(1) per query after O(n log n) set-up. */
function rangeTable(
  values: Float64Array,
  pick: (a: number, b: number) => number,
): (from: number, to: number) => number {
  const levels: Float64Array[] = [values];
  for (let w = 1; 2 * w <= values.length; w *= 2) {
    const prev = levels[levels.length - 1]!;
    const level = new Float64Array(values.length - 2 * w + 1);
    for (let i = 0; i < level.length; i++) level[i] = pick(prev[i]!, prev[i + w]!);
    levels.push(level);
  }
  return (from, to) => {
    if (to < from) return pick(Infinity, -Infinity) === Infinity ? -Infinity : Infinity;
    const k = 31 - Math.clz32(to - from + 1);
    const level = levels[k]!;
    return pick(level[from]!, level[to - (1 << k) + 1]!);
  };
}

function spread(ends: { id: number; angle: number }[], into: Map<number, number>): void {
  if (ends.length === 0) return;
  ends.sort((p, q) => p.angle - q.angle || p.id - q.id);
  const desired = ends.map((e) => Math.max(-MAX_END_ANGLE, Math.min(MAX_END_ANGLE, e.angle)));
  const placed = [...desired];
  for (let k = 1; k < placed.length; k++) {
    placed[k] = Math.max(placed[k]!, placed[k - 1]! + MIN_END_SEPARATION);
  }
  // Re-centre on the desired angles, then keep within the node's side.
  const shiftBy = mean(desired) - mean(placed);
  const lo = -MAX_END_ANGLE - placed[0]! - shiftBy;
  const hi = MAX_END_ANGLE - placed[placed.length - 1]! - shiftBy;
  const extra = lo > 0 ? lo : hi < 0 ? hi : 0;
  ends.forEach((e, k) => into.set(e.id, placed[k]! + shiftBy + extra));
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
