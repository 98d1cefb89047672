import { describe, expect, it } from 'vitest';
import { buildTrace, compile, explainStep } from '../../ad-core/index.ts';
import { breakAfterCommas, isNumeric, splitSymbolicNumeric } from './texLines.ts';

describe('isNumeric', () => {
  it('accepts numbers with operators and function names, rejects variables', () => {
    expect(isNumeric('1 \\cdot \\left(2\\right)')).toBe(true);
    expect(isNumeric('\\sin\\left(2\\right)')).toBe(true);
    expect(isNumeric('-0.4161 \\times 10^{-5}')).toBe(true);
    expect(isNumeric('\\mathrm{NaN}')).toBe(true);
    expect(isNumeric('v_{1} \\cdot 2')).toBe(false);
    expect(isNumeric('\\mathrm{x}')).toBe(false);
    expect(isNumeric('\\frac{\\partial f}{\\partial f}')).toBe(false);
  });
});

describe('splitSymbolicNumeric', () => {
  it('puts the symbolic chain first and the numbers on a second line', () => {
    expect(splitSymbolicNumeric('v_{1} = v_{-1} \\cdot v_{0} = 1 \\cdot 2 = 2')).toEqual({
      symbolic: 'v_{1} = v_{-1} \\cdot v_{0}',
      numeric: '= 1 \\cdot 2 = 2',
    });
  });

  it('leaves a chain alone that has no symbolic step or no numbers', () => {
    expect(
      splitSymbolicNumeric('\\bar{v}_{-1} = -1.819 + \\left(-0.8323\\right) = -2.651'),
    ).toBeNull();
    expect(splitSymbolicNumeric('v_{-1} = \\mathrm{x}')).toBeNull();
  });

  it('splits every propagate line of a real trace before its numbers', () => {
    const built = compile('sin(x*y) + x');
    if (!built.ok) throw new Error('does not compile');
    const trace = buildTrace(built.graph, { x: 1, y: 2 }, 'reverse');
    const k = trace.steps.findIndex((s) => s.kind === 'propagate') + 1;
    const first = explainStep(trace, k).tex[0]!;
    const split = splitSymbolicNumeric(first);
    expect(split).not.toBeNull();
    expect(split!.symbolic).toMatch(/\\partial/);
    expect(isNumeric(split!.numeric.slice(1))).toBe(true);
    expect(`${split!.symbolic} ${split!.numeric}`).toBe(first);
  });
});

describe('breakAfterCommas', () => {
  it('lets an argument list break after each comma, never inside a subscript', () => {
    expect(breakAfterCommas('f(x_{1}, w_{1,2}) = x')).toBe('f(x_{1},\\allowbreak w_{1,2}) = x');
    expect(breakAfterCommas('a\\,b, c')).toBe('a\\,b,\\allowbreak c');
    expect(breakAfterCommas('g(a,\\allowbreak b)')).toBe('g(a,\\allowbreak b)');
    expect(breakAfterCommas('x + y')).toBe('x + y');
  });
});
