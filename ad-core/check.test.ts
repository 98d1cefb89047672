import { describe, expect, it } from 'vitest';
import {
  checkAgainst,
  checkGradient,
  defaultStep,
  detectKink,
  realDifference,
  SWEEP_STEPS,
  stepFor,
  sweepErrors,
  TOLERANCES,
} from './check.ts';
import { graphOf, referenceCases } from './test-support.ts';
import type { FdMethod, Point } from './types.ts';

const EPS = Number.EPSILON;
const METHODS: FdMethod[] = ['forward', 'central', 'richardson', 'complex'];

describe('tolerances and default steps (DESIGN.md table)', () => {
  it('has the documented tolerances', () => {
    expect(TOLERANCES).toEqual({ forward: 1e-4, central: 1e-6, richardson: 1e-8, complex: 1e-12 });
  });

  it('scales the real steps by max(1, |x|) and keeps complex step at 1e-20', () => {
    expect(defaultStep('forward', 0.5)).toBe(Math.sqrt(EPS));
    expect(defaultStep('forward', -8)).toBe(Math.sqrt(EPS) * 8);
    expect(defaultStep('central', 0)).toBe(Math.cbrt(EPS));
    expect(defaultStep('central', 1e4)).toBe(Math.cbrt(EPS) * 1e4);
    expect(defaultStep('richardson', 3)).toBe(Math.cbrt(EPS) * 3);
    expect(defaultStep('complex', 1e6)).toBe(1e-20);
  });

  it("scales a user's h by max(1, |x|) and ignores a non-positive one", () => {
    expect(stepFor('central', 4, 1e-3)).toBe(4e-3);
    expect(stepFor('forward', 0.25, 1e-3)).toBe(1e-3);
    expect(stepFor('central', 4, 0)).toBe(defaultStep('central', 4));
    expect(stepFor('central', 4, NaN)).toBe(defaultStep('central', 4));
  });
});

// Smooth functions with their exact derivatives written by hand, so each method is measured
// against the truth and not only against AD.
const SMOOTH: { source: string; at: Point; exact: Point }[] = [
  { source: 'sin(x)', at: { x: 0.7 }, exact: { x: Math.cos(0.7) } },
  { source: 'exp(x)*y', at: { x: 1.3, y: -2 }, exact: { x: Math.exp(1.3) * -2, y: Math.exp(1.3) } },
  { source: 'x^3 - 2*x*y', at: { x: 1.5, y: -0.7 }, exact: { x: 3 * 1.5 ** 2 + 1.4, y: -3 } },
  { source: 'log(1 + x^2)', at: { x: -2.5 }, exact: { x: (2 * -2.5) / (1 + 2.5 ** 2) } },
  // Large coordinates: only a step scaled by |x| keeps the difference accurate here.
  {
    source: 'sin(x/1000)*y',
    at: { x: 2500, y: 3e4 },
    exact: { x: (Math.cos(2.5) / 1000) * 3e4, y: Math.sin(2.5) },
  },
];

describe('each method on smooth functions', () => {
  for (const method of METHODS) {
    for (const { source, at, exact } of SMOOTH) {
      it(`${method}: ${source} passes and is within tolerance of the exact derivative`, () => {
        const rows = checkGradient(graphOf(source), at, { method });
        expect(rows.map((r) => r.variable)).toEqual(Object.keys(exact));
        for (const row of rows) {
          const truth = exact[row.variable] ?? NaN;
          expect(row.status).toBe('pass');
          expect(row.method).toBe(method);
          expect(row.tolerance).toBe(TOLERANCES[method]);
          expect(Math.abs(row.fd - truth)).toBeLessThanOrEqual(
            TOLERANCES[method] * Math.max(1, Math.abs(truth)),
          );
          expect(row.relError).toBeLessThanOrEqual(row.tolerance);
        }
      });
    }
  }

  it('passes every reference case with every method', () => {
    for (const c of referenceCases.cases) {
      const graph = graphOf(c.formula);
      for (const method of METHODS) {
        for (const row of checkGradient(graph, c.at, { method })) {
          expect({ name: c.name, method, variable: row.variable, status: row.status }).toEqual({
            name: c.name,
            method,
            variable: row.variable,
            status: 'pass',
          });
        }
      }
    }
  });

  it('reports the step it used, honouring a user h', () => {
    const [row] = checkGradient(graphOf('x^3'), { x: 2 }, { h: 1e-2 });
    expect(row?.h).toBe(2e-2);
    // Central error is h²·f'''/6 = 4e-4·6/6: far outside 1e-6, so a coarse step is caught.
    expect(row?.absError).toBeCloseTo(4e-4, 6);
    expect(row?.status).toBe('mismatch');
  });
});

