import { describe, expect, it } from 'vitest';
import { compile } from '../graph.ts';
import type { FdMethod, Mode, Point } from '../types.ts';
import { buildReport } from './report.ts';
import { fullNumber, renderText, table } from './render-text.ts';

function text(
  formula: string,
  point: Point,
  mode: Mode = 'reverse',
  seed?: Point,
  method: FdMethod = 'central',
): string {
  const built = compile(formula);
  if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message).join('; '));
  return renderText(
    buildReport({ formula, graph: built.graph, point, mode, method, ...(seed ? { seed } : {}) }),
  );
}

/** The lines from the one starting with `title` to the next blank line. */
function section(out: string, title: string): string[] {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

describe('fullNumber', () => {
  it('writes full precision with the Unicode minus and named non-finite values', () => {
    expect([0.1 + 0.2, -1.5e-7, NaN, Infinity, -Infinity].map(fullNumber)).toEqual([
      '0.30000000000000004',
      '−1.5e−7',
      'NaN',
      '∞',
      '−∞',
    ]);
  });
});

describe('table', () => {
  it('pads columns to the widest cell, numbers on the right, counting code points', () => {
    expect(
      table(
        ['a', 'num'],
        [
          ['v₋₁', '1'],
          ['θ', '−12.5'],
        ],
        [false, true],
      ),
    ).toEqual(['a      num', 'v₋₁      1', 'θ    −12.5']);
  });
});

describe('renderText', () => {
  const out = text('sin(x*y) + exp(x)/y', { x: 1, y: 2 });

  it('prints the point, the value and the gradient at full precision', () => {
    expect(out).toContain('at       x = 1, y = 2');
    expect(out).toMatch(/^value {2}2\.2684383410552043$/m);
    expect(out).toMatch(/^∂f\/∂x {2}0\.5268472411352377$/m);
    expect(out).toMatch(/^∂f\/∂y {2}−1\.0957172936619037$/m);
  });

  it('prints the gradient check as an aligned table with the method and tolerance', () => {
    const lines = section(out, 'Gradient check');
    expect(lines[0]).toBe(
      'Gradient check: central difference, h = ∛ε·max(1,|x|); pass when |AD − FD| ≤ 1e−6·max(1,|AD|)',
    );
    const statusColumn = lines[1]?.indexOf('status');
    expect(lines.slice(2).map((l) => l.indexOf('pass'))).toEqual([statusColumn, statusColumn]);
    expect(lines[2]).toMatch(/^x +0\.5268472411352377 +0\.52684724\d+ +\d\.\de−\d+ +pass$/);
  });

  it('prints the reverse trace: Wengert name, operation, value, adjoint, columns aligned', () => {
    const lines = section(out, 'Reverse-mode trace');
    expect(lines[1]).toMatch(/^node +operation +value +adjoint$/);
    expect(lines.slice(2).map((l) => l.split(/ {2,}/))).toEqual([
      ['v₋₁', 'v₋₁ = x', '1', '0.5268'],
      ['v₀', 'v₀ = y', '2', '−1.096'],
      ['v₁', 'v₁ = v₋₁ · v₀', '2', '−0.4161'],
      ['v₂', 'v₂ = exp(v₋₁)', '2.718', '0.5'],
      ['v₃', 'v₃ = sin(v₁)', '0.9093', '1'],
      ['v₄', 'v₄ = v₂ / v₀', '1.359', '1'],
      ['v₅', 'v₅ = v₃ + v₄', '2.268', '1'],
    ]);
    const ends = lines.slice(1).map((l) => [...l].length);
    expect(new Set(ends).size).toBe(1);
  });

  it('prints the tangent trace and ∇f·seed in forward mode', () => {
    const fwd = text('x*y', { x: 3, y: 4 }, 'forward', { x: 1, y: 0 });
    expect(fwd).toMatch(/^∇f·seed {2}4 {2}\(forward mode\)$/m);
    const lines = section(fwd, 'Forward-mode trace');
    expect(lines[0]).toBe('Forward-mode trace (tangents for seed x = 1, y = 0)');
    expect(lines[1]).toMatch(/tangent$/);
    expect(lines.at(-1)?.split(/ {2,}/)).toEqual(['v₁', 'v₁ = v₋₁ · v₀', '12', '4']);
    expect(fwd).not.toContain('adjoint');
  });

  it('explains kinks, non-finite rows, conventions and unsupported complex step in words', () => {
    const kink = text('abs(x)', { x: 0 });
    expect(kink).toContain('x: kink, slope −1 from the left and 1 from the right');
    expect(kink).toMatch(/^v₁\* /m);
    expect(kink).toContain("abs'(0) = 0");
    const log = text('log(x)', { x: -1 });
    expect(log).toMatch(/^value {2}NaN$/m);
    expect(log).toMatch(/^x .* NaN .*nonfinite$/m);
    const complex = text('relu(x)', { x: 1 }, 'reverse', undefined, 'complex');
    expect(complex).toContain('complex step needs analytic operations; this formula uses relu');
  });

  it('shows constants as constants', () => {
    expect(text('2*x', { x: 1 })).toMatch(/^2 +constant +2 +/m);
  });
});
