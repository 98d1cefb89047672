import { describe, expect, it } from 'vitest';
import { graphOf } from '../../ad-core/test-support.ts';
import {
  adjointName,
  ariaLabel,
  dataValue,
  definition,
  isNonFinite,
  shortRule,
  tangentName,
  truncate,
  wrap,
} from './labels.ts';

describe('names', () => {
  it('puts a bar (adjoint) or a dot (tangent) over the v of a Wengert name', () => {
    expect(adjointName('v₃')).toBe('v\u0304₃');
    expect(adjointName('v₋₁')).toBe('v\u0304₋₁');
    expect(tangentName('v₁₂')).toBe('v\u0307₁₂');
  });
});

describe('dataValue', () => {
  it('is String(number) at full precision, or empty while unknown', () => {
    expect(dataValue(null)).toBe('');
    expect(dataValue(Math.sin(2))).toBe(String(Math.sin(2)));
    expect(dataValue(NaN)).toBe('NaN');
    expect(dataValue(-Infinity)).toBe('-Infinity');
    expect(dataValue(0)).toBe('0');
  });

  it('recognises non-finite numbers only', () => {
    expect([NaN, Infinity, -Infinity, 0, 1, null].map(isNonFinite)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('definition and ariaLabel', () => {
  const g = graphOf('sin(x*y) + y');
  const mul = g.nodes.find((n) => n.op === 'mul')!;
  const sin = g.nodes.find((n) => n.op === 'sin')!;
  const x = g.nodes[g.inputs[0]!]!;

  it('writes what a node computes: inputs by variable, other ops by Wengert name', () => {
    expect(definition(g, mul)).toBe(`x ${mul.label} y`);
    expect(definition(g, sin)).toBe(`${sin.label}(${mul.name})`);
    expect(definition(g, x)).toBe('x');
    const h = graphOf('2*x');
    expect(definition(h, h.nodes[h.output]!)).toBe(`2 ${h.nodes[h.output]!.label} x`);
  });

  it('names the node, its definition and the numbers known so far', () => {
    const none = ariaLabel(g, mul, { value: null, adjoint: null, tangent: null });
    expect(none).toContain(`${mul.name} = ${definition(g, mul)}`);
    expect(none).toContain('not yet computed');
    const known = ariaLabel(g, mul, { value: 10, adjoint: 0.5, tangent: null });
    expect(known).toContain('value 10');
    expect(known).toContain('adjoint 0.5');
    expect(known).not.toContain('tangent');
    expect(ariaLabel(g, g.nodes[g.output]!, { value: 1, adjoint: null, tangent: null })).toContain(
      'output',
    );
    expect(ariaLabel(g, x, { value: NaN, adjoint: null, tangent: null })).toContain('value NaN');
  });
});

describe('rules', () => {
  it('keeps the formula-like part of a convention', () => {
    expect(shortRule("abs has no derivative at 0; by convention abs'(0) = 0")).toBe("abs'(0) = 0");
    expect(shortRule('log of a negative number is NaN (not a real number)')).toBe(
      'log of a negative number is NaN',
    );
  });

  it('wraps into at most the given lines, cutting the last with an ellipsis', () => {
    const lines = wrap('log of a negative number is NaN', 12, 2);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(12);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(wrap('short', 12, 2)).toEqual(['short']);
  });

  it('truncates only when needed', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });
});
