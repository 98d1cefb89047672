// The Jacobian of several outputs by both modes, against closed forms, with the pass counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgainst } from './check.ts';
import { evaluate } from './evaluate.ts';
import { compile } from './graph.ts';
import {
  checkJacobian,
  focusOutput,
  focusedIndex,
  jacobian,
  jacobianColumn,
  jacobianCost,
  jacobianRow,
  outputName,
} from './jacobian.ts';
import { pointFrom } from './point.ts';
import { buildTrace } from './trace.ts';

function graphOf(source: string) {
  const built = compile(source);
  if (!built.ok) throw new Error(built.diagnostics[0]!.message);
  return built.graph;
}

function expectMatrix(actual: number[][], expected: number[][], tol = 1e-12) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, j) => {
    expect(row.length).toBe(expected[j]!.length);
    row.forEach((v, i) =>
      expect(Math.abs(v - expected[j]![i]!), `J[${j}][${i}]`).toBeLessThanOrEqual(tol),
    );
  });
}

describe('the issue example x*y, sin(x), x + y', () => {
  const g = graphOf('x*y, sin(x), x + y');
  const at = pointFrom([
    ['x', 2],
    ['y', 3],
  ]);
  const closed = [
    [3, 2], // ∂(xy)/∂x = y, ∂(xy)/∂y = x
    [Math.cos(2), 0],
    [1, 1],
  ];

  it('forward mode fills it column by column in n = 2 passes', () => {
    const J = jacobian(g, at, 'forward');
    expectMatrix(J.rows, closed);
    expect(J.passes).toBe(2);
    expect(J.values).toEqual([6, Math.sin(2), 5]);
  });

  it('reverse mode fills it row by row in m = 3 passes', () => {
    const J = jacobian(g, at, 'reverse');
    expectMatrix(J.rows, closed);
    expect(J.passes).toBe(3);
  });

  it('one forward pass is one column, one reverse pass one row', () => {
    const evaluation = evaluate(g, at);
    expectMatrix([jacobianColumn(g, evaluation, 0)], [[3, Math.cos(2), 1]]);
    expectMatrix([jacobianRow(g, evaluation, 1)], [[Math.cos(2), 0]]);
  });

  it('counts the passes and names forward mode the cheaper (2 inputs < 3 outputs)', () => {
    expect(jacobianCost(g)).toEqual({ forward: 2, reverse: 3, cheaper: 'forward' });
  });

  it('checks every entry against central differences: all pass', () => {
    const rows = checkJacobian(g, at);
    expect(rows.map((r) => r.map((c) => c.status))).toEqual([
      ['pass', 'pass'],
      ['pass', 'pass'],
      ['pass', 'pass'],
    ]);
    expectMatrix(
      rows.map((r) => r.map((c) => c.fd)),
      closed,
      1e-6,
    );
  });
});

describe('three outputs of three inputs: spherical to Cartesian coordinates', () => {
  const g = graphOf('r*sin(p)*cos(t), r*sin(p)*sin(t), r*cos(p)');
  const [r, p, t] = [2, 0.7, 1.3];
  const at = pointFrom([
    ['r', r],
    ['p', p],
    ['t', t],
  ]);
  const { sin, cos } = Math;
  const closed = [
    [sin(p) * cos(t), r * cos(p) * cos(t), -r * sin(p) * sin(t)],
    [sin(p) * sin(t), r * cos(p) * sin(t), r * sin(p) * cos(t)],
    [cos(p), -r * sin(p), 0],
  ];

  it('both modes give the closed form, 3 passes each, and neither is cheaper', () => {
    const f = jacobian(g, at, 'forward');
    const b = jacobian(g, at, 'reverse');
    expectMatrix(f.rows, closed);
    expectMatrix(b.rows, closed);
    expect([f.passes, b.passes]).toEqual([3, 3]);
    expect(jacobianCost(g).cheaper).toBe('either');
  });

  it('its determinant is r² sin p (the volume element)', () => {
    const [a, b, c] = jacobian(g, at, 'reverse').rows as [number[], number[], number[]];
    const det =
      a[0]! * (b[1]! * c[2]! - b[2]! * c[1]!) -
      a[1]! * (b[0]! * c[2]! - b[2]! * c[0]!) +
      a[2]! * (b[0]! * c[1]! - b[1]! * c[0]!);
    expect(det).toBeCloseTo(r * r * sin(p), 12);
  });
});

