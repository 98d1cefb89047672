// Values and local partials of a graph at a point: the forward sweep every mode starts from.
import { OP_CONSTANT } from './graph.ts';
import { OPS_BY_INDEX, sweepValuesInPlace } from './ops.ts';
import type { Evaluation, Graph, Point } from './types.ts';

/**
 * The value of variable `name` at `point`. A variable missing from the point (or not a number)
 * is NaN, so the gap shows as NaN all the way to the output instead of silently becoming 0.
 */
export function pointValue(point: Point, name: string): number {
  if (!Object.hasOwn(point, name)) return NaN;
  const v = point[name];
  return typeof v === 'number' ? v : NaN;
}

/** Inputs and constants written into a fresh value array; op slots are left for the sweep. */
export function seedValues(graph: Graph, point: Point): Float64Array {
  // The tape's constant column is 0 except at constants: one block copy seeds them all.
  const values = new Float64Array(graph.tape.constant);
  graph.inputs.forEach((id, k) => {
    values[id] = pointValue(point, graph.variables[k]!);
  });
  return values;
}

/** Forward sweep over the tape, in place: op values from their arguments. */
export function sweepValues(graph: Graph, values: Float64Array): void {
  const { opIndex, arg0, arg1 } = graph.tape;
  sweepValuesInPlace(opIndex, arg0, arg1, values);
}

/** Every node's value at `point`, nothing else: the plain cost of computing the function. */
export function evaluateValues(graph: Graph, point: Point): Float64Array {
  const values = seedValues(graph, point);
  sweepValues(graph, values);
  return values;
}

/**
 * Values, the local partial ∂(to)/∂(from) of every edge, and the nodes where a convention of
 * DESIGN.md decided a partial (only for arguments that are not constants: the exponent `2` of
 * `x^2` is never differentiated, so no rule about it applies). Edges from constants carry their
 * true local partial too, which may be NaN (`∂(x^y)/∂y` for x < 0); no mode ever uses them.
 */
export function evaluate(graph: Graph, point: Point): Evaluation {
  const values = evaluateValues(graph, point);
  const { opIndex, arg0, arg1, edge0, edge1 } = graph.tape;
  const partials = new Float64Array(graph.edges.length);
  const conventions = new Map<number, string>();
  const g = new Float64Array(2);
  for (let i = 0; i < opIndex.length; i++) {
    const k = opIndex[i]!;
    if (k < 0) continue;
    const row = OPS_BY_INDEX[k]!;
    const a0 = arg0[i]!;
    const a1 = arg1[i]!;
    const a = values[a0]!;
    const b = a1 >= 0 ? values[a1]! : 0;
    row.partials(a, b, values[i]!, g);
    partials[edge0[i]!] = g[0]!;
    if (a1 >= 0) partials[edge1[i]!] = g[1]!;
    const rule =
      (opIndex[a0] !== OP_CONSTANT ? row.ruleFor(0, a, b) : null) ??
      (a1 >= 0 && opIndex[a1] !== OP_CONSTANT ? row.ruleFor(1, a, b) : null);
    if (rule !== null) conventions.set(i, rule);
  }
  return { values, partials, conventions };
}