describe('classification', () => {
  it('flags a wrong derivative as a mismatch, per method, and a right one as pass', () => {
    const graph = graphOf('sin(x*y) + exp(x)/y');
    const at = { x: 1, y: 2 };
    const right = checkGradient(graph, at).map((r) => r.ad);
    for (const method of METHODS) {
      const tol = TOLERANCES[method];
      const wrong = right.map((g, i) => (i === 1 ? g * (1 + 100 * tol) : g));
      const rows = checkAgainst(graph, at, wrong, { method });
      expect(rows.map((r) => r.status)).toEqual(['pass', 'mismatch']);
      expect(rows[1]?.absError).toBeGreaterThan(tol);
    }
  });

  it('a slightly wrong derivative passes the loose forward difference but not Richardson', () => {
    const graph = graphOf('x^2');
    const wrong = [2 * 1.5 + 1e-6];
    expect(checkAgainst(graph, { x: 1.5 }, wrong, { method: 'forward' })[0]?.status).toBe('pass');
    expect(checkAgainst(graph, { x: 1.5 }, wrong, { method: 'richardson' })[0]?.status).toBe(
      'mismatch',
    );
  });

  it('finds the kink of relu and abs at 0 with the one-sided slopes', () => {
    for (const [source, left, right] of [
      ['relu(x)', 0, 1],
      ['abs(x)', -1, 1],
      ['3*abs(x) + x^2', -3, 3],
      ['abs(x) + 1e5*x^2', -1, 1],
    ] as const) {
      const [row] = checkGradient(graphOf(source), { x: 0 });
      expect(row?.status, source).toBe('kink');
      expect(row?.ad).toBe(0); // the convention: relu'(0) = abs'(0) = 0
      expect(row?.left).toBeCloseTo(left, 5);
      expect(row?.right).toBeCloseTo(right, 5);
    }
  });

  it('finds the kink of max at a tie, for both arguments', () => {
    const rows = checkGradient(graphOf('max(x, y)'), { x: 1, y: 1 });
    expect(rows.map((r) => r.status)).toEqual(['kink', 'kink']);
    expect(rows.map((r) => r.ad)).toEqual([0.5, 0.5]);
  });

  it('does not call smooth points kinks: away from the kink, curvature, huge values, flat spots', () => {
    const cases: [string, Point][] = [
      ['relu(x)', { x: 0.3 }],
      ['abs(x)', { x: -2 }],
      ['x^2', { x: 0 }],
      ['1e5*x^2', { x: 1e-3 }],
      ['cos(30*x)', { x: 0 }],
      ['exp(x)', { x: 20 }],
      // Found by the property test: the slopes' gap shrinks like h⁵ here, not like h.
      ['(atan2(x, 3)*x)^3', { x: 0 }],
      // Differentiable (f' = 0) though f'' is infinite: the gap shrinks like √h.
      ['abs(x)^1.5', { x: 0 }],
    ];
    for (const [source, at] of cases) {
      const statuses = checkGradient(graphOf(source), at).map((r) => r.status);
      expect(statuses, source).toEqual(['pass']);
    }
  });

  it('tells a mismatch that is only truncation error (smaller steps converge to AD) from others', () => {
    // x·|x| and relu(x)² are differentiable at 0 (f' = 0) but f'' jumps there, so the central
    // difference is off by h, not h²: a mismatch at the default step that vanishes as h shrinks.
    for (const source of ['x*abs(x)', 'relu(x)^2']) {
      const [row] = checkGradient(graphOf(source), { x: 0 });
      expect(row?.status, source).toBe('mismatch');
      expect(row?.ad).toBe(0);
      const steps = row?.converging ?? [];
      expect(steps.map((s) => s.h)).toEqual([row!.h / 10, row!.h / 100]);
      expect(steps[0]!.absError).toBeLessThan(row!.absError / 3);
      expect(steps[1]!.absError).toBeLessThanOrEqual(row!.tolerance);
    }
    // A step the user made too coarse, on a smooth function: the same diagnosis.
    expect(checkGradient(graphOf('x^3'), { x: 2 }, { h: 1e-2 })[0]?.converging).toHaveLength(2);
    // A wrong AD value does not converge: the error stays.
    const wrong = checkAgainst(graphOf('x^2'), { x: 1.5 }, [3.01]);
    expect(wrong[0]?.status).toBe('mismatch');
    expect(wrong[0]?.converging).toBeUndefined();
    // Rounding error grows as h shrinks: no convergence either.
    expect(checkGradient(graphOf('1e8 + x'), { x: 1 })[0]?.converging).toBeUndefined();
    // Passing rows carry nothing of the sort.
    expect(checkGradient(graphOf('x^3'), { x: 2 })[0]?.converging).toBeUndefined();
  });

  it('does not mistake rounding noise for a kink where the difference itself is ill-conditioned', () => {
    // f ≈ 1e8: the central difference loses ~1e8·ε/h ≈ 4e-3 to rounding, an honest mismatch.
    const [row] = checkGradient(graphOf('1e8 + x'), { x: 1 });
    expect(row?.status).toBe('mismatch');
    expect(row?.left).toBeUndefined();
  });

  it('detectKink returns null on a smooth slice and the slopes at a corner', () => {
    expect(detectKink((t) => t * t * t, 0)).toBeNull();
    expect(detectKink((t) => Math.max(0, t - 1), 1)).toEqual({
      left: 0,
      right: expect.closeTo(1, 9),
    });
  });

  it('reports nonfinite outside the domain and at infinite slopes', () => {
    const log = checkGradient(graphOf('log(x)'), { x: -1 })[0];
    expect(log?.status).toBe('nonfinite');
    expect(log?.fd).toBeNaN();
    const sqrt = checkGradient(graphOf('sqrt(x)'), { x: 0 })[0];
    expect(sqrt?.status).toBe('nonfinite');
    expect(sqrt?.ad).toBe(Infinity);
  });

  it('complex step is unsupported (never a number) on non-analytic ops, supported otherwise', () => {
    const rows = checkGradient(graphOf('abs(x) + x*y'), { x: 1, y: 2 }, { method: 'complex' });
    expect(rows.map((r) => r.status)).toEqual(['unsupported', 'unsupported']);
    for (const r of rows) expect(r.fd).toBeNaN();
    const other = checkGradient(graphOf('abs(x) + x*y'), { x: 1, y: 2 }, { method: 'central' });
    expect(other.map((r) => r.status)).toEqual(['pass', 'pass']);
  });

  it('gives no rows for a formula without variables', () => {
    expect(checkGradient(graphOf('2 + 3'), {})).toEqual([]);
  });
});

