// Level of detail for large graphs: past CANVAS_THRESHOLD nodes the nodes and edges are painted on
// a <canvas> (canvasPaint.ts), and only a few nodes stay real `graph-node` elements, with their
// data-* attributes, accessible names and keyboard focus: the current step's nodes and their
// neighbours, the selected and the focused node, the output, and, when zoomed in far enough to
// read, the nodes in view. Past DRAW_LIMIT even that is too much and the graph is not drawn.
// Pure, so which nodes stay DOM can be tested without a browser.
import type { Graph } from '../../ad-core/index.ts';
import type { LayoutNode } from './layout.ts';
import type { Size, View } from './useZoom.ts';

/**
 * Above this many nodes the canvas layer draws the graph. Measured (bench:ui, 1280×720): a
 * 2,000-node SVG graph costs about 100 ms of style, layout and paint per edit and playing it drops
 * frames, while the canvas paints 5,000 nodes in a few milliseconds.
 */
export const CANVAS_THRESHOLD = 1500;
/**
 * Above this many nodes the graph is not laid out or drawn (the layout alone would take many
 * seconds and hundreds of MB); a notice says so, and the trace table and the check still work.
 */
export const DRAW_LIMIT = 50_000;
/** At most this many nodes stay DOM elements, whatever the view shows. */
export const DOM_CAP = 300;
/** At most this many of one node's arguments or consumers join the neighbourhood. */
const NEIGHBOUR_CAP = 12;

export function usesCanvas(nodeCount: number): boolean {
  return nodeCount > CANVAS_THRESHOLD;
}

export function tooLargeToDraw(nodeCount: number): boolean {
  return nodeCount > DRAW_LIMIT;
}

/** Each node's consumers, computed once per graph. */
export function consumersOf(graph: Graph): readonly (readonly number[])[] {
  let cached = consumerCache.get(graph);
  if (!cached) {
    const lists: number[][] = graph.nodes.map(() => []);
    for (const n of graph.nodes) for (const a of n.args) lists[a]?.push(n.id);
    cached = lists;
    consumerCache.set(graph, cached);
  }
  return cached;
}
const consumerCache = new WeakMap<Graph, readonly (readonly number[])[]>();

export interface LodInput {
  graph: Graph;
  positions: readonly LayoutNode[];
  current: ReadonlySet<number>;
  selected: number | null;
  focused: number | null;
  /** The view's transform and size, or null when nodes in view should not stay DOM (overview). */
  view: { transform: View; size: Size } | null;
}

/**
 * The ids of the nodes drawn as DOM elements over the canvas, most important first: the
 * neighbourhood always, then the nodes in view nearest its centre, up to DOM_CAP.
 */
export function domNodeIds(input: LodInput): Set<number> {
  const { graph } = input;
  const keep = new Set<number>();
  const add = (id: number | null | undefined) => {
    if (id !== null && id !== undefined && graph.nodes[id] && keep.size < DOM_CAP) keep.add(id);
  };
  const consumers = consumersOf(graph);
  const neighbourhood = (id: number) => {
    add(id);
    for (const a of graph.nodes[id]?.args ?? []) add(a);
    // A node feeding thousands (the x of a long chain) keeps the consumers nearest it in the tape.
    for (const c of nearest(consumers[id] ?? [], id, NEIGHBOUR_CAP)) add(c);
  };
  for (const id of input.current) neighbourhood(id);
  if (input.selected !== null) neighbourhood(input.selected);
  add(input.focused);
  add(graph.output);
  if (input.current.size === 0) add(graph.inputs[0]);
  if (input.view) {
    for (const id of inView(input.positions, input.view.transform, input.view.size)) add(id);
  }
  return keep;
}

/** The ids of the nodes whose centres are inside the view, nearest the view's centre first. */
export function inView(positions: readonly LayoutNode[], t: View, size: Size): number[] {
  if (size.width <= 0 || size.height <= 0 || t.k <= 0) return [];
  // In content coordinates, with a margin so that a node half in view is kept.
  const margin = 40;
  const x0 = (0 - t.x) / t.k - margin;
  const x1 = (size.width - t.x) / t.k + margin;
  const y0 = (0 - t.y) / t.k - margin;
  const y1 = (size.height - t.y) / t.k + margin;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const found: { id: number; d: number }[] = [];
  for (const p of positions) {
    if (p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1) {
      found.push({ id: p.id, d: (p.x - cx) ** 2 + (p.y - cy) ** 2 });
    }
  }
  found.sort((a, b) => a.d - b.d || a.id - b.id);
  return found.map((f) => f.id);
}

/** Up to `cap` of `ids` nearest `to` (ties: the earlier id). */
function nearest(ids: readonly number[], to: number, cap: number): readonly number[] {
  if (ids.length <= cap) return ids;
  return [...ids].sort((a, b) => Math.abs(a - to) - Math.abs(b - to) || a - b).slice(0, cap);
}

/** Two id sets with the same members (so an unchanged selection keeps its identity). */
export function sameIds(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
