// Property tests of the gradient over random formulas from a grammar: reverse mode must equal
// forward mode (two different sweeps over the same local partials), and both must agree with the
// central difference (an independent witness that never sees the partials).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGradient, realDifference, sliceOf, TOLERANCES } from './check.ts';
import { evaluate, evaluateValues } from './evaluate.ts';
import { forward } from './forward.ts';
import { reverse } from './reverse.ts';
import { graphOf } from './test-support.ts';
import type { Graph, Point } from './types.ts';

const RUNS = 1_000;
const EPS = Number.EPSILON;
/** Intermediate values beyond this make finite differences meaningless (see below). */
const HUGE = 1e8;

// ---------------------------------------------------------------------------------------------
// The grammar. Every production is smooth on all of ℝ³: the domains of log, sqrt, asin, acos,
// division, non-integer powers and hypot are kept away from their edges by construction
// (log(1 + u²), u / (1 + v²), asin(0.9·tanh(u)), …), so every point is a smooth point.

const leaf = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('x', 'y', 'z') },
  { weight: 1, arbitrary: fc.constantFrom('0.5', '2', '3', '1.5', 'pi', 'e', '0.1') },
);

const { expr } = fc.letrec<{ expr: string }>((tie) => {
  const e = tie('expr');
  const unary = (make: (a: string) => string) => e.map(make);
  const binary = (make: (a: string, b: string) => string) =>
    fc.tuple(e, e).map(([a, b]) => make(a, b));
  return {
    expr: fc.oneof(
      { depthSize: 'small', maxDepth: 5, withCrossShrink: true },
      leaf,
      binary((a, b) => `(${a} + ${b})`),
      binary((a, b) => `(${a} - ${b})`),
      binary((a, b) => `${a}*${b}`),
      binary((a, b) => `(${a}) / (1 + (${b})^2)`),
      binary((a, b) => `${a} / (2 + sin(${b}))`),
      unary((a) => `-(${a})`),
      unary((a) => `(${a})^2`),
      unary((a) => `(${a})**3`),
      unary((a) => `(1 + (${a})^2)^0.5`),
      unary((a) => `(1 + (${a})^2)^(-1.5)`),
      binary((a, b) => `(2 + cos(${a}))^sin(${b})`),
      unary((a) => `sin(${a})`),
      unary((a) => `cos(${a})`),
      unary((a) => `tanh(${a})`),
      unary((a) => `atan(${a})`),
      unary((a) => `sigmoid(${a})`),
      unary((a) => `softplus(${a})`),
      unary((a) => `exp(${a})`),
      unary((a) => `sinh(${a})`),
      unary((a) => `cosh(${a})`),
      unary((a) => `tan(0.7*tanh(${a}))`),
      unary((a) => `log(1 + (${a})^2)`),
      unary((a) => `ln(2 + sin(${a}))`),
      unary((a) => `log2(1 + exp(${a}))`),
      unary((a) => `log10(1 + (${a})^2)`),
      unary((a) => `sqrt(1 + (${a})^2)`),
      unary((a) => `asin(0.9*tanh(${a}))`),
      unary((a) => `acos(0.9*tanh(${a}))`),
      binary((a, b) => `atan2(${a}, 2 + cos(${b}))`),
      binary((a, b) => `hypot(${a}, 1 + (${b})^2)`),
      binary((a, b) => `pow(1 + (${a})^2, ${b})`),
      binary((a, b) => `${a} + 2(${b})`),
    ),
  };
});

/** Sometimes a program with bindings, so shared nodes (fan-out) are exercised too. */
const formula = fc.oneof(
  { weight: 3, arbitrary: expr },
  {
    weight: 1,
    arbitrary: fc.tuple(expr, expr).map(([a, b]) => `a = ${a}\nb = a*y + x; sin(a) * b + ${b}`),
  },
);

const coordinate = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true });
const point = fc.record({ x: coordinate, y: coordinate, z: coordinate });

