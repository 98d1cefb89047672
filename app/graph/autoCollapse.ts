// Which blocks to collapse so that the whole drawing fits the graph area with its text at 14 px
// or more (useZoom's fitsLegibly: the smallest graph text × the fit scale, with the fit's own
// padding). Largest blocks first, since each hides the most (its inner nodes and the parameters
// folded into it); a block the user expanded or
// collapsed by hand is the user's, never the fit's.
import { blocksOf, type Graph } from '../../ad-core/index.ts';
import { blockViewFor } from '../store/blocks.ts';
import { layoutNow } from './layoutService.ts';
import { fitsLegibly, type Size } from './useZoom.ts';

export interface Candidate {
  name: string;
  /** Nodes the block hides when collapsed. */
  size: number;
}

/**
 * The blocks to collapse automatically: none if the drawing fits; else, largest first (ties in
 * tape order), the fewest that make it fit, or every candidate if even that does not.
 * `fits(collapsed)` says whether the drawing with those blocks (and the user's) collapsed fits.
 */
export function chooseAutoCollapse(
  candidates: readonly Candidate[],
  user: ReadonlyMap<string, boolean>,
  fits: (collapsed: readonly string[]) => boolean,
): string[] {
  const free = candidates
    .map((c, i) => ({ ...c, i }))
    .filter((c) => !user.has(c.name) && c.size > 1)
    .sort((a, b) => b.size - a.size || a.i - b.i);
  const chosen: string[] = [];
  if (fits(chosen)) return chosen;
  for (const c of free) {
    chosen.push(c.name);
    if (fits(chosen)) break;
  }
  return chosen;
}

/** Above this many nodes the fit is not computed here: each try is a full layout. */
export const AUTO_COLLAPSE_NODE_LIMIT = 150;

/** The automatic choice for `graph` in a graph area of `view`, measured with real layouts. */
export function autoCollapseFor(
  graph: Graph,
  view: Size,
  user: ReadonlyMap<string, boolean>,
): string[] {
  if (graph.nodes.length > AUTO_COLLAPSE_NODE_LIMIT || view.width <= 0 || view.height <= 0)
    return [];
  const blocks = blocksOf(graph);
  if (blocks.length === 0) return [];
  const byUser = blocks.filter((b) => user.get(b.name) === true).map((b) => b.name);
  const order = new Map(blocks.map((b, i) => [b.name, i]));
  const fits = (auto: readonly string[]) => {
    const names = [...byUser, ...auto].sort((a, b) => order.get(a)! - order.get(b)!);
    const shown = blockViewFor(graph, names)?.graph ?? graph;
    const layout = layoutNow(shown);
    return fitsLegibly(layout, view);
  };
  return chooseAutoCollapse(
    blocks.map((b) => ({ name: b.name, size: b.inner.length + b.params.length })),
    user,
    fits,
  );
}
