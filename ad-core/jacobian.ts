// Several outputs: the Jacobian J[j][i] = ∂yⱼ/∂xᵢ, built the two ways the modes offer. Forward
// mode gives one column per pass (seed eᵢ: every output's tangent at once); reverse mode one row
// per pass (seed ȳⱼ = 1: every input's adjoint at once). With n inputs and m outputs that is n
// passes against m: the lesson "forward wins when inputs are few and outputs many" as numbers.
import { checkGradient } from './check.ts';
import { evaluate } from './evaluate.ts';
import { forward } from './forward.ts';
import { subscript } from './format.ts';
import { pointFrom } from './point.ts';
import { reverse } from './reverse.ts';
import type { CheckOptions, CheckRow, Evaluation, Graph, Point } from './types.ts';

export type JacobianMode = 'forward' | 'reverse';

/** The passes each mode needs for the whole Jacobian, and which needs fewer. */
export interface JacobianCost {
  /** Forward mode: one pass per input (n). */
  forward: number;
  /** Reverse mode: one pass per output (m). */
  reverse: number;
  cheaper: JacobianMode | 'either';
}

export interface Jacobian {
  variables: readonly string[];
  /** Output node ids, in the order of the last line. */
  outputs: readonly number[];
  /** Each output's value at the point. */
  values: number[];
  /** rows[j][i] = ∂(output j)/∂(variable i). */
  rows: number[][];
  /** How it was built and how many passes that took. */
  mode: JacobianMode;
  passes: number;
}

/** A graph of several outputs has more than one entry in `outputs`. */
export function hasSeveralOutputs(graph: Graph): boolean {
  return graph.outputs.length > 1;
}

const FOCUSED = new WeakMap<Graph, Graph[]>();
/** A focused graph → the graph as built, so focusing again starts from the same object. */
const BUILT = new WeakMap<Graph, Graph>();

/**
 * The same graph with output k as the one the reverse pass, the trace and the gradient check use
 * (row k of the Jacobian). Cached, so asking twice gives the same object (the app keys on it).
 * An index outside the outputs gives the graph itself.
 */
export function focusOutput(graph: Graph, k: number): Graph {
  const built = BUILT.get(graph) ?? graph;
  const id = built.outputs[k];
  if (id === undefined) return graph;
  if (k === 0 || id === built.output) return built;
  let known = FOCUSED.get(built);
  if (!known) FOCUSED.set(built, (known = []));
  let focused = known[k];
  if (!focused) {
    focused = { ...built, output: id };
    known[k] = focused;
    BUILT.set(focused, built);
  }
  return focused;
}

/** Index of the graph's current output among its outputs (0 when it is the first or not found). */
export function focusedIndex(graph: Graph): number {
  const k = graph.outputs.indexOf(graph.output);
  return k < 0 ? 0 : k;
}

/** `y₁`, `y₂`, … : the name an output carries in the graph, the tables and the CLI. */
export function outputName(k: number): string {
  return `y${subscript(k + 1)}`;
}

/**
 * What a node's output tag says in a graph of several outputs: `y₂` (or `y₁, y₃` for a node listed
 * twice); null for a node that is not an output, and for every node of a one-output graph (there
 * the tag says `output`).
 */
export function outputTag(graph: Graph, node: number): string | null {
  if (graph.outputs.length < 2) return null;
  const names: string[] = [];
  graph.outputs.forEach((id, k) => {
    if (id === node) names.push(outputName(k));
  });
  return names.length > 0 ? names.join(', ') : null;
}

export function jacobianCost(graph: Graph): JacobianCost {
  const n = graph.variables.length;
  const m = graph.outputs.length;
  return { forward: n, reverse: m, cheaper: n < m ? 'forward' : m < n ? 'reverse' : 'either' };
}

/** Forward pass with seed eᵢ: column i, ∂yⱼ/∂xᵢ for every output j. */
export function jacobianColumn(graph: Graph, evaluation: Evaluation, i: number): number[] {
  const seed = pointFrom(graph.variables.map((name, k) => [name, k === i ? 1 : 0]));
  const { tangents } = forward(graph, evaluation, seed);
  return graph.outputs.map((id) => tangents[id] ?? NaN);
}

/** Reverse pass seeded at output j (ȳⱼ = 1, the others 0): row j, ∂yⱼ/∂xᵢ for every input i. */
export function jacobianRow(graph: Graph, evaluation: Evaluation, j: number): number[] {
  const { adjoints } = reverse(focusOutput(graph, j), evaluation);
  return graph.inputs.map((id) => adjoints[id] ?? NaN);
}

/** The whole Jacobian by one mode: n forward passes (columns) or m reverse passes (rows). */
export function jacobian(graph: Graph, point: Point, mode: JacobianMode): Jacobian {
  const evaluation = evaluate(graph, point);
  const m = graph.outputs.length;
  const n = graph.variables.length;
  let rows: number[][];
  if (mode === 'forward') {
    rows = Array.from({ length: m }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      jacobianColumn(graph, evaluation, i).forEach((d, j) => {
        rows[j]![i] = d;
      });
    }
  } else {
    rows = graph.outputs.map((_, j) => jacobianRow(graph, evaluation, j));
  }
  return {
    variables: graph.variables,
    outputs: graph.outputs,
    values: graph.outputs.map((id) => evaluation.values[id] ?? NaN),
    rows,
    mode,
    passes: mode === 'forward' ? n : m,
  };
}

/**
 * The gradient check grown into a Jacobian check: one row of check rows per output, each the
 * reverse-mode partials of that output against the chosen finite difference (same methods,
 * steps and tolerances as the gradient check).
 */
export function checkJacobian(
  graph: Graph,
  point: Point,
  options: CheckOptions = {},
): CheckRow[][] {
  return graph.outputs.map((_, j) => checkGradient(focusOutput(graph, j), point, options));
}
