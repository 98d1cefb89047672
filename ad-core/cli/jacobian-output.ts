// Several outputs: the Jacobian as text (a table with the outputs as rows, the pass counts of each
// mode, its finite-difference check) and as JSON keyed by output index and variable name
// (`"jacobian": {"0": {"x": …}, "1": {…}}`), non-finite entries as strings like the rest.
import { checkJacobian, jacobian, jacobianCost, outputName } from '../jacobian.ts';
import type { JacobianCost } from '../jacobian.ts';
import type { CheckOptions, CheckRow, Graph, Point } from '../types.ts';
import { jsonNumber } from './render-json.ts';
import { fullNumber, table } from './render-text.ts';

/** Past this many entries the per-entry finite-difference check is left out (and said so). */
export const JACOBIAN_CHECK_MAX_ENTRIES = 2_500;

export interface JacobianReport {
  variables: readonly string[];
  /** Output j's value. */
  values: number[];
  /** rows[j][i] = ∂yⱼ/∂xᵢ, by the cheaper mode. */
  rows: number[][];
  cost: JacobianCost;
  /** Largest |forward − reverse| over the entries when both modes were run; null when only one was. */
  modesDiffer: number | null;
  /** One check row per entry, or null when the matrix is too big to check entry by entry. */
  check: CheckRow[][] | null;
}

/** Both modes' Jacobians (so the counts are of passes really made) and the check. */
export function jacobianReport(graph: Graph, point: Point, options: CheckOptions): JacobianReport {
  const cost = jacobianCost(graph);
  const entries = graph.outputs.length * graph.variables.length;
  // Up to the check's limit both modes run, to show they agree; beyond it only the cheaper one.
  const both = entries <= JACOBIAN_CHECK_MAX_ENTRIES;
  const byForward = both || cost.cheaper !== 'reverse' ? jacobian(graph, point, 'forward') : null;
  const byReverse = both || cost.cheaper === 'reverse' ? jacobian(graph, point, 'reverse') : null;
  let modesDiffer: number | null = byForward && byReverse ? 0 : null;
  byForward?.rows.forEach((row, j) =>
    row.forEach((v, i) => {
      if (!byReverse || modesDiffer === null) return;
      const w = byReverse.rows[j]![i]!;
      if (Object.is(v, w)) return;
      const d = Math.abs(v - w);
      modesDiffer = Number.isNaN(d) || d > modesDiffer ? d : modesDiffer;
    }),
  );
  const cheaper = (cost.cheaper === 'reverse' ? byReverse : byForward) ?? byForward ?? byReverse!;
  return {
    variables: graph.variables,
    values: cheaper.values,
    rows: cheaper.rows,
    cost,
    modesDiffer,
    check: entries <= JACOBIAN_CHECK_MAX_ENTRIES ? checkJacobian(graph, point, options) : null,
  };
}

/** Objects without a prototype, so a variable called `__proto__` is just a key. */
function byName<T>(names: readonly string[], value: (i: number) => T): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  names.forEach((name, i) => {
    out[name] = value(i);
  });
  return out;
}

function byIndex<T>(count: number, value: (j: number) => T): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (let j = 0; j < count; j++) out[String(j)] = value(j);
  return out;
}

/** The JSON fields a formula with several outputs adds. */
export function jacobianJson(r: JacobianReport): Record<string, unknown> {
  const m = r.values.length;
  return {
    outputs: r.values.map(jsonNumber),
    jacobian: byIndex(m, (j) => byName(r.variables, (i) => jsonNumber(r.rows[j]![i]!))),
    jacobianPasses: { forward: r.cost.forward, reverse: r.cost.reverse, cheaper: r.cost.cheaper },
    ...(r.check
      ? {
          jacobianCheck: byIndex(m, (j) =>
            byName(r.variables, (i) => {
              const c = r.check![j]![i]!;
              return { fd: jsonNumber(c.fd), absError: jsonNumber(c.absError), status: c.status };
            }),
          ),
        }
      : {}),
  };
}

function shortError(x: number): string {
  if (!Number.isFinite(x) || x === 0) return fullNumber(x);
  return x.toExponential(1).replace(/-/g, '−');
}

function passes(n: number, what: string): string {
  return `${n} pass${n === 1 ? '' : 'es'} (one per ${what})`;
}

/** The text section, printed after the report (whose value, gradient and trace are y₁'s). */
export function jacobianText(r: JacobianReport): string {
  const m = r.values.length;
  const names = r.variables;
  const matrix = table(
    ['output', 'value', ...names.map((v) => `∂/∂${v}`)],
    r.values.map((value, j) => [outputName(j), fullNumber(value), ...r.rows[j]!.map(fullNumber)]),
    [false, true, ...names.map(() => true)],
  );
  const { forward, reverse, cheaper } = r.cost;
  const verdict =
    cheaper === 'either'
      ? 'neither mode is cheaper here'
      : `${cheaper} mode is cheaper (${Math.min(forward, reverse)} against ${Math.max(forward, reverse)})`;
  const out = [
    `Several outputs (${m}): the value, gradient, check and trace above are ${outputName(0)}'s.`,
    `Jacobian (row j: ∂yⱼ/∂ each variable; column i: ∂ every output/∂xᵢ):`,
    ...matrix.map((l) => '  ' + l),
    '',
    `Passes for the whole Jacobian: forward mode ${passes(forward, 'variable, a column each')}, ` +
      `reverse mode ${passes(reverse, 'output, a row each')}: ${verdict}.`,
    r.modesDiffer === null
      ? `Built by ${r.cost.cheaper === 'reverse' ? 'reverse' : 'forward'} mode only (too many entries to run both).`
      : `Both modes were run; largest difference between them: ${fullNumber(r.modesDiffer)}.`,
    '',
  ];
  if (!r.check) {
    out.push(
      `Jacobian check left out: ${(m * names.length).toLocaleString('en-US')} entries (the limit is ${JACOBIAN_CHECK_MAX_ENTRIES.toLocaleString('en-US')}).`,
      '',
    );
    return out.join('\n');
  }
  const rows = r.check.flatMap((row, j) =>
    row.map((c) => [
      `∂${outputName(j)}/∂${c.variable}`,
      fullNumber(c.ad),
      fullNumber(c.fd),
      shortError(c.absError),
      c.status,
    ]),
  );
  const tolerance = (r.check[0]?.[0]?.tolerance ?? NaN).toExponential(0).replace(/-/g, '−');
  out.push(
    `Jacobian check (the gradient check's method, per output; pass when |AD − FD| ≤ ${tolerance}·max(1,|AD|)):`,
    ...table(['entry', 'AD (reverse mode)', 'FD', '|AD − FD|', 'status'], rows, [
      false,
      true,
      true,
      true,
      false,
    ]).map((l) => '  ' + l),
    '',
  );
  return out.join('\n');
}
