// Values and local partials of a graph at a point: the forward sweep every mode starts from.
import { OP_CONSTANT } from './graph.ts';
import { OPS_BY_INDEX, sweepValues, sweepValuesAndPartials } from './ops.ts';
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

/** Op nodes as flat arrays in tape order, the shape `sweepValuesAndPartials` runs over. */
export interface OpList {
  code: Int16Array;
  dst: Int32Array;
  src0: Int32Array;
  src1: Int32Array;
}

const ALL_OPS = new WeakMap<Graph, OpList>();

/** Every op node of `graph` (a unary op reads its argument as `b` too, which it ignores). */
export function allOps(graph: Graph): OpList {
  const known = ALL_OPS.get(graph);
  if (known) return known;
  const { opIndex, arg0, arg1 } = graph.tape;
  const ids: number[] = [];
  for (let i = 0; i < opIndex.length; i++) if (opIndex[i]! >= 0) ids.push(i);
  const list: OpList = {
    code: Int16Array.from(ids, (i) => opIndex[i]!),
    dst: Int32Array.from(ids),
    src0: Int32Array.from(ids, (i) => arg0[i]!),
    src1: Int32Array.from(ids, (i) => (arg1[i]! >= 0 ? arg1[i]! : arg0[i]!)),
  };
  ALL_OPS.set(graph, list);
  return list;
}

/**
 * Values, the local partial ∂(to)/∂(from) of every edge, and the nodes where a convention of
 * DESIGN.md decided a partial (only for arguments that are not constants: the exponent `2` of
 * `x^2` is never differentiated, so no rule about it applies). Edges from constants carry their
 * true local partial too, which may be NaN (`∂(x^y)/∂y` for x < 0); no mode ever uses them.
 */
export function evaluate(graph: Graph, point: Point): Evaluation {
  const values = seedValues(graph, point);
  const { code, dst, src0, src1 } = allOps(graph);
  const p0 = new Float64Array(code.length);
  const p1 = new Float64Array(code.length);
  sweepValuesAndPartials(code, dst, src0, src1, values, p0, p1);
  const { opIndex, arg0, arg1, edge0, edge1 } = graph.tape;
  const partials = new Float64Array(graph.edges.length);
  const conventions = new Map<number, string>();
  for (let j = 0; j < code.length; j++) {
    const i = dst[j]!;
    const row = OPS_BY_INDEX[code[j]!]!;
    const a0 = arg0[i]!;
    const a1 = arg1[i]!;
    const a = values[a0]!;
    const b = a1 >= 0 ? values[a1]! : 0;
    partials[edge0[i]!] = p0[j]!;
    if (a1 >= 0) partials[edge1[i]!] = p1[j]!;
    const rule =
      (opIndex[a0] !== OP_CONSTANT ? row.ruleFor(0, a, b) : null) ??
      (a1 >= 0 && opIndex[a1] !== OP_CONSTANT ? row.ruleFor(1, a, b) : null);
    if (rule !== null) conventions.set(i, rule);
  }
  return { values, partials, conventions };
}

/** Every node's value at `point`, nothing else: the plain cost of computing the function. */
export function evaluateValues(graph: Graph, point: Point): Float64Array {
  const values = seedValues(graph, point);
  const { code, dst, src0, src1 } = allOps(graph);
  sweepValues(code, dst, src0, src1, values);
  return values;
}
