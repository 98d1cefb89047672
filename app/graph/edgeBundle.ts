// A large graph's edges as two <path>s, all lines in one and all arrowheads in the other. An edit
// moves most edges of a large graph; as elements of their own, each was a path to parse, a marker
// to lay out and a paint chunk, which together were a tenth of a keystroke at 100 nodes. Edges
// that carry something in the current step are still drawn one by one, over the bundle.
import { edgePath } from './GraphEdge.tsx';
import type { Layout } from './layout.ts';

type Pt = readonly [number, number];

/**
 * The arrowhead the edges' marker draws (GraphView's Arrowhead: 9 × 8 units of a 10-unit box,
 * 7 stroke widths wide, on a 1.75 px line), in pixels.
 */
export const ARROW_LENGTH = (9 / 10) * 7 * 1.75;
export const ARROW_HALF_WIDTH = (4 / 10) * 7 * 1.75;

/**
 * A closed triangle with its tip at the end of the polyline `points`, pointing the way a basis
 * curve through them arrives (along the last leg of the control polygon); empty if it has no
 * direction there.
 */
export function arrowhead(points: readonly Pt[]): string {
  const tip = points[points.length - 1];
  const from = points[points.length - 2];
  if (!tip || !from) return '';
  const dx = tip[0] - from[0];
  const dy = tip[1] - from[1];
  const len = Math.hypot(dx, dy);
  if (!(len > 0)) return '';
  const ux = dx / len;
  const uy = dy / len;
  const bx = tip[0] - ux * ARROW_LENGTH;
  const by = tip[1] - uy * ARROW_LENGTH;
  const nx = -uy * ARROW_HALF_WIDTH;
  const ny = ux * ARROW_HALF_WIDTH;
  const f = (v: number) => (Math.round(v * 100) / 100).toString();
  return `M${f(tip[0])},${f(tip[1])}L${f(bx + nx)},${f(by + ny)}L${f(bx - nx)},${f(by - ny)}Z`;
}

export interface EdgeBundle {
  lines: string;
  heads: string;
}

/** Edge path strings by edge id, each made when first asked for. */
export interface EdgePaths {
  get(id: number): string | undefined;
}

/**
 * Past the canvas threshold the canvas draws the edges and only a few (the current step's) are
 * SVG paths: a string for each of 20,000 edges would be built for nothing.
 */
class LazyPaths implements EdgePaths {
  private readonly byId = new Map<number, string>();
  private index: Map<number, number> | null = null;

  constructor(private readonly layout: Layout) {}

  get(id: number): string | undefined {
    let d = this.byId.get(id);
    if (d === undefined) {
      const edges = this.layout.edges;
      // Edges are usually listed in id order; otherwise look the id up.
      let edge = edges[id]?.id === id ? edges[id] : undefined;
      if (!edge) {
        this.index ??= new Map(edges.map((e, k) => [e.id, k]));
        const k = this.index.get(id);
        edge = k === undefined ? undefined : edges[k];
      }
      if (!edge) return undefined;
      d = edgePath(edge.points);
      this.byId.set(id, d);
    }
    return d;
  }
}

const paths = new WeakMap<Layout, LazyPaths>();
const bundles = new WeakMap<Layout, EdgeBundle>();

/** Each edge's path string by edge id, computed once per layout (not per render, nor per frame). */
export function pathsOf(layout: Layout): EdgePaths {
  let byId = paths.get(layout);
  if (!byId) {
    byId = new LazyPaths(layout);
    paths.set(layout, byId);
  }
  return byId;
}

/** Every edge's line and arrowhead, computed once per layout. */
export function bundleOf(layout: Layout): EdgeBundle {
  let bundle = bundles.get(layout);
  if (!bundle) {
    bundle = {
      lines: layout.edges.map((e) => pathsOf(layout).get(e.id)).join(''),
      heads: layout.edges.map((e) => arrowhead(e.points)).join(''),
    };
    bundles.set(layout, bundle);
  }
  return bundle;
}
