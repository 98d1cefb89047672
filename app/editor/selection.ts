// Which graph nodes a text selection refers to. Every node's span contains a caret somewhere in
// the expression (the output node spans it all), so "overlap" alone would always light up the
// root. Instead: a caret picks the innermost node around it; a selection picks the nodes that lie
// inside it, or, if none does, the innermost node around it.
import type { Graph, Span } from '../../ad-core/index.ts';

export interface Range {
  start: number;
  end: number;
}

function width(s: Span): number {
  return s.end - s.start;
}

function innermostAround(graph: Graph, r: Range): number[] {
  let best: number[] = [];
  let bestWidth = Number.POSITIVE_INFINITY;
  for (const node of graph.nodes) {
    for (const s of node.spans) {
      const contains = r.start === r.end ? s.start <= r.start && r.start <= s.end : s.start <= r.start && r.end <= s.end;
      if (!contains) continue;
      const w = width(s);
      if (w < bestWidth) {
        bestWidth = w;
        best = [node.id];
      } else if (w === bestWidth && !best.includes(node.id)) {
        best.push(node.id);
      }
    }
  }
  return best;
}

export function nodesForSelection(graph: Graph, r: Range): number[] {
  if (r.start !== r.end) {
    const inside = graph.nodes
      .filter((n) => n.spans.some((s) => s.start >= r.start && s.end <= r.end && s.end > s.start))
      .map((n) => n.id);
    if (inside.length > 0) return inside;
  }
  return innermostAround(graph, r);
}
