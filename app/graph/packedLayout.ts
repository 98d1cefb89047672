// A layout as the worker posts it: its numbers in a few typed arrays whose buffers are transferred,
// not copied. Structured clone of a 20,000-node layout as objects (a node, an edge and an array per
// point each) was 175–450 ms of one main-thread task on arrival; moving buffers is free, and
// rebuilding the objects from flat arrays is a tight loop of a few milliseconds.
import type { LayoutEdge, LayoutNode } from './layout.ts';
import type { LabelSide } from './geometry.ts';

/** The layout without contributions' places (see layout.ts postableLayout). */
export interface PostedLayout {
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: Omit<LayoutEdge, 'tail'>[];
}

export interface PackedLayout {
  width: number;
  height: number;
  nodeIds: Int32Array;
  /** x0, y0, x1, y1, … one pair per node. */
  nodeXY: Float64Array;
  /** Per node: 0 no label side, else its index + 1 in SIDES. */
  labelSides: Uint8Array;
  edgeIds: Int32Array;
  /** Edge k's points are pairs pointStarts[k] … pointStarts[k + 1] − 1 of `points`. */
  pointStarts: Int32Array;
  points: Float64Array;
  /** x, y of each edge's mid. */
  mids: Float64Array;
  /** The ids of the edges drawn as bulging parallel copies. */
  bulged: Int32Array;
}

const SIDES: readonly LabelSide[] = ['left', 'below'];

export function packLayout(layout: PostedLayout, bulged: readonly number[]): PackedLayout {
  const n = layout.nodes.length;
  const m = layout.edges.length;
  const nodeIds = new Int32Array(n);
  const nodeXY = new Float64Array(2 * n);
  const labelSides = new Uint8Array(n);
  layout.nodes.forEach((node, i) => {
    nodeIds[i] = node.id;
    nodeXY[2 * i] = node.x;
    nodeXY[2 * i + 1] = node.y;
    labelSides[i] = node.labelSide === undefined ? 0 : SIDES.indexOf(node.labelSide) + 1;
  });
  const edgeIds = new Int32Array(m);
  const pointStarts = new Int32Array(m + 1);
  const mids = new Float64Array(2 * m);
  let total = 0;
  layout.edges.forEach((edge, k) => {
    pointStarts[k] = total;
    total += edge.points.length;
  });
  pointStarts[m] = total;
  const points = new Float64Array(2 * total);
  layout.edges.forEach((edge, k) => {
    edgeIds[k] = edge.id;
    mids[2 * k] = edge.mid[0];
    mids[2 * k + 1] = edge.mid[1];
    let j = 2 * pointStarts[k]!;
    for (const [x, y] of edge.points) {
      points[j++] = x;
      points[j++] = y;
    }
  });
  return {
    width: layout.width,
    height: layout.height,
    nodeIds,
    nodeXY,
    labelSides,
    edgeIds,
    pointStarts,
    points,
    mids,
    bulged: Int32Array.from(bulged),
  };
}

/** The buffers to list in postMessage's transfer list (the sender's arrays are emptied). */
export function transferablesOf(packed: PackedLayout): ArrayBuffer[] {
  return [
    packed.nodeIds,
    packed.nodeXY,
    packed.labelSides,
    packed.edgeIds,
    packed.pointStarts,
    packed.points,
    packed.mids,
    packed.bulged,
  ].map((a) => a.buffer as ArrayBuffer);
}

export function unpackLayout(packed: PackedLayout): { layout: PostedLayout; bulged: number[] } {
  const { nodeIds, nodeXY, labelSides, edgeIds, pointStarts, points, mids } = packed;
  const nodes = new Array<LayoutNode>(nodeIds.length);
  for (let i = 0; i < nodeIds.length; i++) {
    const side = labelSides[i]!;
    nodes[i] =
      side === 0
        ? { id: nodeIds[i]!, x: nodeXY[2 * i]!, y: nodeXY[2 * i + 1]! }
        : {
            id: nodeIds[i]!,
            x: nodeXY[2 * i]!,
            y: nodeXY[2 * i + 1]!,
            labelSide: SIDES[side - 1]!,
          };
  }
  const edges = new Array<Omit<LayoutEdge, 'tail'>>(edgeIds.length);
  for (let k = 0; k < edgeIds.length; k++) {
    const end = pointStarts[k + 1]!;
    const pts = new Array<[number, number]>(end - pointStarts[k]!);
    for (let j = pointStarts[k]!, p = 0; j < end; j++, p++)
      pts[p] = [points[2 * j]!, points[2 * j + 1]!];
    edges[k] = { id: edgeIds[k]!, points: pts, mid: [mids[2 * k]!, mids[2 * k + 1]!] };
  }
  return {
    layout: { width: packed.width, height: packed.height, nodes, edges },
    bulged: Array.from(packed.bulged),
  };
}