describe('realDifference', () => {
  it('divides by the step actually taken, and by h when x + h rounds to x', () => {
    const f = (t: number) => 3 * t;
    expect(realDifference(f, 1, 'forward', 1e-20)).toBe(0);
    // 0.1 + 1e-7 is not exactly 1e-7 away from 0.1; dividing by the true gap removes that error.
    expect(realDifference((t) => t, 0.1, 'forward', 1e-7)).toBe(1);
    expect(realDifference(f, 0.1, 'central', 1e-5)).toBeCloseTo(3, 10);
  });
});

describe('sweepErrors', () => {
  const graph = graphOf('sin(x) * exp(x)');
  const sweep = sweepErrors(graph, { x: 0.8 }, 'x');
  const at = (h: number) => {
    const p = sweep.find((s) => Math.abs(Math.log10(s.h) - Math.log10(h)) < 1e-9);
    if (!p) throw new Error(`no sweep point at ${h}`);
    return p.errors;
  };

  it('covers 1e-16 … 1 at four points per decade', () => {
    expect(sweep.map((s) => s.h)).toEqual(SWEEP_STEPS);
    expect(sweep.length).toBe(65);
    expect(sweep[0]?.h).toBeCloseTo(1e-16, 30);
    expect(sweep.at(-1)?.h).toBe(1);
  });

  it('forward difference has its V: best near 1e-8, worse at 1e-16 and at 1', () => {
    const best = at(1e-8).forward;
    expect(best).toBeLessThan(1e-6);
    expect(at(1e-16).forward).toBeGreaterThan(100 * best);
    expect(at(1).forward).toBeGreaterThan(100 * best);
  });

  it('central beats forward at its own best step, and Richardson beats central', () => {
    expect(at(1e-5).central).toBeLessThan(1e-8);
    expect(at(1e-5).central).toBeLessThan(at(1e-8).forward);
    expect(Math.min(...sweep.map((s) => s.errors.richardson))).toBeLessThan(
      Math.min(...sweep.map((s) => s.errors.central)),
    );
  });

  it('complex step is flat at rounding level for every small step', () => {
    const slope = Math.exp(0.8) * (Math.sin(0.8) + Math.cos(0.8));
    // Its truncation error is h²·f'''/6, below rounding once h ≤ 1e-7; nothing cancels, so no V.
    const small = sweep.filter((p) => p.h <= 1e-7);
    expect(small.length).toBe(37);
    for (const s of small) expect(s.errors.complex).toBeLessThanOrEqual(1e-15 * slope);
  });

  it('is NaN for complex step on a non-analytic graph, and empty for an unknown variable', () => {
    const kinked = sweepErrors(graphOf('abs(x) * x'), { x: 0.5 }, 'x');
    expect(kinked.every((s) => Number.isNaN(s.errors.complex))).toBe(true);
    expect(kinked.every((s) => Number.isFinite(s.errors.central))).toBe(true);
    expect(sweepErrors(graph, { x: 0.8 }, 'nope')).toEqual([]);
  });
});
