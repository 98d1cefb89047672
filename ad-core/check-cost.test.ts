// The gradient check's cost, counted in op evaluations (never timed), and proof that evaluating
// only each variable's cone gives exactly the numbers of evaluating the whole tape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomFormula } from './bench/random-formula.ts';
import {
  checkGradient,
  detectKink,
  gradientChecker,
  realDifference,
  sliceOf,
  stepFor,
} from './check.ts';
import { pointFrom } from './point.ts';
import { graphOf } from './test-support.ts';
import type { FdMethod, Graph, Point } from './types.ts';

/** `x0 + … + x(n−1)` added as a balanced tree: each variable reaches only log₂ n ops. */
function balancedSum(names: string[]): string {
  if (names.length === 1) return names[0]!;
  const mid = Math.ceil(names.length / 2);
  return `(${balancedSum(names.slice(0, mid))} + ${balancedSum(names.slice(mid))})`;
}

const opCount = (graph: Graph) => graph.nodes.filter((n) => n.kind === 'op').length;

describe('gradient check cost', () => {
  it('re-runs only the ops a variable reaches: 1,024 variables cost far less than n × tape', () => {
    const names = Array.from({ length: 1024 }, (_, i) => `x${i}`);
    const graph = graphOf(balancedSum(names));
    const point = pointFrom(names.map((n, i) => [n, 1 + i / 1024] as const));
    const checker = gradientChecker(graph, point);
    names.forEach((_, i) => checker.row(i));
    // Central difference only (2 slices of a 10-op cone per variable): `+` cannot make a kink.
    const perVariable = checker.opsEvaluated / names.length;
    expect(perVariable).toBeLessThanOrEqual(2 * 10);
    // The old check evaluated the whole tape for every slice call: 9 × 1,023 ops per variable.
    expect(checker.opsEvaluated).toBeLessThan((names.length * 9 * opCount(graph)) / 50);
  });

  it('costs nothing until a row is asked for, and each row once', () => {
    const graph = graphOf('sin(a) * b + c');
    const checker = gradientChecker(graph, pointFrom([['a', 1], ['b', 2], ['c', 3]]));
    expect(checker.opsEvaluated).toBe(0);
    const first = checker.row(0);
    const spent = checker.opsEvaluated;
    expect(spent).toBeGreaterThan(0);
    expect(checker.row(0)).toBe(first);
    expect(checker.opsEvaluated).toBe(spent);
  });

  it('a variable that reaches only an unused binding costs no ops and reads a slope of 0', () => {
    const graph = graphOf('u = 3*y\nx*2');
    const checker = gradientChecker(graph, pointFrom([['x', 1], ['y', 5]]));
    const y = graph.variables.indexOf('y');
    const before = checker.opsEvaluated;
    const row = checker.row(y);
    // y's cone is `3*y` only (analytic, so no kink test: 2 slices); the output never changes.
    expect(row.fd).toBe(0);
    expect(row.status).toBe('pass');
    expect(checker.opsEvaluated - before).toBe(2);
  });

  it('runs the kink test only where the cone holds a non-analytic op', () => {
    // x's cone: abs, then the sum (non-analytic: 2 + 7 slices of 2 ops); y's cone: sin, then the sum.
    const graph = graphOf('abs(x) + sin(y)');
    const checker = gradientChecker(graph, pointFrom([['x', 0], ['y', 1]]));
    const x = checker.row(graph.variables.indexOf('x'));
    expect(x.status).toBe('kink');
    expect(checker.opsEvaluated).toBe(9 * 2);
    const y = checker.row(graph.variables.indexOf('y'));
    expect(y.status).toBe('pass');
    expect(checker.opsEvaluated).toBe(9 * 2 + 2 * 2);
  });

  it('a chain of 2,000 added variables: 2 slices per row, not 9 (the CLI checks 10,000 so)', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `x${i}`);
    const graph = graphOf(names.join(' + '));
    const checker = gradientChecker(graph, pointFrom(names.map((n) => [n, 1] as const)));
    names.forEach((_, i) => checker.row(i));
    // Variable i reaches the 1,999 − max(0, i − 1) additions after it: Σ cone = 2,000,999 ops.
    const cones = names.reduce((sum, _, i) => sum + 1999 - Math.max(0, i - 1), 0);
    expect(checker.opsEvaluated).toBe(2 * cones);
  });
});

describe('cone evaluation gives the whole-tape numbers exactly', () => {
  const methods: Exclude<FdMethod, 'complex'>[] = ['forward', 'central', 'richardson'];

  it('fd and kink slopes equal the whole-tape slice bit for bit, on generated formulas', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 120 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...methods),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (size, seed, method, xs) => {
          const graph = graphOf(randomFormula(size, seed).source);
          const point: Point = pointFrom(graph.variables.map((v, i) => [v, xs[i % 3]!] as const));
          const rows = checkGradient(graph, point, { method });
          rows.forEach((row) => {
            const x = point[row.variable]!;
            const f = sliceOf(graph, point, row.variable);
            expect(Object.is(row.fd, realDifference(f, x, method, stepFor(method, x)))).toBe(true);
            const kink = detectKink(f, x);
            if (row.status === 'kink') expect({ left: row.left, right: row.right }).toEqual(kink);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves no trace between rows: asking in any order gives the same rows', () => {
    const graph = graphOf('a = x*y\nb = sin(a) + y^2\nabs(b - x) + max(a, y)');
    const point = pointFrom([['x', 0.5], ['y', -1.25]]);
    const inOrder = checkGradient(graph, point);
    const checker = gradientChecker(graph, point);
    const reversed = [1, 0].map((i) => checker.row(i)).reverse();
    expect(reversed).toEqual(inOrder);
  });
});
