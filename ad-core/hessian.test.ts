import { describe, expect, it } from 'vitest';
import { HESSIAN_MAX_VARIABLES, hessian, hessianVectorProduct } from './hessian.ts';
import { graphOf, referenceCases, type ReferenceCase } from './test-support.ts';
import type { Point } from './types.ts';

type ClosedForm = (p: Point) => number[][];
const sigma = (z: number) => 1 / (1 + Math.exp(-z));

/** Hessians of the reference cases by hand, in each graph's variable order. */
const CLOSED_FORMS: Record<string, ClosedForm> = {
  'baydin-2018': ({ x1, x2 }) => [
    [-1 / (x1! * x1!), 1],
    [1, Math.sin(x2!)],
  ],
  'colah-sum-over-paths': () => [
    [0, 1],
    [1, 2],
  ],
  'cs231n-circuit': () => [
    [0, 0, 1],
    [0, 0, 1],
    [1, 1, 0],
  ],
  'brief-example': ({ x, y }) => {
    const [X, Y] = [x!, y!];
    const s = Math.sin(X * Y);
    const c = Math.cos(X * Y);
    const e = Math.exp(X);
    const xy = c - X * Y * s - e / (Y * Y);
    return [
      [-Y * Y * s + e / Y, xy],
      [xy, -X * X * s + (2 * e) / (Y * Y * Y)],
    ];
  },
  'cs231n-neuron': (p) => {
    // Variables in order of appearance: w0, x0, w1, x1, w2; f = σ(z), z = w0·x0 + w1·x1 + w2.
    const z = p.w0! * p.x0! + p.w1! * p.x1! + p.w2!;
    const s = sigma(z);
    const d1 = s * (1 - s);
    const d2 = d1 * (1 - 2 * s);
    const dz = [p.x0!, p.w0!, p.x1!, p.w1!, 1];
    const zz = (i: number, j: number) =>
      (i === 0 && j === 1) || (i === 1 && j === 0) || (i === 2 && j === 3) || (i === 3 && j === 2)
        ? 1
        : 0;
    return dz.map((di, i) => dz.map((dj, j) => d2 * di * dj + d1 * zz(i, j)));
  },
  'backprop-explainer-loss': () => [
    [2 * 2.1 * 2.1, 2 * 2.1],
    [2 * 2.1, 2],
  ],
  'pow-both': ({ x, y }) => {
    const [X, Y] = [x!, y!];
    const ln = Math.log(X);
    const xy = Math.pow(X, Y - 1) * (1 + Y * ln);
    return [
      [Y * (Y - 1) * Math.pow(X, Y - 2), xy],
      [xy, Math.pow(X, Y) * ln * ln],
    ];
  },
  'tanh-sqrt': ({ x, y }) => {
    const [X, Y] = [x!, y!];
    const u = Math.tanh(X);
    const u1 = 1 - u * u;
    const u2 = -2 * u * u1;
    const q = 1 + X * X;
    const w = 1 / q;
    const w1 = (-2 * X) / (q * q);
    const w2 = (6 * X * X - 2) / (q * q * q);
    const T = u * w;
    const T1 = u1 * w + u * w1;
    const T2 = u2 * w + 2 * u1 * w1 + u * w2;
    const S = Math.sqrt(Y);
    const S1 = 1 / (2 * S);
    const S2 = -1 / (4 * Y * S);
    return [
      [T2 * S, T1 * S1],
      [T1 * S1, T * S2],
    ];
  },
  rosenbrock: ({ x, y }) => {
    const [X, Y] = [x!, y!];
    return [
      [2 - 400 * (Y - X * X) + 800 * X * X, -400 * X],
      [-400 * X, 200],
    ];
  },
};

const cases: ReferenceCase[] = referenceCases.cases;

