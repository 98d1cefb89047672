import { describe, expect, it } from 'vitest';
import {
  OP_INDEX,
  OPS,
  OPS_BY_ID,
  OPS_BY_INDEX,
  POW_CONSTANT_EXPONENT,
  gradientSweepCode,
  opByCallName,
  opValue,
  opValueAndPartials,
} from './ops.ts';
import type { OpSpec } from './types.ts';

const EXPECTED_IDS =
  'add sub mul div pow neg sin cos tan asin acos atan atan2 sinh cosh tanh exp log log2 log10 sqrt abs relu sigmoid softplus max min hypot';
const NON_ANALYTIC = ['abs', 'relu', 'max', 'min'];

/** Smooth interior points of every op's domain (no ties, no kinks, positive bases). */
const POINTS: [number, number][] = [
  [0.3, 0.7],
  [0.8, 1.9],
  [-0.45, 1.3],
];
const pointsFor = (op: OpSpec) =>
  ['log', 'log2', 'log10', 'sqrt', 'pow'].includes(op.id)
    ? POINTS.map(([a, b]) => [Math.abs(a), b] as [number, number])
    : POINTS;

function central(f: (x: number) => number, x: number): number {
  const h = 1e-5 * Math.max(1, Math.abs(x));
  return (f(x + h) - f(x - h)) / (2 * h);
}

