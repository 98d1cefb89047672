// A node's definition in Wengert names, as the trace table and the textbooks write it:
// `v₂ = v₋₁ · v₀`, `v₄ = sin(v₀)`. Built from the graph, never from the learner's raw text.
import { OPS_BY_ID, type Graph, type GraphNode } from '../../ad-core/index.ts';

const BAR = '\u0304';
const DOT = '\u0307';

const mark = (name: string, m: string) => (name.startsWith('v') ? `v${m}${name.slice(1)}` : name);

/** `v₃` → `v̄₃`, the adjoint's name. */
export const adjointName = (n: GraphNode) => mark(n.name, BAR);
/** `v₃` → `v̇₃`, the tangent's name. */
export const tangentName = (n: GraphNode) => mark(n.name, DOT);

/** The right-hand side: `v₋₁ · v₀`, `sin(v₀)`, `x1` for an input. */
export function definitionOf(graph: Graph, node: GraphNode): string {
  if (node.kind === 'input') return node.variable ?? node.label;
  if (node.kind === 'constant') return node.label;
  const args = node.args.map((id) => graph.nodes[id]?.name ?? '?');
  const row = OPS_BY_ID[node.op];
  if (!row) return `${node.op}(${args.join(', ')})`;
  if (row.infix && args.length === 2) return `${args[0]} ${row.infix} ${args[1]}`;
  if (row.id === 'neg') return `−${args[0]}`;
  if (row.id === 'abs') return `|${args[0]}|`;
  return `${row.symbol}(${args.join(', ')})`;
}

/** `v₂ = v₋₁ · v₀`. */
export function equationOf(graph: Graph, node: GraphNode): string {
  return `${node.name} = ${definitionOf(graph, node)}`;
}

/** ∂out/∂(argument i) of `node`, symbolic in Wengert names: `−v₂/v₀²` for `v₃ = v₂ / v₀`, i = 1. */
export function localDerivativeOf(graph: Graph, node: GraphNode, argIndex: number): string {
  const row = OPS_BY_ID[node.op];
  const text = row?.partialText[argIndex];
  if (text === undefined) return '?';
  const args = node.args.map((id) => graph.nodes[id]?.name ?? '?');
  const rhs = text.slice(text.indexOf(' = ') + 3);
  return rhs.replace(/\b[ab]\b/g, (m) => (m === 'a' ? args[0] : args[1]) ?? m);
}

/**
 * `∂v₃/∂v₀ = −v₂/v₀²`, the local derivative along each edge from `arg` into `node`; `x*x` has two
 * edges and gets one line per argument slot (`∂v₁/∂v₀ (first factor) = v₀`).
 */
export function localDerivativeLines(graph: Graph, node: GraphNode, arg: number): string[] {
  const row = OPS_BY_ID[node.op];
  const slots = node.args.flatMap((id, i) => (id === arg ? [i] : []));
  const from = graph.nodes[arg]?.name ?? '?';
  return slots.map((i) => {
    const slot = slots.length > 1 ? ` (${row?.slots[i] ?? `argument ${i + 1}`})` : '';
    return `∂${node.name}/∂${from}${slot} = ${localDerivativeOf(graph, node, i)}`;
  });
}