describe('hessian (forward-over-reverse)', () => {
  it('has a closed form for every reference case', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(CLOSED_FORMS).sort());
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: every entry equals the closed form to 1e-8 and passes its finite-difference check',
    (name, c) => {
      const result = hessian(graphOf(c.formula), c.at);
      if (!result.ok) throw new Error(result.message);
      const expected = CLOSED_FORMS[name]!(c.at);
      expect(result.matrix).toHaveLength(expected.length);
      result.matrix.forEach((row, i) =>
        row.forEach((entry, j) => {
          const want = expected[i]![j]!;
          expect(Math.abs(entry - want)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(want)));
          expect(result.check[i]![j]!.status).toBe('pass');
        }),
      );
      expect(result.value).toBeCloseTo(c.value, 12);
      result.variables.forEach((v, i) =>
        expect(result.gradient[i]).toBeCloseTo(c.gradient[v]!, 10),
      );
    },
  );

  it('is symmetric on the reference cases (two different passes give H_ij and H_ji)', () => {
    for (const c of cases) {
      const result = hessian(graphOf(c.formula), c.at);
      if (!result.ok) throw new Error(result.message);
      result.matrix.forEach((row, i) =>
        row.forEach((entry, j) =>
          expect(Math.abs(entry - result.matrix[j]![i]!)).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(entry)),
          ),
        ),
      );
    }
  });

  it('differentiates every op twice: x·y-free one-variable formulas against their second derivatives', () => {
    const x = 0.37;
    const second: [string, number][] = [
      ['tan(x)', (2 * Math.sin(x)) / Math.cos(x) ** 3],
      ['asin(x)', x / (1 - x * x) ** 1.5],
      ['acos(x)', -x / (1 - x * x) ** 1.5],
      ['atan(x)', (-2 * x) / (1 + x * x) ** 2],
      ['sinh(x) + cosh(x)', Math.sinh(x) + Math.cosh(x)],
      ['tanh(x)', -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2)],
      ['log2(x) + log10(x)', -1 / (x * x * Math.LN2) - 1 / (x * x * Math.LN10)],
      ['sqrt(x)', -0.25 * x ** -1.5],
      ['softplus(x)', sigma(x) * (1 - sigma(x))],
      ['sigmoid(x)', sigma(x) * (1 - sigma(x)) * (1 - 2 * sigma(x))],
      ['abs(x) + relu(x) + max(x, 1) + min(x, 1)', 0],
      ['cos(-x)', -Math.cos(x)],
      ['1/x', 2 / x ** 3],
      ['x^3', 6 * x],
      ['2^x', Math.LN2 ** 2 * 2 ** x],
      ['atan2(x, 2)', (-2 * x * 2) / (x * x + 4) ** 2],
      ['atan2(2, x)', (2 * x * 2) / (x * x + 4) ** 2],
      ['hypot(x, 2)', 4 / (x * x + 4) ** 1.5],
    ];
    for (const [formula, want] of second) {
      const result = hessian(graphOf(formula), { x });
      if (!result.ok) throw new Error(result.message);
      expect(result.matrix[0]![0]!, formula).toBeCloseTo(want, 10);
      expect(result.check[0]![0]!.status, formula).toBe('pass');
    }
  });

  it('mixed partials of the binary ops: a/b, atan2, hypot', () => {
    const [a, b] = [0.6, -1.3];
    const r2 = a * a + b * b;
    const check = (formula: string, want: number[][]) => {
      const result = hessian(graphOf(formula), { a, b });
      if (!result.ok) throw new Error(result.message);
      result.matrix.forEach((row, i) =>
        row.forEach((e, j) => expect(e, `${formula} ${i}${j}`).toBeCloseTo(want[i]![j]!, 10)),
      );
    };
    check('a/b', [
      [0, -1 / (b * b)],
      [-1 / (b * b), (2 * a) / b ** 3],
    ]);
    check('atan2(a, b)', [
      [(-2 * a * b) / r2 ** 2, (a * a - b * b) / r2 ** 2],
      [(a * a - b * b) / r2 ** 2, (2 * a * b) / r2 ** 2],
    ]);
    check('hypot(a, b)', [
      [(b * b) / r2 ** 1.5, (-a * b) / r2 ** 1.5],
      [(-a * b) / r2 ** 1.5, (a * a) / r2 ** 1.5],
    ]);
  });

  it('keeps an infinite partial elsewhere from poisoning unrelated entries (x·y + √y at y = 0)', () => {
    const result = hessian(graphOf('x*y + sqrt(y)'), { x: 1, y: 0 });
    if (!result.ok) throw new Error(result.message);
    expect(result.matrix[0]).toEqual([0, 1]);
    expect(result.matrix[1]![0]).toBe(1);
    expect(result.matrix[1]![1]).toBe(-Infinity);
    expect(result.check[1]![1]!.status).toBe('nonfinite');
  });

  it('flags a kink: the check disagrees where the gradient jumps (abs at 0)', () => {
    const result = hessian(graphOf('abs(x)'), { x: 0 });
    if (!result.ok) throw new Error(result.message);
    expect(result.matrix[0]![0]).toBe(0);
    expect(result.check[0]![0]!.status).toBe('mismatch');
  });

  it('gives a diagnostic-like result past 8 variables, and an empty matrix for none', () => {
    const nine = 'a+b+c+d+e1+f+g+h+i';
    const result = hessian(graphOf(nine), {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('too-many-variables');
    expect(result.limit).toBe(HESSIAN_MAX_VARIABLES);
    expect(result.variables).toBe(9);
    expect(result.message).toContain('8');
    const eight = hessian(graphOf('a*b*c*d*e1*f*g*h'), {
      a: 1,
      b: 1,
      c: 1,
      d: 1,
      e1: 1,
      f: 1,
      g: 1,
      h: 1,
    });
    expect(eight.ok && eight.matrix[0]![1]).toBe(1);
    const none = hessian(graphOf('2*3'), {});
    expect(none.ok && none.matrix).toEqual([]);
  });

  it('one Hessian-vector product along a direction, keyed by name', () => {
    const result = hessianVectorProduct(
      graphOf('(1-x)^2 + 100*(y-x^2)^2'),
      { x: -1.2, y: 1 },
      { x: 1, y: 2 },
    );
    expect(result.hv.x).toBeCloseTo(1330 + 2 * 480, 9);
    expect(result.hv.y).toBeCloseTo(480 + 2 * 200, 9);
    expect(result.value).toBeCloseTo(24.2, 12);
  });

  it('handles a variable called __proto__', () => {
    const result = hessian(graphOf('__proto__^2'), { ['__proto__']: 3 } as Point);
    expect(result.ok && result.matrix).toEqual([[2]]);
  });
});
