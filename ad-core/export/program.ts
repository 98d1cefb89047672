// What every target's generator needs from the graph: the nodes in tape order with each
// argument as the target writes it (an input's identifier, `v3`, or a number literal), which
// nodes the output depends on, and the point. Built from the graph, never from the source text.
import { outputAncestors } from '../graph.ts';
import { pointGet } from '../point.ts';
import type { Graph, Point } from '../types.ts';
import { identifierFor, numberLiteral, type Language } from './literals.ts';

export interface ExportNode {
  id: number;
  kind: 'input' | 'constant' | 'op';
  op: string;
  /** Wengert name (`v₃`), for the comment beside its line. */
  wengert: string;
  /** How the program refers to it: identifier, `v3`, or a literal (constants, parenthesised if negative). */
  ref: string;
  args: number[];
  constant?: number;
  live: boolean;
}

export interface ExportProgram {
  nodes: ExportNode[];
  /** Input node ids, parallel to `names` and `identifiers`. */
  inputs: number[];
  names: string[];
  identifiers: string[];
  /** Each input's value at the point. */
  values: number[];
  output: number;
}

export function programOf(graph: Graph, point: Point, language: Language): ExportProgram {
  const live = outputAncestors(graph);
  const taken = new Set<string>();
  const identifiers = graph.variables.map((name, k) => identifierFor(name, k, language, taken));
  const idOfInput = new Map<number, string>();
  graph.inputs.forEach((id, k) => idOfInput.set(id, identifiers[k]!));
  const nodes = graph.nodes.map((n): ExportNode => {
    let ref: string;
    if (n.kind === 'input') ref = idOfInput.get(n.id)!;
    else if (n.kind === 'constant') {
      const lit = numberLiteral(n.constant ?? NaN, language);
      ref = lit.startsWith('-') ? `(${lit})` : lit;
    } else ref = `v${n.wengertIndex ?? n.id}`;
    return {
      id: n.id,
      kind: n.kind,
      op: n.op,
      wengert: n.name,
      ref,
      args: n.args,
      ...(n.constant !== undefined ? { constant: n.constant } : {}),
      live: live[n.id] === 1,
    };
  });
  return {
    nodes,
    inputs: graph.inputs,
    names: graph.variables,
    identifiers,
    values: graph.variables.map((name) => pointGet(point, name) ?? NaN),
    output: graph.output,
  };
}
