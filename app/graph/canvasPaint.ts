// The canvas layer of a large graph (see lodSelect.ts): every edge and node painted from the
// Layout and the Frame by one pure function of a 2D context, so that a step of the animation is
// one repaint of a few batched paths instead of thousands of SVG elements. Colours keep their one
// meaning (values blue, adjoints vermillion, tangents green, the current step orange) and always
// come with a shape: inputs are rounded rectangles, operations circles, constants small dashed
// pills, the current step a thick ring with a marker that stays visible however far out the view
// is zoomed, the selected node a dashed ring.
import type { Graph } from '../../ad-core/index.ts';
import { nodeGeometry, type NodeShape } from './geometry.ts';
import type { Layout } from './layout.ts';
import type { Size, View } from './useZoom.ts';

/** The part of CanvasRenderingContext2D the painter uses (a test records these calls). */
export type Ctx2D = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'arcTo'
  | 'rect'
  | 'closePath'
  | 'fill'
  | 'stroke'
  | 'setLineDash'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'lineJoin'
>;

export interface CanvasNode {
  id: number;
  x: number;
  y: number;
  shape: NodeShape;
  w: number;
  h: number;
}

export interface CanvasEdge {
  id: number;
  points: readonly (readonly [number, number])[];
  /** Bounding box, for culling. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface CanvasScene {
  nodes: readonly CanvasNode[];
  edges: readonly CanvasEdge[];
  byId: ReadonlyMap<number, CanvasNode>;
}

const scenes = new WeakMap<Layout, CanvasScene>();

/** What the painter needs of a graph and its layout, computed once per layout. */
export function canvasSceneOf(graph: Graph, layout: Layout): CanvasScene {
  let scene = scenes.get(layout);
  if (!scene) {
    const nodes: CanvasNode[] = [];
    for (const p of layout.nodes) {
      const node = graph.nodes[p.id];
      if (!node) continue;
      const g = nodeGeometry({ kind: node.kind, label: node.label }, p.labelSide);
      nodes.push({ id: p.id, x: p.x, y: p.y, shape: g.shape, w: g.w, h: g.h });
    }
    // Plain indexed loops: this runs over every point of a 20,000-node layout in the task that
    // shows it, where iterator destructuring cost several times as much.
    const edges: CanvasEdge[] = [];
    for (const e of layout.edges) {
      const points = e.points;
      if (points.length < 2) continue;
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (let i = 0; i < points.length; i++) {
        const p = points[i]!;
        const x = p[0];
        const y = p[1];
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      edges.push({ id: e.id, points, x0, y0, x1, y1 });
    }
    scene = { nodes, edges, byId: new Map(nodes.map((n) => [n.id, n])) };
    scenes.set(layout, scene);
  }
  return scene;
}

export interface PaintState {
  values: readonly (number | null | undefined)[];
  adjoints: readonly (number | null | undefined)[];
  tangents: readonly (number | null | undefined)[];
  forwardMode: boolean;
  current: ReadonlySet<number>;
  activeEdges: ReadonlySet<number>;
  selected: number | null;
  /** Nodes drawn as DOM elements over the canvas: not painted again here. */
  skip: ReadonlySet<number>;
}

export interface Palette {
  fg: string;
  muted: string;
  panel: string;
  value: string;
  adjoint: string;
  tangent: string;
  current: string;
  currentBg: string;
}

/** Okabe–Ito, as app/styles/theme.css gives them in the light theme (the fallback). */
export const LIGHT_PALETTE: Palette = {
  fg: '#1b1d21',
  muted: '#545a64',
  panel: '#f4f5f7',
  value: '#0072b2',
  adjoint: '#d55e00',
  tangent: '#009e73',
  current: '#e69f00',
  currentBg: 'rgba(230, 159, 0, 0.16)',
};

/** Below this many screen pixels a node is painted as a plain square. */
const TINY_PX = 4;
/** The current step's marker is never smaller than this on screen (px, radius). */
const CURRENT_MARKER_PX = 11;
const ARROW_LENGTH = 11;
const ARROW_HALF_WIDTH = 5;
/** Edges per path. One path of 20,000 edges took Chromium seconds to stroke (a single 4–5 s
 * main-thread task after pasting a 20,000-binding chain); a few hundred per path take
 * milliseconds. Where edges of two batches cross, the translucent stroke shows a little darker. */
const EDGES_PER_PATH = 256;

export type Status = 'pending' | 'value' | 'derivative' | 'constant';

/** Paints the whole view: the caller clears nothing and keeps no state. */
export function paint(
  ctx: Ctx2D,
  scene: CanvasScene,
  state: PaintState,
  view: View,
  size: Size,
  palette: Palette,
  dpr = 1,
): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  if (size.width <= 0 || size.height <= 0 || view.k <= 0) return;
  const k = view.k;
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * view.x, dpr * view.y);
  ctx.lineJoin = 'round';
  // The visible part of the drawing, in layout coordinates, with room for a node's half.
  const pad = 60;
  const vx0 = -view.x / k - pad;
  const vy0 = -view.y / k - pad;
  const vx1 = (size.width - view.x) / k + pad;
  const vy1 = (size.height - view.y) / k + pad;
  const px = 1 / k; // one screen pixel in layout units

