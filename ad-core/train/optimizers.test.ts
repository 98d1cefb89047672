import { describe, expect, it } from 'vitest';
import { graphOf } from '../test-support.ts';
import { tableOf } from './data.ts';
import { buildModel, type TrainModel } from './model.ts';
import { freshOptimizerState, optimizerById, OPTIMIZERS } from './optimizers.ts';
import { mulberry32 } from './prng.ts';
import { startRun, trainStep, type TrainSettings } from './trainer.ts';

const ROWS = [
  [0, 1.2],
  [1, 2.9],
  [2, 5.1],
  [3, 7.2],
];

function lineModel(rows: number[][]): TrainModel {
  const built = buildModel(graphOf('(w*x + b - y)^2'), ['w', 'b'], tableOf(['x', 'y'], rows));
  if (!built.ok) throw new Error('model');
  return built.model;
}

/** The least-squares line through `rows`, from the normal equations. */
function leastSquares(rows: number[][]): { w: number; b: number } {
  const n = rows.length;
  const mx = rows.reduce((s, r) => s + r[0]!, 0) / n;
  const my = rows.reduce((s, r) => s + r[1]!, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of rows) {
    sxy += (x! - mx) * (y! - my);
    sxx += (x! - mx) ** 2;
  }
  const w = sxy / sxx;
  return { w, b: my - w * mx };
}

/** ∂/∂(w, b) of the mean of (w·x + b − y)², by hand. */
function lineGradient(rows: number[][], w: number, b: number): [number, number] {
  let gw = 0;
  let gb = 0;
  for (const [x, y] of rows) {
    const r = w * x! + b - y!;
    gw += (2 * r * x!) / rows.length;
    gb += (2 * r) / rows.length;
  }
  return [gw, gb];
}

describe('SGD', () => {
  it('fits a line to the least-squares solution computed in closed form', () => {
    const next = mulberry32(3);
    const rows = Array.from({ length: 40 }, (_, i) => {
      const x = i / 10 - 2;
      return [x, 1.7 * x - 0.4 + (next() - 0.5)];
    });
    const model = lineModel(rows);
    const settings: TrainSettings = { lr: 0.05, optimizer: 'sgd', batchSize: null, seed: 1 };
    const run = startRun(model, settings, Float64Array.from([0, 0]));
    for (let i = 0; i < 2000; i++) trainStep(model, settings, run);
    const { w, b } = leastSquares(rows);
    expect(run.params[0]).toBeCloseTo(w, 9);
    expect(run.params[1]).toBeCloseTo(b, 9);
    expect(run.losses[run.losses.length - 1]!).toBeLessThan(run.losses[0]!);
  });

  it('moves each parameter by −η·g', () => {
    const params = Float64Array.from([1, 2]);
    optimizerById('sgd').step(params, Float64Array.from([0.5, -4]), 0.1, freshOptimizerState(2));
    expect([...params]).toEqual([1 - 0.05, 2 + 0.4]);
  });
});

describe('Momentum', () => {
  it('keeps a velocity v = 0.9·v + g and steps by −η·v', () => {
    const params = Float64Array.from([0]);
    const state = freshOptimizerState(1);
    const opt = optimizerById('momentum');
    opt.step(params, Float64Array.from([1]), 0.1, state);
    expect(params[0]).toBeCloseTo(-0.1, 15);
    opt.step(params, Float64Array.from([1]), 0.1, state);
    expect(params[0]).toBeCloseTo(-0.1 - 0.19, 15);
  });
});

describe('Adam', () => {
  /** Kingma & Ba (2015), Algorithm 1, written out independently of optimizers.ts. */
  function referenceAdam(rows: number[][], start: [number, number], lr: number, steps: number) {
    const alpha = lr;
    const b1 = 0.9;
    const b2 = 0.999;
    const eps = 1e-8;
    let theta = [...start];
    let m = [0, 0];
    let v = [0, 0];
    const path: number[][] = [];
    for (let t = 1; t <= steps; t++) {
      const g = lineGradient(rows, theta[0]!, theta[1]!);
      m = m.map((mi, i) => b1 * mi + (1 - b1) * g[i]!);
      v = v.map((vi, i) => b2 * vi + (1 - b2) * g[i]! * g[i]!);
      const mHat = m.map((mi) => mi / (1 - Math.pow(b1, t)));
      const vHat = v.map((vi) => vi / (1 - Math.pow(b2, t)));
      theta = theta.map((th, i) => th - (alpha * mHat[i]!) / (Math.sqrt(vHat[i]!) + eps));
      path.push([...theta]);
    }
    return path;
  }

  it('takes a first step of about η against the sign of each partial (checked by hand)', () => {
    // At w = b = 0 the partials are 2·mean(−y·x) = −17.35 and 2·mean(−y) = −8.2; with bias
    // correction m̂ = g and v̂ = g², so the step is η·g/(|g| + ε) ≈ η.
    const [gw, gb] = lineGradient(ROWS, 0, 0);
    expect(gw).toBeCloseTo(-17.35, 12);
    expect(gb).toBeCloseTo(-8.2, 12);
    const model = lineModel(ROWS);
    const settings: TrainSettings = { lr: 0.1, optimizer: 'adam', batchSize: null, seed: 1 };
    const run = startRun(model, settings, Float64Array.from([0, 0]));
    trainStep(model, settings, run);
    expect(run.params[0]).toBeCloseTo(0.1 * (17.35 / (17.35 + 1e-8)), 12);
    expect(run.params[1]).toBeCloseTo(0.1 * (8.2 / (8.2 + 1e-8)), 12);
  });

  it('matches the paper’s algorithm step for step', () => {
    const model = lineModel(ROWS);
    const settings: TrainSettings = { lr: 0.05, optimizer: 'adam', batchSize: null, seed: 1 };
    const run = startRun(model, settings, Float64Array.from([0.3, -0.2]));
    const reference = referenceAdam(ROWS, [0.3, -0.2], 0.05, 50);
    for (const expected of reference) {
      trainStep(model, settings, run);
      expect(run.params[0]).toBeCloseTo(expected[0]!, 12);
      expect(run.params[1]).toBeCloseTo(expected[1]!, 12);
    }
  });
});

describe('the optimizer table', () => {
  it('has one row per optimizer with a label and a rule', () => {
    expect(OPTIMIZERS.map((o) => o.id)).toEqual(['sgd', 'momentum', 'adam']);
    for (const o of OPTIMIZERS) expect(o.rule.length).toBeGreaterThan(0);
  });
});
