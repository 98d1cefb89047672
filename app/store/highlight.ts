// Which nodes to light up: those under the formula's text cursor, plus the one under the pointer
// (in the graph or in the trace table), so a row and its node are always seen together.
import type { Graph } from '../../ad-core/index.ts';
import { nodesForSelection, type Range } from '../editor/selection.ts';

export function highlightedNodes(graph: Graph | null, selection: Range | null, stale: boolean, hovered: number | null): number[] {
  if (!graph) return [];
  const ids = selection && !stale ? nodesForSelection(graph, selection) : [];
  if (hovered !== null && graph.nodes[hovered] && !ids.includes(hovered)) ids.push(hovered);
  return ids;
}

/**
 * The one node whose subexpression the typeset formula boxes: the hovered node, else the
 * outermost node the text cursor picks (nodes are in tape order, so the last is outermost).
 */
export function formulaFocusNode(graph: Graph | null, selection: Range | null, stale: boolean, hovered: number | null): number | null {
  if (!graph) return null;
  if (hovered !== null && graph.nodes[hovered]) return hovered;
  if (!selection || stale) return null;
  const ids = nodesForSelection(graph, selection);
  return ids.length > 0 ? Math.max(...ids) : null;
}