  // Edges (in batched paths), then the current step's on top.
  const visibleEdges = scene.edges.filter(
    (e) => e.x1 >= vx0 && e.x0 <= vx1 && e.y1 >= vy0 && e.y0 <= vy1,
  );
  ctx.setLineDash([]);
  ctx.globalAlpha = 0.75;
  ctx.strokeStyle = palette.muted;
  ctx.lineWidth = Math.max(1.75, 0.75 * px);
  const quiet = visibleEdges.filter((e) => !state.activeEdges.has(e.id));
  inBatches(
    ctx,
    quiet,
    (e) => polyline(ctx, e.points),
    () => ctx.stroke(),
  );
  if (k * ARROW_LENGTH >= 5) {
    ctx.fillStyle = palette.muted;
    inBatches(
      ctx,
      quiet,
      (e) => arrowhead(ctx, e.points),
      () => ctx.fill(),
    );
  }
  ctx.globalAlpha = 1;
  const active = visibleEdges.filter((e) => state.activeEdges.has(e.id));
  if (active.length > 0) {
    ctx.strokeStyle = palette.current;
    ctx.lineWidth = Math.max(4, 2 * px);
    ctx.beginPath();
    for (const e of active) polyline(ctx, e.points);
    ctx.stroke();
  }

  // Nodes, batched by what they show: one fill and one stroke per shape and status.
  const buckets = new Map<string, CanvasNode[]>();
  for (const n of scene.nodes) {
    if (state.skip.has(n.id) || state.current.has(n.id)) continue;
    if (n.x + n.w / 2 < vx0 || n.x - n.w / 2 > vx1 || n.y + n.h / 2 < vy0 || n.y - n.h / 2 > vy1) {
      continue;
    }
    const key = `${n.shape}:${statusOf(n, state)}`;
    let list = buckets.get(key);
    if (!list) buckets.set(key, (list = []));
    list.push(n);
  }
  for (const [key, list] of buckets) {
    const status = key.slice(key.indexOf(':') + 1) as Status;
    const stroke = strokeFor(status, state.forwardMode, palette);
    const tiny = k * Math.max(list[0]!.w, list[0]!.h) < TINY_PX;
    if (tiny) {
      // Far out a node is a dot in its status colour.
      ctx.fillStyle = stroke;
      ctx.beginPath();
      for (const n of list) {
        const s = Math.max(n.w, n.h, 2.5 * px);
        ctx.rect(n.x - s / 2, n.y - s / 2, s, s);
      }
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    for (const n of list) shapePath(ctx, n);
    ctx.fillStyle = palette.panel;
    ctx.fill();
    ctx.strokeStyle = stroke;
    // At least 1.5 screen pixels, so that an outline's colour still reads from afar.
    ctx.lineWidth = Math.max(status === 'constant' ? 1.5 : status === 'pending' ? 2 : 3, 1.5 * px);
    ctx.setLineDash(status === 'constant' ? [4, 3] : []);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // The selected node: a dashed ring.
  const byId = (id: number) => scene.byId.get(id);
  const selected = state.selected === null ? undefined : byId(state.selected);
  if (selected) {
    ctx.strokeStyle = palette.current;
    ctx.lineWidth = Math.max(3, 2 * px);
    ctx.setLineDash([7 * Math.max(1, px), 4 * Math.max(1, px)]);
    ctx.beginPath();
    ring(ctx, selected, 6, px);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // The current step: its shape filled and ringed in orange, and a ring of at least
  // CURRENT_MARKER_PX on screen around it (a DOM node's too), so it can be found from afar.
  for (const id of state.current) {
    const n = byId(id);
    if (!n) continue;
    if (!state.skip.has(id)) {
      ctx.beginPath();
      shapePath(ctx, n);
      ctx.fillStyle = palette.currentBg;
      ctx.fill();
      ctx.strokeStyle = palette.current;
      ctx.lineWidth = 4.5;
      ctx.stroke();
    }
    if (k * Math.max(n.w, n.h) < 2 * CURRENT_MARKER_PX) {
      ctx.strokeStyle = palette.current;
      ctx.lineWidth = 3 * px;
      ctx.beginPath();
      ctx.moveTo(n.x + CURRENT_MARKER_PX * px, n.y);
      ctx.arc(n.x, n.y, CURRENT_MARKER_PX * px, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
}

/** The node whose shape (grown by `slack` layout units) contains the point, nearest first. */
export function nodeAt(scene: CanvasScene, x: number, y: number, slack = 0): number | null {
  let best: number | null = null;
  let bestD = Infinity;
  for (const n of scene.nodes) {
    const dx = Math.abs(x - n.x);
    const dy = Math.abs(y - n.y);
    if (dx > n.w / 2 + slack || dy > n.h / 2 + slack) continue;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = n.id;
    }
  }
  return best;
}

/** What a node shows now (its outline colour): exported for the export's SVG of the same drawing. */
export function statusOf(n: CanvasNode, state: PaintState): Status {
  if (n.shape === 'pill') return 'constant';
  const derivative = state.forwardMode ? state.tangents[n.id] : state.adjoints[n.id];
  if (derivative !== null && derivative !== undefined) return 'derivative';
  const value = state.values[n.id];
  return value !== null && value !== undefined ? 'value' : 'pending';
}

export function strokeFor(status: Status, forwardMode: boolean, palette: Palette): string {
  switch (status) {
    case 'constant':
      return palette.muted;
    case 'pending':
      return palette.fg;
    case 'value':
      return palette.value;
    case 'derivative':
      return forwardMode ? palette.tangent : palette.adjoint;
  }
}

/** Builds paths of at most EDGES_PER_PATH edges each and ends each with `finish`. */
function inBatches<T>(ctx: Ctx2D, items: readonly T[], add: (item: T) => void, finish: () => void) {
  for (let i = 0; i < items.length; i += EDGES_PER_PATH) {
    ctx.beginPath();
    const end = Math.min(items.length, i + EDGES_PER_PATH);
    for (let j = i; j < end; j++) add(items[j]!);
    finish();
  }
}

function polyline(ctx: Ctx2D, points: readonly (readonly [number, number])[]): void {
  const [first, ...rest] = points;
  if (!first) return;
  ctx.moveTo(first[0], first[1]);
  for (const [x, y] of rest) ctx.lineTo(x, y);
}

/** A filled arrowhead at the edge's end, pointing along its last segment. */
function arrowhead(ctx: Ctx2D, points: readonly (readonly [number, number])[]): void {
  const end = points[points.length - 1];
  const before = points[points.length - 2];
  if (!end || !before) return;
  const dx = end[0] - before[0];
  const dy = end[1] - before[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return;
  const ux = dx / len;
  const uy = dy / len;
  const bx = end[0] - ux * ARROW_LENGTH;
  const by = end[1] - uy * ARROW_LENGTH;
  ctx.moveTo(end[0], end[1]);
  ctx.lineTo(bx - uy * ARROW_HALF_WIDTH, by + ux * ARROW_HALF_WIDTH);
  ctx.lineTo(bx + uy * ARROW_HALF_WIDTH, by - ux * ARROW_HALF_WIDTH);
  ctx.closePath();
}

function shapePath(ctx: Ctx2D, n: CanvasNode): void {
  if (n.shape === 'circle') {
    const r = n.w / 2;
    ctx.moveTo(n.x + r, n.y);
    ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
    return;
  }
  roundedRect(ctx, n.x - n.w / 2, n.y - n.h / 2, n.w, n.h, n.shape === 'pill' ? n.h / 2 : 8);
}

/** A ring `gap` layout units outside the node's shape (at least that many screen pixels). */
function ring(ctx: Ctx2D, n: CanvasNode, gap: number, px: number): void {
  const g = Math.max(gap, gap * px);
  if (n.shape === 'circle') {
    const r = n.w / 2 + g;
    ctx.moveTo(n.x + r, n.y);
    ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
    return;
  }
  roundedRect(ctx, n.x - n.w / 2 - g, n.y - n.h / 2 - g, n.w + 2 * g, n.h + 2 * g, 10);
}

function roundedRect(ctx: Ctx2D, x: number, y: number, w: number, h: number, r: number): void {
  const rr = Math.min(r, w / 2, h / 2);
  ctx.moveTo(x + rr, y);
  ctx.arcTo(x + w, y, x + w, y + h, rr);
  ctx.arcTo(x + w, y + h, x, y + h, rr);
  ctx.arcTo(x, y + h, x, y, rr);
  ctx.arcTo(x, y, x + w, y, rr);
  ctx.closePath();
}
