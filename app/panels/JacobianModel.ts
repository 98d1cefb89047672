// What the Jacobian panel shows, computed from the store's derived data (no React here): the full
// matrix, each entry's finite-difference check, the entries the pass on screen fills (a column in
// forward mode, a row in reverse mode) and how far that pass has got, and each mode's pass count.
import {
  checkJacobian,
  evaluate,
  focusOutput,
  focusedIndex,
  jacobian,
  jacobianCost,
  outputName,
} from '../../ad-core/index.ts';
import type {
  CheckRow,
  FdMethod,
  Frame,
  Graph,
  JacobianCost,
  Mode,
  Point,
} from '../../ad-core/index.ts';
import { outputLabels } from './JacobianOutputs.ts';

/** Past this many entries the panel shows the pass counts but not the matrix. */
export const JACOBIAN_PANEL_MAX_ENTRIES = 144;

export interface JacobianOutput {
  index: number;
  name: string;
  /** `y₂ = sin(x)`: the output's name and what the last line says for it. */
  label: string;
  value: number;
}

export interface JacobianView {
  outputs: JacobianOutput[];
  variables: readonly string[];
  /** rows[j][i] = ∂yⱼ/∂xᵢ, by the cheaper mode (both agree: ad-core/jacobian.test.ts). */
  rows: number[][] | null;
  /** Per entry, the check of that output's gradient; null when the matrix is not shown. */
  check: CheckRow[][] | null;
  cost: JacobianCost;
  /** The output the reverse pass follows. */
  followed: number;
  /** What the pass on screen fills: a row (reverse), a column (forward, unit seed) or nothing. */
  fills: { kind: 'row'; output: number } | { kind: 'column'; variable: number } | { kind: 'none' };
}

function evaluatedOutputs(graph: Graph, point: Point): number[] {
  const { values } = evaluate(graph, point);
  return graph.outputs.map((id) => values[id] ?? NaN);
}

/** The unit seed's variable index, or -1 for any other direction. */
function unitSeedIndex(variables: readonly string[], seed: Point): number {
  let hit = -1;
  for (let i = 0; i < variables.length; i++) {
    const v = seed[variables[i]!] ?? 0;
    if (v === 0) continue;
    if (v !== 1 || hit >= 0) return -1;
    hit = i;
  }
  return hit;
}

export interface JacobianInputs {
  graph: Graph;
  source: string;
  point: Point;
  mode: Mode;
  seedVector: Point;
  method: FdMethod;
  h: number | null;
}

export function jacobianView(input: JacobianInputs): JacobianView | null {
  const { graph, point } = input;
  if (graph.outputs.length < 2) return null;
  const built = focusOutput(graph, 0);
  const m = built.outputs.length;
  const n = built.variables.length;
  const show = m * n <= JACOBIAN_PANEL_MAX_ENTRIES;
  const cost = jacobianCost(built);
  // The cheaper mode: a tall or wide Jacobian is never built the expensive way here.
  const J = show
    ? jacobian(built, point, cost.cheaper === 'reverse' ? 'reverse' : 'forward')
    : { values: evaluatedOutputs(built, point), rows: null };
  const labels = outputLabels(input.source, m);
  const outputs = J.values.map((value, j) => ({
    index: j,
    name: outputName(j),
    label: labels[j]!,
    value,
  }));
  const followed = focusedIndex(graph);
  const seedIndex = unitSeedIndex(built.variables, input.seedVector);
  return {
    outputs,
    variables: built.variables,
    rows: show ? J.rows : null,
    check: show
      ? checkJacobian(
          built,
          point,
          input.h === null ? { method: input.method } : { method: input.method, h: input.h },
        )
      : null,
    cost,
    followed,
    fills:
      input.mode === 'reverse'
        ? { kind: 'row', output: followed }
        : seedIndex >= 0
          ? { kind: 'column', variable: seedIndex }
          : { kind: 'none' },
  };
}

/**
 * The entry (j, i) as the pass on screen has it so far: the tangent of output j once forward mode
 * has computed it (column pass), the adjoint of input i once the reverse pass is done (row pass);
 * null while that pass has not got there. Undefined: the pass on screen does not fill this entry.
 */
export function entrySoFar(
  view: JacobianView,
  graph: Graph,
  frame: Frame | null,
  j: number,
  i: number,
): number | null | undefined {
  const { fills } = view;
  if (fills.kind === 'row' && fills.output === j) {
    if (!frame || frame.phase !== 'done') return null;
    return frame.adjoints[graph.inputs[i]!] ?? null;
  }
  if (fills.kind === 'column' && fills.variable === i) {
    const id = graph.outputs[j]!;
    return frame?.tangents[id] ?? null;
  }
  return undefined;
}
