// What of a Graph the layout needs, and a key that identifies its shape: the store may hand us a
// fresh Graph object for the same formula (a new point, say), and that must not re-run the layout
// or re-fit the view under the teacher's hands.
import { outputTag } from '../../ad-core/index.ts';
import type { Graph } from '../../ad-core/index.ts';
import { shownText } from './geometry.ts';
import { tagOf } from './labels.ts';
import type { LayoutInput } from './layout.ts';

export function layoutInputOf(graph: Graph): LayoutInput {
  return {
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      // As the node writes them: a pasted megabyte of a name is measured as its shortened text.
      label: shownText(n.label),
      tag: shownTagOf(tagOf(n, outputTag(graph, n.id) ?? n.id === graph.output)),
      // A collapsed block writes a line per folded parameter.
      ...(n.folded ? { extraLines: n.folded.length } : {}),
    })),
    edges: graph.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, argIndex: e.argIndex })),
    // The first output, not the one followed: choosing another output must not move the drawing.
    output: graph.outputs[0] ?? graph.output,
  };
}

const shownTagOf = (tag: string | null) => (tag === null ? undefined : shownText(tag));

export function shapeKey(graph: Graph): string {
  const parts: string[] = [String(graph.outputs[0] ?? graph.output), String(graph.outputs.length)];
  for (const n of graph.nodes) {
    parts.push(
      `${n.kind}:${n.op}:${n.label}:${n.args.join(',')}:${n.binding ?? ''}:${n.folded?.length ?? ''}`,
    );
  }
  return parts.join('|');
}
