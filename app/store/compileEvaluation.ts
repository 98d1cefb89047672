// The evaluation the compile worker makes beside a graph: at the point `derive` will use for it
// (effectivePoint of the user's values), keyed as derive keys points, so derive can tell it is
// the very evaluation it would compute.
import { evaluate, pointFrom, type Graph } from '../../ad-core/index.ts';
import { effectivePoint, pointKeyOf } from './derive.ts';
import type { PointEvaluation } from './compileTransfer.ts';

export function evaluateAt(graph: Graph, userPoint: Iterable<readonly [string, number]>): PointEvaluation {
  const point = effectivePoint(graph, pointFrom(userPoint));
  return { pointKey: pointKeyOf(point), evaluation: evaluate(graph, point) };
}
