import { describe, expect, it } from 'vitest';
import { compile } from '../../ad-core/index.ts';
import { TYPESET_MAX_NODES, typesetRefusal } from './sizeLimits.ts';

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
