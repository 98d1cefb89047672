import { describe, expect, it } from 'vitest';
import { compile } from '../graph.ts';
import type { Point } from '../types.ts';
import { buildReport } from './report.ts';
import {
  diagnosticsJson,
  jsonNumber,
  renderJson,
  reportJson,
  usageErrorJson,
} from './render-json.ts';

function json(formula: string, point: Point): Record<string, unknown> {
  const built = compile(formula);
  if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message).join('; '));
  const text = renderJson(
    reportJson(
      buildReport({ formula, graph: built.graph, point, mode: 'reverse', method: 'central' }),
    ),
  );
  expect(text.endsWith('\n')).toBe(true);
  expect(text.trim().split('\n')).toHaveLength(1);
  return JSON.parse(text) as Record<string, unknown>;
}

describe('jsonNumber', () => {
  it('keeps finite numbers and spells the rest as strings', () => {
    expect([1.5, -0, NaN, Infinity, -Infinity].map(jsonNumber)).toEqual([
      1.5,
      -0,
      'NaN',
      'Infinity',
      '-Infinity',
    ]);
  });
});

describe('reportJson', () => {
  it('has the stable keys with full-precision numbers', () => {
    const out = json('x*y + 2', { x: 3, y: -0.5 });
    expect(out).toMatchObject({
      ok: true,
      value: 0.5,
      gradient: { x: -0.5, y: 3 },
      check: [
        { variable: 'x', ad: -0.5, fd: expect.closeTo(-0.5, 8), status: 'pass' },
        { variable: 'y', ad: 3, fd: expect.closeTo(3, 8), status: 'pass' },
      ],
      nodes: [
        { id: 0, name: 'v₋₁', op: 'input', value: 3, adjoint: -0.5 },
        { id: 1, name: 'v₀', op: 'input', value: -0.5, adjoint: 3 },
        { id: 2, name: 'v₁', op: 'mul', value: -1.5, adjoint: 1 },
        { id: 3, name: '2', op: 'const', value: 2 },
        { id: 4, name: 'v₂', op: 'add', value: 0.5, adjoint: 1 },
      ],
    });
    expect(Object.keys(out).slice(0, 5)).toEqual(['ok', 'value', 'gradient', 'check', 'nodes']);
  });

  it('writes NaN and infinities as strings', () => {
    const out = json('sqrt(x) + sqrt(y)', { x: 0, y: -1 });
    expect(out.value).toBe('NaN');
    expect(out.gradient).toEqual({ x: 'Infinity', y: 'NaN' });
    expect((out.check as { status: string }[]).map((r) => r.status)).toEqual([
      'nonfinite',
      'nonfinite',
    ]);
    const neg = json('-1/x', { x: 0 });
    expect(neg.value).toBe('-Infinity');
  });
});

describe('diagnosticsJson and usageErrorJson', () => {
  it('lists code, message, span and hint (null when there is none)', () => {
    const built = compile('sin(x');
    expect(built.ok).toBe(false);
    if (built.ok) return;
    const out = diagnosticsJson(built.diagnostics);
    expect(out).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'unclosed-paren',
          message: built.diagnostics[0]?.message,
          start: 3,
          end: 4,
          hint: built.diagnostics[0]?.hint,
        },
      ],
    });
    expect(
      diagnosticsJson([{ code: 'empty-formula', message: 'm', span: { start: 0, end: 0 } }]),
    ).toEqual({
      ok: false,
      diagnostics: [{ code: 'empty-formula', message: 'm', start: 0, end: 0, hint: null }],
    });
    expect(usageErrorJson('bad')).toEqual({ ok: false, error: 'bad' });
  });
});
