// Panels that draw the whole formula at once (the typeset formula) are bounded: past these sizes
// they say so in words instead of spending seconds on one frame (KaTeX on a 1 MB formula blocked
// the page for over a second). The graph, values and checks still use all of the formula.
import type { Graph } from '../../ad-core/index.ts';

/** The most nodes the typeset formula is drawn for. */
export const TYPESET_MAX_NODES = 400;
/** The most characters of names and numbers the typeset formula is drawn for. */
export const TYPESET_MAX_LABEL_CHARS = 4000;

/** Null when the formula can be typeset, else the sentence to show instead. */
export function typesetRefusal(graph: Graph): string | null {
  const nodes = graph.nodes.length;
  let chars = 0;
  for (const node of graph.nodes) chars += node.label.length;
  if (nodes <= TYPESET_MAX_NODES && chars <= TYPESET_MAX_LABEL_CHARS) return null;
  const size =
    nodes > TYPESET_MAX_NODES
      ? `${grouped(nodes)} nodes`
      : `${grouped(chars)} characters of names and numbers`;
  return `This formula is too large to typeset (${size}); the graph, values and gradient check still use all of it.`;
}

/**
 * `n.toLocaleString('en-US')` for a whole number, without it: the first toLocaleString of a page
 * loads the locale data, a long task of its own in the very frame a big formula is shown.
 */
export function grouped(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  return (n < 0 ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
