// The machine-readable CLI output: one JSON object, its shape stable for scripts and autograders.
// JSON has no NaN or infinities, so those are written as the strings "NaN", "Infinity", "-Infinity".
import { pointGet } from '../point.ts';
import type { Diagnostic } from '../types.ts';
import type { Report } from './report.ts';

export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export function jsonNumber(x: number): JsonNumber {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

function jsonPoint(
  variables: string[],
  values: Record<string, number>,
): Record<string, JsonNumber> {
  return Object.fromEntries(variables.map((v) => [v, jsonNumber(pointGet(values, v) ?? NaN)]));
}

/** `{"ok": true, value, gradient, check, nodes, …}`: the required keys first, extras after. */
export function reportJson(report: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ok: true,
    value: jsonNumber(report.value),
    gradient: jsonPoint(report.variables, report.gradient),
    check: report.check.map((r) => ({
      variable: r.variable,
      ad: jsonNumber(r.ad),
      fd: jsonNumber(r.fd),
      status: r.status,
      absError: jsonNumber(r.absError),
      method: r.method,
      h: jsonNumber(r.h),
      tolerance: r.tolerance,
      ...(r.left !== undefined ? { left: jsonNumber(r.left) } : {}),
      ...(r.right !== undefined ? { right: jsonNumber(r.right) } : {}),
      ...(r.converging
        ? {
            converging: r.converging.map((c) => ({
              h: jsonNumber(c.h),
              fd: jsonNumber(c.fd),
              absError: jsonNumber(c.absError),
            })),
          }
        : {}),
    })),
    nodes: report.nodes.map((n) => ({
      id: n.id,
      name: n.name,
      op: n.op,
      value: jsonNumber(n.value),
      adjoint: jsonNumber(n.adjoint),
      ...(n.tangent !== undefined ? { tangent: jsonNumber(n.tangent) } : {}),
      args: n.args,
      operation: n.operation,
      ...(n.convention !== undefined ? { convention: n.convention } : {}),
    })),
    mode: report.mode,
    point: jsonPoint(report.variables, report.point),
  };
  if (report.seed !== undefined && report.directional !== undefined) {
    out.seed = jsonPoint(report.variables, report.seed);
    out.directionalDerivative = jsonNumber(report.directional);
  }
  return out;
}

/** `{"ok": false, "diagnostics": [{code, message, start, end, hint}]}`; `hint` is null when there is none. */
export function diagnosticsJson(diagnostics: readonly Diagnostic[]): Record<string, unknown> {
  return {
    ok: false,
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      message: d.message,
      start: d.span.start,
      end: d.span.end,
      hint: d.hint ?? null,
    })),
  };
}

/** A usage error (bad `--at`, unknown option) in JSON mode: `{"ok": false, "error": message}`. */
export function usageErrorJson(message: string): Record<string, unknown> {
  return { ok: false, error: message };
}

export function renderJson(value: Record<string, unknown>): string {
  return JSON.stringify(value) + '\n';
}
