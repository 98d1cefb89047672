// Forward mode: tangents v̇ for one seed direction, v̇ᵢ = Σ over edges ∂vᵢ/∂arg · arg̊.
import { pointValue } from './evaluate.ts';
import { pointFrom } from './point.ts';
import type { Evaluation, ForwardResult, Graph, Point } from './types.ts';

/** The seed component of every input: missing from the seed means 0 (a direction lists what moves). */
export function seedTangents(graph: Graph, seed: Point): Float64Array {
  const tangents = new Float64Array(graph.nodes.length);
  graph.inputs.forEach((id, k) => {
    const name = graph.variables[k]!;
    tangents[id] = Object.hasOwn(seed, name) ? pointValue(seed, name) : 0;
  });
  return tangents;
}

/**
 * 1 for every node that depends on an input with a non-zero seed component. This is the forward
 * twin of reverse mode skipping nodes the output does not use: a node that does not move along
 * the seed contributes nothing, rather than 0 · ∞ = NaN from a partial it never needed (with
 * seed e_y, `log(x) + y` at x = −1 has tangent 1, as reverse mode's ∂f/∂y says).
 */
export function activeNodes(graph: Graph, tangents: Float64Array): Uint8Array {
  const { opIndex, arg0, arg1 } = graph.tape;
  const active = new Uint8Array(opIndex.length);
  for (const id of graph.inputs) if (tangents[id] !== 0) active[id] = 1;
  for (let i = 0; i < opIndex.length; i++) {
    if (opIndex[i]! < 0) continue;
    const b = arg1[i]!;
    if (active[arg0[i]!] === 1 || (b >= 0 && active[b] === 1)) active[i] = 1;
  }
  return active;
}

/**
 * Tangents of every node along `seed` (variable → tangent; missing variables get 0). Constants and
 * nodes that do not depend on the seeded inputs have tangent 0 and pass nothing on.
 */
export function forward(graph: Graph, evaluation: Evaluation, seed: Point): ForwardResult {
  const { opIndex, arg0, arg1, edge0, edge1 } = graph.tape;
  const { partials } = evaluation;
  const tangents = seedTangents(graph, seed);
  const active = activeNodes(graph, tangents);
  for (let i = 0; i < opIndex.length; i++) {
    if (opIndex[i]! < 0 || active[i] === 0) continue;
    const a0 = arg0[i]!;
    const a1 = arg1[i]!;
    let t = 0;
    if (active[a0] === 1) t += partials[edge0[i]!]! * tangents[a0]!;
    if (a1 >= 0 && active[a1] === 1) t += partials[edge1[i]!]! * tangents[a1]!;
    tangents[i] = t;
  }
  return { tangents };
}

/** The default forward-mode seed: e₁, the first variable's unit direction. */
export function defaultSeed(graph: Graph): Point {
  return pointFrom(graph.variables.map((name, k) => [name, k === 0 ? 1 : 0]));
}