/** Σ over paths of |product of local partials|: the size of the terms the gradient sums. */
function pathMagnitudes(
  graph: Graph,
  evaluation: ReturnType<typeof evaluate>,
  variable: string,
): number {
  const abs = { ...evaluation, partials: evaluation.partials.map(Math.abs) };
  return forward(graph, abs, { [variable]: 1 }).tangents[graph.output] ?? NaN;
}

describe('gradient properties over random formulas', () => {
  it(`reverse mode equals forward mode (one pass per input) to 1e-12 relative, ${RUNS} formulas`, () => {
    let compared = 0;
    let overflowed = 0;
    fc.assert(
      fc.property(formula, point, (source, at) => {
        const graph = graphOf(source);
        const evaluation = evaluate(graph, at);
        const { adjoints } = reverse(graph, evaluation);
        graph.variables.forEach((v, i) => {
          compared++;
          const r = adjoints[graph.inputs[i] ?? -1] ?? NaN;
          const { tangents } = forward(graph, evaluation, { [v]: 1 });
          const f = tangents[graph.output] ?? NaN;
          if (!Number.isFinite(r) || !Number.isFinite(f)) {
            // Past overflow, ∞·0 and ∞ − ∞ depend on the order of the sums, which is exactly what
            // differs between the modes. Only accept that where something really overflowed.
            const overflow = [evaluation.values, adjoints, tangents].some((a) =>
              a.some((x) => !Number.isFinite(x)),
            );
            expect(overflow, `${source} at ${JSON.stringify(at)} ∂/∂${v}: ${r} vs ${f}`).toBe(true);
            overflowed++;
            return;
          }
          // The two modes add the same path products in different orders; where paths cancel,
          // rounding is relative to the paths' size, not to the (smaller) sum.
          const scale = Math.max(1, Math.abs(r), pathMagnitudes(graph, evaluation, v));
          expect(
            Math.abs(r - f) / scale,
            `${source} at ${JSON.stringify(at)} ∂/∂${v}: ${r} vs ${f}`,
          ).toBeLessThanOrEqual(1e-12);
        });
      }),
      { numRuns: RUNS },
    );
    expect(overflowed / compared).toBeLessThan(0.02);
  });

  it(`agrees with the central difference at smooth points, ${RUNS} formulas, skipping only ill-conditioned differences`, () => {
    let compared = 0;
    let skipped = 0;
    const tolerance = TOLERANCES.central;
    fc.assert(
      fc.property(formula, point, (source, at: Point) => {
        const graph = graphOf(source);
        for (const row of checkGradient(graph, at)) {
          compared++;
          if (row.status === 'pass') continue;
          const allowance = tolerance * Math.max(1, Math.abs(row.ad));
          // A difference cannot be trusted when its own error estimate exceeds the tolerance:
          // rounding (ε·|f|/h, large for huge values) or truncation (seen as the gap between the
          // central and the Richardson difference, large where f varies on a scale below h).
          // And where an intermediate value is huge (sin(cosh(sinh(…))) ≈ sin(1e23)), f oscillates
          // on a scale far below any step, and every difference averages the oscillation away.
          const f = sliceOf(graph, at, row.variable);
          const x = at[row.variable] ?? NaN;
          const fx = f(x);
          const rounding = (4 * EPS * Math.abs(fx)) / row.h;
          const truncation = Math.abs(row.fd - realDifference(f, x, 'richardson', row.h));
          const largest = Math.max(...evaluateValues(graph, at).map(Math.abs));
          const illConditioned =
            !Number.isFinite(fx) ||
            !Number.isFinite(row.ad) ||
            !(largest <= HUGE) ||
            rounding + truncation > allowance / 4;
          if (illConditioned) {
            skipped++;
            continue;
          }
          expect(
            row.status,
            `${source} at ${JSON.stringify(at)} ∂/∂${row.variable}: AD ${row.ad}, FD ${row.fd}`,
          ).toBe('pass');
        }
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(RUNS);
    // Honest skips must stay rare, or the property would be checking nothing.
    expect(skipped / compared).toBeLessThan(0.02);
  });
});
