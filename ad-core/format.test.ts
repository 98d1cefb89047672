import { describe, expect, it } from 'vitest';
import { dataNumber, formatNumber, literalName, subscript } from './format.ts';

describe('formatNumber', () => {
  it.each([
    [2, '2'],
    [10, '10'],
    [0.5, '0.5'],
    [-4, '−4'],
    [Math.sin(10), '−0.5440'],
    [Math.PI, '3.142'],
    [2 / 3, '0.6667'],
    [1234, '1234'],
    [12000, '12000'],
    [12345, '1.235e4'],
    [12345.6, '1.235e4'],
    [999999.6, '1.000e6'],
    [2500000, '2.5e6'],
    [1.23456e-7, '1.235e−7'],
    [0.0001, '0.0001'],
    [0.00001, '1e−5'],
    [-0, '0'],
    [0, '0'],
    [NaN, 'NaN'],
    [Infinity, '∞'],
    [-Infinity, '−∞'],
    [1e300, '1e300'],
  ])('%s → %s', (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });

  it('takes another number of digits', () => {
    expect(formatNumber(Math.PI, 2)).toBe('3.1');
    expect(formatNumber(Math.PI, 8)).toBe('3.1415927');
  });
});

describe('dataNumber', () => {
  it('is exactly String(x), full precision', () => {
    for (const x of [0.1 + 0.2, -1e-300, NaN, -Infinity, 5e-324])
      expect(dataNumber(x)).toBe(String(x));
  });
});

describe('names', () => {
  it('writes Wengert subscripts with a subscript minus', () => {
    expect(subscript(-1)).toBe('₋₁');
    expect(subscript(0)).toBe('₀');
    expect(subscript(1234567890)).toBe('₁₂₃₄₅₆₇₈₉₀');
  });

  it('writes constants as their shortest exact literal', () => {
    expect(literalName(2.5)).toBe('2.5');
    expect(literalName(-3)).toBe('−3');
    expect(literalName(1e-3)).toBe('0.001');
  });
});
