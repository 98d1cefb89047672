// The animation as data: each mode's passes as a list of steps, and `frameAt`, a pure replay
// of the first k steps, so the player can step back and scrub without recomputing anything.
import { evaluate } from './evaluate.ts';
import { activeNodes, defaultSeed, seedTangents } from './forward.ts';
import { OP_CONSTANT, outputAncestors } from './graph.ts';
import type { Contribution, Evaluation, Frame, Graph, Mode, Point, Step, Trace } from './types.ts';

/**
 * The steps of one mode at `point`.
 *
 * Reverse: one `evaluate` per input and op node in tape order (constants are always known), a
 * `seed-adjoint` on the output, then one `propagate` per op node the output depends on, in
 * reverse tape order, with one contribution per edge to a non-constant argument.
 *
 * Forward: one `evaluate` per input and op node carrying value and tangent; an input's tangent is
 * its seed component (default e₁, missing components 0), an op's is the sum of its contributions.
 */
export function buildTrace(
  graph: Graph,
  point: Point,
  mode: Mode,
  seed?: Point,
  // `evaluate(graph, point)` when the caller has it already (the app's compile worker computes
  // it beside the graph, so the page does not sweep a 500,000-node tape a second time).
  evaluation: Evaluation = evaluate(graph, point),
): Trace {
  if (mode === 'forward') {
    const s = seed ?? defaultSeed(graph);
    return { mode, graph, evaluation, steps: forwardSteps(graph, evaluation, s), seed: s };
  }
  return { mode, graph, evaluation, steps: reverseSteps(graph, evaluation) };
}

function reverseSteps(graph: Graph, evaluation: Evaluation): Step[] {
  const { opIndex, arg0, arg1, edge0, edge1 } = graph.tape;
  const { values, partials } = evaluation;
  const steps: Step[] = [];
  for (let i = 0; i < opIndex.length; i++) {
    if (opIndex[i] !== OP_CONSTANT) steps.push({ kind: 'evaluate', node: i, value: values[i]! });
  }
  if (graph.output < 0) return steps;
  steps.push({ kind: 'seed-adjoint', node: graph.output, adjoint: 1 });
  const live = outputAncestors(graph);
  const adjoints = new Float64Array(opIndex.length);
  adjoints[graph.output] = 1;
  // One pass per argument slot, no per-node scratch arrays: a 500,000-node sum builds a million
  // steps, and every allocation saved here is garbage the page does not collect.
  const contribute = (i: number, adjoint: number, to: number, edge: number, out: Contribution[]) => {
    if (opIndex[to] === OP_CONSTANT) return;
    const partial = partials[edge]!;
    const amount = adjoint * partial;
    const before = adjoints[to]!;
    const after = before + amount;
    adjoints[to] = after;
    out.push({ edge, from: i, to, partial, amount, before, after });
  };
  for (let i = graph.output; i >= 0; i--) {
    if (opIndex[i]! < 0 || live[i] === 0) continue;
    const adjoint = adjoints[i]!;
    const contributions: Contribution[] = [];
    contribute(i, adjoint, arg0[i]!, edge0[i]!, contributions);
    if (arg1[i]! >= 0) contribute(i, adjoint, arg1[i]!, edge1[i]!, contributions);
    steps.push({ kind: 'propagate', node: i, adjoint, contributions });
  }
  return steps;
}

function forwardSteps(graph: Graph, evaluation: Evaluation, seed: Point): Step[] {
  const { opIndex, arg0, arg1, edge0, edge1 } = graph.tape;
  const { values, partials } = evaluation;
  const tangents = seedTangents(graph, seed);
  const active = activeNodes(graph, tangents);
  const steps: Step[] = [];
  for (let i = 0; i < opIndex.length; i++) {
    const k = opIndex[i]!;
    if (k === OP_CONSTANT) continue;
    if (k < 0) {
      steps.push({ kind: 'evaluate', node: i, value: values[i]!, tangent: tangents[i]! });
      continue;
    }
    const contributions: Contribution[] = [];
    let sum = 0;
    for (let slot = 0; slot < 2; slot++) {
      const from = slot === 0 ? arg0[i]! : arg1[i]!;
      if (from < 0 || opIndex[from] === OP_CONSTANT) continue;
      const edge = slot === 0 ? edge0[i]! : edge1[i]!;
      const partial = partials[edge]!;
      // An argument that does not move along the seed carries exactly 0 (see forward.ts).
      const amount = active[from] === 1 ? partial * tangents[from]! : 0;
      const before = sum;
      sum = before + amount;
      contributions.push({ edge, from, to: i, partial, amount, before, after: sum });
    }
    tangents[i] = sum;
    steps.push({ kind: 'evaluate', node: i, value: values[i]!, tangent: sum, contributions });
  }
  return steps;
}

/** What is known after the first `k` steps (k clamped to [0, steps.length]); a pure replay. */
export function frameAt(trace: Trace, k: number): Frame {
  const { graph, steps } = trace;
  const total = steps.length;
  const step = Math.max(0, Math.min(total, Math.floor(Number.isFinite(k) ? k : k > 0 ? total : 0)));
  const n = graph.nodes.length;
  const values: (number | null)[] = new Array<number | null>(n).fill(null);
  const adjoints: (number | null)[] = new Array<number | null>(n).fill(null);
  const tangents: (number | null)[] = new Array<number | null>(n).fill(null);
  const { opIndex, constant } = graph.tape;
  for (let i = 0; i < n; i++) {
    if (opIndex[i] !== OP_CONSTANT) continue;
    values[i] = constant[i]!;
    if (trace.mode === 'forward') tangents[i] = 0;
  }
  for (let s = 0; s < step; s++) {
    const st = steps[s]!;
    switch (st.kind) {
      case 'evaluate':
        values[st.node] = st.value;
        if (st.tangent !== undefined) tangents[st.node] = st.tangent;
        break;
      case 'seed-tangents':
        for (const t of st.tangents) tangents[t.node] = t.tangent;
        break;
      case 'seed-adjoint':
        adjoints[st.node] = st.adjoint;
        break;
      case 'propagate':
        for (const c of st.contributions) adjoints[c.to] = c.after;
        break;
    }
  }
  const current = step > 0 ? steps[step - 1]! : null;
  return {
    step,
    total,
    current,
    values,
    adjoints,
    tangents,
    activeEdges: activeEdges(graph, current),
    phase: phaseOf(current, step, total),
  };
}

function activeEdges(graph: Graph, current: Step | null): number[] {
  if (!current) return [];
  switch (current.kind) {
    case 'evaluate':
      return [...(graph.inEdges[current.node] ?? [])];
    case 'propagate':
      return current.contributions.map((c) => c.edge);
    default:
      return [];
  }
}

function phaseOf(current: Step | null, step: number, total: number): Frame['phase'] {
  if (!current) return 'start';
  if (step === total) return 'done';
  switch (current.kind) {
    case 'evaluate':
      return 'forward';
    case 'seed-tangents':
    case 'seed-adjoint':
      return 'seed';
    case 'propagate':
      return 'reverse';
  }
}