describe('cost: the lesson in numbers', () => {
  it('one input, three outputs: forward needs 1 pass, reverse 3', () => {
    const g = graphOf('t^2, sin(t), exp(t)');
    expect(jacobianCost(g)).toEqual({ forward: 1, reverse: 3, cheaper: 'forward' });
    const t = 0.5;
    const J = jacobian(g, pointFrom([['t', t]]), 'forward');
    expectMatrix(J.rows, [[2 * t], [Math.cos(t)], [Math.exp(t)]]);
    expect(J.passes).toBe(1);
  });

  it('three inputs, one output: reverse needs 1 pass (the gradient), forward 3', () => {
    expect(jacobianCost(graphOf('x*y*z'))).toEqual({ forward: 3, reverse: 1, cheaper: 'reverse' });
  });
});

describe('focusing one output', () => {
  const g = graphOf('x*y, sin(x), x + y');

  it('moves output to row k and back, the same object each time', () => {
    const second = focusOutput(g, 1);
    expect(second.output).toBe(g.outputs[1]);
    expect(focusedIndex(second)).toBe(1);
    expect(focusOutput(g, 1)).toBe(second);
    expect(focusOutput(second, 0)).toBe(g);
    expect(focusOutput(second, 2)).toBe(focusOutput(g, 2));
    expect(focusOutput(g, 7)).toBe(g);
  });

  it('the reverse trace of a focused graph seeds that output and gives its row', () => {
    const at = pointFrom([
      ['x', 2],
      ['y', 3],
    ]);
    const trace = buildTrace(focusOutput(g, 1), at, 'reverse');
    const seed = trace.steps.find((s) => s.kind === 'seed-adjoint');
    expect(seed).toMatchObject({ node: g.outputs[1], adjoint: 1 });
  });

  it('names outputs y₁, y₂, …', () => {
    expect([0, 1, 9].map(outputName)).toEqual(['y₁', 'y₂', 'y₁₀']);
  });
});

describe('edge cases', () => {
  it('an output that is an input, a constant, or the same node twice', () => {
    const g = graphOf('a = x*y\na, a, x, 3');
    const at = pointFrom([
      ['x', 2],
      ['y', 5],
    ]);
    const expected = [
      [5, 2],
      [5, 2],
      [1, 0],
      [0, 0],
    ];
    expectMatrix(jacobian(g, at, 'forward').rows, expected);
    expectMatrix(jacobian(g, at, 'reverse').rows, expected);
    expect(jacobianCost(g).cheaper).toBe('forward');
  });

  it('a kink and a NaN are classified per entry, not hidden', () => {
    const g = graphOf('abs(x) + y, log(x)*y');
    const kink = checkJacobian(
      g,
      pointFrom([
        ['x', 0],
        ['y', 1],
      ]),
    );
    expect(kink[0]!.map((c) => c.status)).toEqual(['kink', 'pass']);
    const nan = checkJacobian(
      g,
      pointFrom([
        ['x', -1],
        ['y', 1],
      ]),
    );
    expect(nan[1]!.map((c) => c.status)).toContain('nonfinite');
  });

  it('a wrong entry is a mismatch (the check can fail)', () => {
    const g = focusOutput(graphOf('x*y, sin(x)'), 1);
    const at = pointFrom([
      ['x', 2],
      ['y', 3],
    ]);
    const rows = checkAgainst(g, at, [-Math.cos(2), 0]);
    expect(rows.map((r) => r.status)).toEqual(['mismatch', 'pass']);
  });

  it('both modes agree on random polynomial-trigonometric outputs (property)', () => {
    const g = graphOf('x*y + sin(z), exp(x/4)*z, x^2 - y*z, cos(x + y)');
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (x, y, z) => {
          const at = pointFrom([
            ['x', x],
            ['y', y],
            ['z', z],
          ]);
          const f = jacobian(g, at, 'forward').rows;
          const b = jacobian(g, at, 'reverse').rows;
          f.forEach((row, j) =>
            row.forEach((v, i) => {
              expect(Math.abs(v - b[j]![i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)));
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the explanation of a pass that follows one output', () => {
  it('names the seeded output and says the pass is its row', async () => {
    const { explainStep } = await import('./explain.ts');
    const g = focusOutput(graphOf('x*y, sin(x), x + y'), 1);
    const at = pointFrom([
      ['x', 2],
      ['y', 3],
    ]);
    const trace = buildTrace(g, at, 'reverse');
    const k = trace.steps.findIndex((s) => s.kind === 'seed-adjoint');
    const e = explainStep(trace, k + 1);
    expect(e.title).toBe('Seed the adjoint of y₂');
    expect(e.lines[0]).toContain('row y₂ of the Jacobian');
    const single = buildTrace(graphOf('x*y'), at, 'reverse');
    const j = single.steps.findIndex((s) => s.kind === 'seed-adjoint');
    expect(explainStep(single, j + 1).title).toBe('Seed the output adjoint');
  });
});
