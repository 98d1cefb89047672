// The layout the app used before its own (layout.ts): d3-dag's Sugiyama with our layering and
// decrossing. Kept only so that `npm run bench:layout` and a comparison test can measure the two on
// the same formulas; the app never imports it.
//
// d3-dag lays out top-down; we hand it each node's footprint with width and height swapped and
// swap x/y back afterwards, which turns layers into columns (inputs left, output right).
import {
  coordGreedy,
  decrossTwoLayer,
  graph as dagGraph,
  sugiyama,
  type GraphNode as DagNode,
  type MutGraphNode,
} from 'd3-dag';
import { sweepDecross } from './decross.ts';
import { indexBoxes, placeTag, type Box } from './edgeLabels.ts';
import {
  borderPoint,
  nodeFootprint,
  nodeGeometry,
  textWidth,
  type NodeGeometry,
} from './geometry.ts';
import { formulaLayering } from './layering.ts';

import type { Layout, LayoutEdge, LayoutInput } from './layout.ts';

/** Gap between nodes in the same column, and between columns (room for arrows and labels). */
const ROW_GAP = 28;
const COLUMN_GAP = 40;
/** Sideways distance between parallel copies of a repeated edge (`x*x`). */
const MULTI_EDGE_SPACING = 22;
/** Minimum angle between edge ends on one node, and the widest an end may lean. */
const MIN_END_SEPARATION = 0.38;
const MAX_END_ANGLE = 1.2;
/** Up to this many nodes decrossing gets d3-dag's full default effort; beyond, sweepDecross. */
const THOROUGH_DECROSS_LIMIT = 60;
const MARGIN = 12;
/** How much wider than its reserved width a node's longest label line may be drawn. */
const LABEL_OVERHANG = 32;
/** The tag over a node: its font size and how far above the shape its box reaches. */
const TAG_FONT = 15;
const TAG_RISE = 26;
/** Half the side of the box around an arrowhead's tip. */
const ARROW_BOX = 8;

type Dag = MutGraphNode<number, undefined>;