describe('the operation table', () => {
  it('has exactly one row per operation, indexed consistently', () => {
    expect(OPS.map((o) => o.id).join(' ')).toBe(EXPECTED_IDS);
    OPS.forEach((o, i) => {
      expect(OPS_BY_INDEX[i]).toBe(o);
      expect(OPS_BY_ID[o.id]).toBe(o);
      expect(o.partialText).toHaveLength(o.arity);
      expect(o.partialTex).toHaveLength(o.arity);
    });
  });

  it('resolves call names: ln is log, pow is pow, infix-only ops have none', () => {
    expect(opByCallName('ln')).toBe(OPS_BY_ID.log);
    expect(opByCallName('log')).toBe(OPS_BY_ID.log);
    expect(opByCallName('pow')).toBe(OPS_BY_ID.pow);
    expect(opByCallName('add')).toBeUndefined();
    expect(opByCallName('sine')).toBeUndefined();
    expect(opByCallName('constructor')).toBeUndefined();
  });

  it.each(OPS.map((o) => [o.id, o] as const))(
    '%s: local partials agree with central differences',
    (_id, op) => {
      for (const [a, b] of pointsFor(op)) {
        const out = op.value(a, b);
        expect(op.partial(0, a, b, out)).toBeCloseTo(
          central((x) => op.value(x, b), a),
          6,
        );
        if (op.arity === 2)
          expect(op.partial(1, a, b, out)).toBeCloseTo(
            central((y) => op.value(a, y), b),
            6,
          );
        expect(op.convention(a, b)).toBeNull();
      }
    },
  );

  it.each(OPS.filter((o) => o.complex).map((o) => [o.id, o] as const))(
    '%s: complex step gives value and partials to 1e-12',
    (_id, op) => {
      const h = 1e-20;
      for (const [a, b] of pointsFor(op)) {
        const out = op.value(a, b);
        const za = op.complex!({ re: a, im: h }, { re: b, im: 0 });
        expect(za.re).toBeCloseTo(out, 12);
        expect(Math.abs(za.im / h - op.partial(0, a, b, out))).toBeLessThan(
          1e-12 * Math.max(1, Math.abs(za.im / h)),
        );
        if (op.arity === 2) {
          const zb = op.complex!({ re: a, im: 0 }, { re: b, im: h });
          expect(Math.abs(zb.im / h - op.partial(1, a, b, out))).toBeLessThan(
            1e-12 * Math.max(1, Math.abs(zb.im / h)),
          );
        }
      }
    },
  );

  it.each(OPS.map((o) => [o.id, o] as const))(
    '%s: second-order partials agree with central differences of the first partials',
    (_id, op) => {
      for (const [a, b] of pointsFor(op)) {
        const [aa, ab, bb] = op.second(a, b, op.value(a, b));
        const slope = (i: 0 | 1, x: number, y: number) => op.partial(i, x, y, op.value(x, y));
        expect(aa).toBeCloseTo(
          central((x) => slope(0, x, b), a),
          6,
        );
        if (op.arity === 2) {
          expect(ab).toBeCloseTo(
            central((y) => slope(0, a, y), b),
            6,
          );
          expect(ab).toBeCloseTo(
            central((x) => slope(1, x, b), a),
            6,
          );
          expect(bb).toBeCloseTo(
            central((y) => slope(1, a, y), b),
            6,
          );
        } else {
          expect([ab, bb]).toEqual([0, 0]);
        }
      }
    },
  );

  it('has no complex extension for the non-analytic ops', () => {
    expect(OPS.filter((o) => !o.complex).map((o) => o.id)).toEqual(NON_ANALYTIC);
  });

  it('complex pow keeps integer powers of negative bases real and differentiable', () => {
    const z = OPS_BY_ID.pow!.complex!({ re: -2, im: 1e-20 }, { re: 3, im: 0 });
    expect(z.re).toBe(-8);
    expect(z.im / 1e-20).toBeCloseTo(12, 12);
  });

  it('propagates NaN through every value', () => {
    for (const op of OPS) {
      expect(op.value(NaN, 0.5), op.id).toBeNaN();
      if (op.arity === 2) expect(op.value(0.5, NaN), op.id).toBeNaN();
    }
  });

  it('sigmoid and softplus stay finite and accurate far out', () => {
    const sig = OPS_BY_ID.sigmoid!;
    const sp = OPS_BY_ID.softplus!;
    expect(sig.value(-800, 0)).toBeGreaterThanOrEqual(0);
    expect(sig.value(800, 0)).toBe(1);
    expect(sig.partial(0, -800, 0, sig.value(-800, 0))).toBe(0);
    expect(sp.value(1000, 0)).toBe(1000);
    expect(sp.value(-50, 0)).toBeCloseTo(Math.exp(-50), 30);
    expect(sp.partial(0, 1000, 0, 1000)).toBe(1);
  });

  it('atan2 and hypot partials do not overflow for large arguments', () => {
    const atan2 = OPS_BY_ID.atan2!;
    const hypot = OPS_BY_ID.hypot!;
    const big = 1e200;
    expect(atan2.partial(0, big, big, atan2.value(big, big))).toBeCloseTo(0.5 / big, 210);
    expect(hypot.partial(0, big, big, hypot.value(big, big))).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('writes symbolic partials as text and TeX', () => {
    expect(OPS_BY_ID.mul!.partialText).toEqual(['∂(a·b)/∂a = b', '∂(a·b)/∂b = a']);
    expect(OPS_BY_ID.sin!.partialTex[0]!(['v_{1}'])).toBe('\\cos\\left(v_{1}\\right)');
    expect(OPS_BY_ID.div!.tex(['v_{1}', 'v_{2}'])).toBe('\\frac{v_{1}}{v_{2}}');
  });
});

describe('the two switches (values only, and values with partials)', () => {
  const SPECIAL = [
    0,
    -0,
    1,
    -1,
    2,
    0.5,
    -0.5,
    3.7,
    -2.2,
    1e-300,
    1e300,
    -1e300,
    Infinity,
    -Infinity,
    NaN,
  ];
  const r = new Float64Array(3);
  const r4 = new Float64Array(3);

  it('give every op the same value, bit for bit, at ordinary and special points', () => {
    const mismatches: string[] = [];
    OPS.forEach((op, code) => {
      for (const a of SPECIAL)
        for (const b of SPECIAL) {
          opValueAndPartials(code, a, b, r);
          if (!Object.is(r[0], opValue(code, a, b))) mismatches.push(`${op.id}(${a}, ${b})`);
          if (!Object.is(r[0], op.value(a, b))) mismatches.push(`row ${op.id}(${a}, ${b})`);
        }
    });
    expect(mismatches).toEqual([]);
  });

  it('give the rows their partials', () => {
    const g = new Float64Array(2);
    OPS.forEach((op, code) => {
      opValueAndPartials(code, 0.3, 0.7, r);
      op.partials(0.3, 0.7, r[0]!, g);
      expect(g[0], op.id).toBe(r[1]);
      if (op.arity === 2) expect(g[1], op.id).toBe(r[2]);
      else expect(r[2], op.id).toBeNaN();
    });
  });

  it('code pow with a constant exponent as pow, minus the exponent’s slope', () => {
    const pow = OP_INDEX.pow!;
    expect(gradientSweepCode(pow, true)).toBe(POW_CONSTANT_EXPONENT);
    expect(gradientSweepCode(pow, false)).toBe(pow);
    expect(gradientSweepCode(OP_INDEX.mul!, true)).toBe(OP_INDEX.mul);
    for (const a of SPECIAL)
      for (const b of SPECIAL) {
        opValueAndPartials(pow, a, b, r4);
        opValueAndPartials(POW_CONSTANT_EXPONENT, a, b, r);
        expect(Object.is(r[0], r4[0]) && Object.is(r[1], r4[1]), `${a}^${b}`).toBe(true);
        expect(r[2]).toBeNaN();
      }
    opValueAndPartials(pow, -2, 2, r4);
    expect([r4[0], r4[1], r4[2]]).toEqual([4, -4, NaN]);
  });
});
