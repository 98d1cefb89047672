// The human-readable CLI output: value, gradient, gradient-check table and the trace, as aligned
// plain text (no colour codes, so it pastes cleanly into worksheets).
import { convergenceNote } from '../check.ts';
import { formatNumber } from '../format.ts';
import { pointGet } from '../point.ts';
import type { FdMethod } from '../types.ts';
import type { Report } from './report.ts';

/**
 * Full precision, written like the app writes numbers (Unicode minus, `NaN`, `∞`, `−∞`) so the
 * columns match the 4-digit trace; scripts that parse numbers should use --json.
 */
export function fullNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  return String(x).replace(/-/g, '−');
}

function shortError(x: number): string {
  if (!Number.isFinite(x) || x === 0) return fullNumber(x);
  return x.toExponential(1).replace(/-/g, '−');
}

/** Code points: a surrogate pair is one character on screen. */
function width(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * Columns padded to their widest cell; `right` marks the numeric columns, aligned on the right.
 * Loops, not `Math.max(...rows)`: a trace of 500,000 nodes would overflow the call stack.
 */
export function table(headers: string[], rows: string[][], right: boolean[]): string[] {
  const widths = headers.map((h) => width(h));
  const cellWidths = rows.map((r) =>
    headers.map((_, c) => {
      const w = width(r[c] ?? '');
      if (w > widths[c]!) widths[c] = w;
      return w;
    }),
  );
  const line = (cells: string[], measured: number[]): string =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat((widths[c] ?? 0) - (measured[c] ?? 0));
        return right[c] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const out = [line(headers, headers.map(width))];
  for (let i = 0; i < rows.length; i++) out.push(line(rows[i]!, cellWidths[i]!));
  return out;
}

const METHOD_NAMES: Record<FdMethod, string> = {
  forward: 'forward difference',
  central: 'central difference',
  richardson: 'Richardson-extrapolated central difference',
  complex: 'complex step',
};

const DEFAULT_STEPS: Record<FdMethod, string> = {
  forward: '√ε·max(1,|x|)',
  central: '∛ε·max(1,|x|)',
  richardson: '∛ε·max(1,|x|)',
  complex: '1e-20',
};

export function renderText(report: Report): string {
  const out: string[] = [];
  const [first, ...rest] = report.formula.split('\n');
  out.push(`formula  ${first ?? ''}`);
  append(
    out,
    rest.map((l) => `         ${l}`),
  );
  if (report.variables.length > 0)
    out.push(`at       ${assignments(report.variables, report.point)}`);
  out.push('');

  const results = [
    ['value', fullNumber(report.value)],
    ...report.variables.map((v) => [`∂f/∂${v}`, fullNumber(pointGet(report.gradient, v) ?? NaN)]),
  ];
  if (report.directional !== undefined && report.seed) {
    results.push(['∇f·seed', `${fullNumber(report.directional)}  (forward mode)`]);
  }
  append(out, table(['', ''], results, [false, false]).slice(1));
  out.push('');

  if (report.check.length > 0) {
    append(out, renderCheck(report));
    out.push('');
  }
  append(out, renderTrace(report));
  return out.join('\n') + '\n';
}

/** `out.push(...lines)` without spreading: half a million arguments overflow the call stack. */
function append(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

function assignments(variables: string[], values: Record<string, number>): string {
  return variables.map((v) => `${v} = ${fullNumber(pointGet(values, v) ?? NaN)}`).join(', ');
}

function renderCheck(report: Report): string[] {
  const method = report.method;
  const step = report.h !== undefined ? `${report.h}·max(1,|x|)` : DEFAULT_STEPS[method];
  const tolerance = (report.check[0]?.tolerance ?? NaN).toExponential(0).replace(/-/g, '−');
  const out = [
    `Gradient check: ${METHOD_NAMES[method]}, h = ${step}; pass when |AD − FD| ≤ ${tolerance}·max(1,|AD|)`,
    ...table(
      ['variable', 'AD (reverse mode)', 'FD', '|AD − FD|', 'status'],
      report.check.map((r) => [
        r.variable,
        fullNumber(r.ad),
        fullNumber(r.fd),
        shortError(r.absError),
        r.status,
      ]),
      [false, true, true, true, false],
    ),
  ];
  for (const r of report.check) {
    if (r.status === 'kink' && r.left !== undefined && r.right !== undefined) {
      out.push(
        `  ${r.variable}: kink, slope ${formatNumber(r.left)} from the left and ${formatNumber(r.right)} from the right; ` +
          'no derivative exists, AD reports its convention',
      );
    } else if (r.converging) {
      out.push(`  ${convergenceNote(r) ?? ''}`);
    } else if (r.status === 'nonfinite') {
      out.push(
        `  ${r.variable}: AD or FD is not a finite number here (outside the domain, or an infinite slope)`,
      );
    }
  }
  if (report.unsupportedOps && report.unsupportedOps.length > 0) {
    out.push(
      `  complex step needs analytic operations; this formula uses ${report.unsupportedOps.join(', ')}`,
    );
    out.push('  (try --method central)');
  }
  return out;
}

function renderTrace(report: Report): string[] {
  const forwardMode = report.mode === 'forward';
  const title = forwardMode
    ? `Forward-mode trace (tangents for seed ${assignments(report.variables, report.seed ?? {})})`
    : 'Reverse-mode trace (adjoint = ∂f/∂node)';
  const rows = report.nodes.map((n) => {
    const mark = n.convention !== undefined ? '*' : '';
    const bound = n.binding !== undefined ? `   (${n.binding})` : '';
    const operation = n.op === 'const' ? 'constant' : `${n.name} = ${n.operation}${bound}`;
    const last = forwardMode ? (n.tangent ?? NaN) : n.adjoint;
    return [n.name + mark, operation, formatNumber(n.value), formatNumber(last)];
  });
  const out = [
    title,
    ...table(['node', 'operation', 'value', forwardMode ? 'tangent' : 'adjoint'], rows, [
      false,
      false,
      true,
      true,
    ]),
  ];
  for (const n of report.nodes) {
    if (n.convention !== undefined) out.push(`  * ${n.name}: ${n.convention}`);
  }
  return out;
}
