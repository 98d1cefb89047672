// Evaluations the compile worker made beside a large graph (values and partials at the point in
// use when it compiled), kept for `derive`, so the page does not sweep the whole tape again in the
// task that shows the graph. Keyed by the graph's tape, which every focused copy of a graph shares
// (evaluation does not depend on which output is followed), and by the point's key.
import type { Evaluation, Graph } from '../../ad-core/index.ts';

interface Known {
  pointKey: string;
  evaluation: Evaluation;
}

const known = new WeakMap<Graph['tape'], Known>();

/** Remembers `evaluation` as `evaluate(graph, point)` for the point whose key is `pointKey`. */
export function rememberEvaluation(graph: Graph, pointKey: string, evaluation: Evaluation): void {
  known.set(graph.tape, { pointKey, evaluation });
}

/** The remembered evaluation of `graph` at the point keyed `pointKey`, if there is one. */
export function evaluationAt(graph: Graph, pointKey: string): Evaluation | undefined {
  const k = known.get(graph.tape);
  return k && k.pointKey === pointKey ? k.evaluation : undefined;
}