export function computeLayoutD3Dag(input: LayoutInput): Layout {
  const n = input.nodes.length;
  if (n === 0) return { width: 0, height: 0, nodes: [], edges: [] };

  const geometry: NodeGeometry[] = input.nodes.map((node) => nodeGeometry(node));
  const footprint = geometry.map(nodeFootprint);

  const dag = dagGraph<number, undefined>();
  const dagNodes: Dag[] = input.nodes.map((_, i) => dag.node(i));
  const indexOf = new Map<number, number>(input.nodes.map((node, i) => [node.id, i]));
  const idx = (id: number): number => {
    const i = indexOf.get(id);
    if (i === undefined) throw new Error(`edge refers to unknown node ${id}`);
    return i;
  };

  // d3-dag collapses repeated links, so link each (from, to) pair once and fan the copies out
  // ourselves afterwards.
  const pairs = new Map<string, number[]>();
  const linked = new Set<string>();
  const hasChild = new Array<boolean>(n).fill(false);
  for (const e of input.edges) {
    const key = `${e.from}>${e.to}`;
    const copies = pairs.get(key);
    if (copies) copies.push(e.id);
    else pairs.set(key, [e.id]);
    if (!linked.has(key)) {
      linked.add(key);
      dag.link(dagNodes[idx(e.from)]!, dagNodes[idx(e.to)]!);
      hasChild[idx(e.from)] = true;
    }
  }
  // Unused bindings are sinks of their own; an invisible link to the output keeps the output
  // alone in the rightmost column.
  const outIdx = idx(input.output);
  // (Not when the output has consumers itself: that link would close a cycle, the crash this
  // layout had with `z = w*x + b` then `x`.)
  for (let i = 0; i < n; i++) {
    if (i !== outIdx && !hasChild[i] && !hasChild[outIdx])
      dag.link(dagNodes[i]!, dagNodes[outIdx]!);
  }

  const size = (node: DagNode<number, unknown>): readonly [number, number] => {
    const f = footprint[node.data]!;
    return [f.h, f.w];
  };
  // Inputs share the first column, like the top rows of a Wengert table.
  const layering = formulaLayering(input.nodes.map((node) => node.kind));
  // Up to a few dozen nodes d3-dag's decrossTwoLayer; past them its crossing recounts dominate
  // the layout, and barycentre sweeps do as well for a fraction. Four passes instead of its
  // default 24: on 209 formulas of 5–60 nodes (the examples and random ones) they left exactly
  // as many crossings, in under a third of the time (10 ms of a 20-node keystroke in Chromium).
  const decross = n <= THOROUGH_DECROSS_LIMIT ? decrossTwoLayer().passes(4) : sweepDecross();
  sugiyama()
    .layering(layering)
    .decross(decross)
    .coord(coordGreedy())
    .nodeSize(size)
    .gap([ROW_GAP, COLUMN_GAP])(dag);

  // Swap to left-to-right; the layout box centre is the footprint centre, the shape sits on top.
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  for (const node of dagNodes) {
    const i = node.data;
    cx[i] = node.y;
    cy[i] = node.x - footprint[i]!.h / 2 + geometry[i]!.h / 2;
  }

  // Interior points of each unique link (its dummy nodes), in left-to-right coordinates.
  const interior = new Map<string, [number, number][]>();
  for (const link of dag.links()) {
    const s = link.source.data;
    const t = link.target.data;
    const pts = link.points.slice(1, -1).map(([x, y]): [number, number] => [y, x]);
    interior.set(`${input.nodes[s]!.id}>${input.nodes[t]!.id}`, pts);
  }

  // Each edge's middle section, with parallel copies of repeated edges offset sideways.
  const middles = new Map<number, [number, number][]>();
  const bulged = new Set<number>();
  for (const [key, ids] of pairs) {
    const base = interior.get(key) ?? [];
    const first = input.edges.find((e) => e.id === ids[0])!;
    const a = idx(first.from);
    const b = idx(first.to);
    ids.forEach((id, j) => {
      const offset = (j - (ids.length - 1) / 2) * MULTI_EDGE_SPACING;
      let pts = base.map(([x, y]): [number, number] => [x, y + offset]);
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
        const next = middles.get(id)![0] ?? [cx[idx(e.to)]!, cy[idx(e.to)]!];
        return { id, angle: Math.atan2(next[1] - cy[i]!, Math.max(1, next[0] - cx[i]!)) };
      }),
      startAngle,
    );
    spread(
      incoming[i]!.map((id) => {
        const e = edgeById.get(id)!;
        const m = middles.get(id)!;
        const prev = m[m.length - 1] ?? [cx[idx(e.from)]!, cy[idx(e.from)]!];
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
    const points: [number, number][] = [start, ...middles.get(e.id)!, end];
    return { id: e.id, points };
  });

  // What edge labels keep off: every node's shape, the block of value labels under it and the
  // tag over it (separate boxes, not one around all, whose empty corners beside a round shape
  // would push labels off edges that pass there), and every arrowhead.
  const boxes: Box[] = [];
  input.nodes.forEach((node, i) => {
    const g = geometry[i]!;
    const top = cy[i]! - g.h / 2;
    boxes.push({ x0: cx[i]! - g.w / 2, y0: top, x1: cx[i]! + g.w / 2, y1: top + g.h });
    const f = footprint[i]!;
    if (f.h > g.h) {
      // The layout spaces columns by labelWidth, but a line such as `v₁₂ = −0.4229` runs wider.
      const w = Math.max(g.w, g.labelWidth + LABEL_OVERHANG);
      boxes.push({ x0: cx[i]! - w / 2, y0: top + g.h, x1: cx[i]! + w / 2, y1: top + f.h });
    }
    if (node.tag) {
      const w = textWidth(node.tag, TAG_FONT) + 6;
      boxes.push({ x0: cx[i]! - w / 2, y0: top - TAG_RISE, x1: cx[i]! + w / 2, y1: top });
    }
  });
  for (const { points } of routed) {
    const [x, y] = points[points.length - 1]!;
    boxes.push({ x0: x - ARROW_BOX, y0: y - ARROW_BOX, x1: x + ARROW_BOX, y1: y + ARROW_BOX });
  }
  const boxIndex = indexBoxes(boxes);

  const edges: LayoutEdge[] = routed.map(({ id, points }) => {
    const bulge = bulged.has(id);
    return {
      id,
      points,
      mid: placeTag(points, 'end', boxIndex, bulge),
      tail: placeTag(points, 'start', boxIndex, bulge),
    };
  });

  // Normalise so that every footprint and edge point lies inside [0, width] × [0, height].
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const f = footprint[i]!;
    const top = cy[i]! - geometry[i]!.h / 2;
    minX = Math.min(minX, cx[i]! - f.w / 2);
    maxX = Math.max(maxX, cx[i]! + f.w / 2);
    minY = Math.min(minY, top);
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
  const shift = ([x, y]: [number, number]): [number, number] => [x + dx, y + dy];
  return {
    width: maxX - minX + 2 * MARGIN,
    height: maxY - minY + 2 * MARGIN,
    nodes: input.nodes.map((node, i) => ({ id: node.id, x: cx[i]! + dx, y: cy[i]! + dy })),
    edges: edges.map((e) => ({
      id: e.id,
      points: e.points.map(shift),
      mid: shift(e.mid),
      tail: shift(e.tail),
    })),
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
