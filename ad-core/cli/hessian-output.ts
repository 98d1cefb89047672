// `--hessian`: the Hessian matrix as text (a labelled table, then its finite-difference check) and
// as JSON keyed by variable names (`"hessian": {"x": {"x": …, "y": …}, …}`), non-finite entries as
// strings like the rest of the JSON.
import type { HessianResult } from '../hessian.ts';
import { jsonNumber, type JsonNumber } from './render-json.ts';
import { fullNumber, table } from './render-text.ts';

/** Nested objects with no prototype, so a variable called `__proto__` is just a key. */
function byName<T>(names: readonly string[], value: (i: number) => T): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  names.forEach((name, i) => {
    out[name] = value(i);
  });
  return out;
}

/** The JSON fields `--hessian` adds: `hessian` (and `hessianCheck`), or `hessianError`. */
export function hessianJson(result: HessianResult): Record<string, unknown> {
  if (!result.ok) {
    return {
      hessianError: {
        code: result.code,
        message: result.message,
        hint: result.hint,
        variables: result.variables,
        limit: result.limit,
      },
    };
  }
  const names = result.variables;
  return {
    hessian: byName(names, (i) =>
      byName<JsonNumber>(names, (j) => jsonNumber(result.matrix[i]![j]!)),
    ),
    hessianCheck: byName(names, (i) =>
      byName(names, (j) => {
        const e = result.check[i]![j]!;
        return { fd: jsonNumber(e.fd), absError: jsonNumber(e.absError), status: e.status };
      }),
    ),
  };
}

/** The text section: the matrix with variable names on both sides, then the check per entry. */
export function hessianText(result: HessianResult): string {
  if (!result.ok) return `Hessian: ${result.message}\n  ${result.hint}\n`;
  const names = result.variables;
  if (names.length === 0) return 'Hessian: the formula has no variables.\n';
  const matrix = table(
    ['', ...names],
    names.map((name, i) => [name, ...result.matrix[i]!.map(fullNumber)]),
    [false, ...names.map(() => true)],
  );
  const checkRows = names.flatMap((a, i) =>
    names.map((b, j) => {
      const e = result.check[i]![j]!;
      return [
        `∂²f/∂${a}∂${b}`,
        fullNumber(e.ad),
        fullNumber(e.fd),
        fullNumber(e.absError),
        e.status,
      ];
    }),
  );
  const check = table(
    ['entry', 'forward-over-reverse', 'central difference', '|error|', 'status'],
    checkRows,
    [false, true, true, true, false],
  );
  return [
    'Hessian (forward-over-reverse, one Hessian-vector product per variable):',
    ...matrix.map((l) => '  ' + l),
    '',
    `Hessian check (central difference of the gradient; agrees when |error| ≤ ${result.tolerance.toExponential(0)}·max(1, |entry|)):`,
    ...check.map((l) => '  ' + l),
    '',
  ].join('\n');
}
