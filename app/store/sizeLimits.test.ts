import { describe, expect, it } from 'vitest';
import { compile } from '../../ad-core/index.ts';
import fc from 'fast-check';
import { grouped, TYPESET_MAX_NODES, typesetRefusal } from './sizeLimits.ts';

const graphOf = (src: string) => {
  const r = compile(src);
  if (!r.ok) throw new Error('does not compile');
  return r.graph;
};

describe('typesetRefusal', () => {
  it('typesets ordinary formulas', () => {
    expect(typesetRefusal(graphOf('sin(x)*y + exp(-x)'))).toBeNull();
  });

  it('refuses, in words, a formula with too many nodes', () => {
    const n = TYPESET_MAX_NODES; // n variables + n − 1 sums
    const source = Array.from({ length: n }, (_, i) => `x${i}`).join(' + ');
    expect(typesetRefusal(graphOf(source))).toBe(
      `This formula is too large to typeset (${(2 * n - 1).toLocaleString('en-US')} nodes); the graph, values and gradient check still use all of it.`,
    );
  });

  it('refuses a single enormous name', () => {
    expect(typesetRefusal(graphOf(`2*${'x'.repeat(100_000)}`))).toMatch(
      /too large to typeset \(100,00\d characters of names and numbers\)/,
    );
  });
});

describe('grouped', () => {
  it('writes whole numbers as toLocaleString en-US does', () => {
    expect(grouped(0)).toBe('0');
    expect(grouped(999)).toBe('999');
    expect(grouped(1000)).toBe('1,000');
    expect(grouped(1234567)).toBe('1,234,567');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(grouped(n)).toBe(n.toLocaleString('en-US'));
      }),
    );
  });
});
