import { describe, expect, it } from 'vitest';
import { graphOf } from '../test-support.ts';
import { tableOf } from './data.ts';
import { buildModel } from './model.ts';
import { initialParams, mulberry32, permutation } from './prng.ts';
import { batchRows, startRun, trainSteps, type TrainSettings } from './trainer.ts';

const XOR =
  'h1 = tanh(a*x1 + b*x2 + c); h2 = tanh(d*x1 + e2*x2 + f); p = sigmoid(g*h1 + k*h2 + m); -(y*log(p) + (1-y)*log(1-p))';
const XOR_PARAMS = ['a', 'b', 'c', 'd', 'e2', 'f', 'g', 'k', 'm'];
const XOR_ROWS = [
  [0, 0, 0],
  [0, 1, 1],
  [1, 0, 1],
  [1, 1, 0],
];

function xorModel() {
  const built = buildModel(graphOf(XOR), XOR_PARAMS, tableOf(['x1', 'x2', 'y'], XOR_ROWS));
  if (!built.ok) throw new Error(built.diagnostics[0]!.message);
  return built.model;
}

describe('seeded initialisation', () => {
  it('is the same for the same seed and different for another', () => {
    expect([...initialParams(5, 42)]).toEqual([...initialParams(5, 42)]);
    expect([...initialParams(5, 42)]).not.toEqual([...initialParams(5, 43)]);
    for (const v of initialParams(100, 9)) {
      expect(v).toBeGreaterThanOrEqual(-1);
      expect(v).toBeLessThan(1);
    }
  });

  it('mulberry32 gives the published first draw for seed 0', () => {
    // Reference value from the common JavaScript implementation of mulberry32 (seed 0).
    expect(mulberry32(0)()).toBeCloseTo(0.26642920868471265, 15);
  });

  it('shuffles into a permutation', () => {
    const p = [...permutation(50, 7)];
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(p).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('training runs', () => {
  const settings: TrainSettings = { lr: 0.5, optimizer: 'adam', batchSize: null, seed: 11 };

  it('reproduce the same loss curve from the same seed', () => {
    const model = xorModel();
    const a = startRun(model, settings);
    const b = startRun(model, settings);
    trainSteps(model, settings, a, 200);
    trainSteps(model, settings, b, 200);
    expect(a.losses).toEqual(b.losses);
    expect([...a.params]).toEqual([...b.params]);
    const c = startRun(model, { ...settings, seed: 12 });
    trainSteps(model, { ...settings, seed: 12 }, c, 200);
    expect(c.losses).not.toEqual(a.losses);
  });

  it('learn XOR with a 2-2-1 network from a seed that escapes the ln 2 / 2 plateau', () => {
    // Some seeds (11 among them) leave the network on the plateau where it predicts ½ for two
    // of the four rows; seed 3 with η = 0.1 does not (the XOR preset uses it).
    const model = xorModel();
    const xor: TrainSettings = { lr: 0.1, optimizer: 'adam', batchSize: null, seed: 3 };
    const run = startRun(model, xor);
    trainSteps(model, xor, run, 500);
    expect(run.losses[0]!).toBeGreaterThan(0.5);
    expect(run.losses[run.losses.length - 1]!).toBeLessThan(0.05);
  });

  it('walk mini-batches through a seeded order, covering every row once per epoch', () => {
    const model = xorModel();
    const mini: TrainSettings = { ...settings, batchSize: 2 };
    const run = startRun(model, mini);
    const seen = [
      ...batchRows(model, mini, run.order, 0)!,
      ...batchRows(model, mini, run.order, 1)!,
    ];
    expect(seen.sort()).toEqual([0, 1, 2, 3]);
    expect([...batchRows(model, mini, run.order, 2)!]).toEqual([
      ...batchRows(model, mini, run.order, 0)!,
    ]);
    expect(batchRows(model, { ...settings, batchSize: 4 }, run.order, 0)).toBeNull();
    const again = startRun(model, mini);
    trainSteps(model, mini, run, 30);
    trainSteps(model, mini, again, 30);
    expect(run.losses).toEqual(again.losses);
  });

  it('start where asked and remember the start for a reset', () => {
    const model = xorModel();
    const initial = Float64Array.from(XOR_PARAMS, (_, k) => k / 10);
    const run = startRun(model, settings, initial);
    trainSteps(model, settings, run, 3);
    expect([...run.initial]).toEqual([...initial]);
    expect(run.step).toBe(3);
    expect(run.losses).toHaveLength(3);
  });

  it('record the descent path of a two-parameter model: the start, then each step', () => {
    const built = buildModel(
      graphOf('(w*x + b - y)^2'),
      ['w', 'b'],
      tableOf(
        ['x', 'y'],
        [
          [0, 1],
          [1, 3],
        ],
      ),
    );
    if (!built.ok) throw new Error('model');
    const sgd: TrainSettings = { lr: 0.1, optimizer: 'sgd', batchSize: null, seed: 1 };
    const run = startRun(built.model, sgd, Float64Array.of(0, 0));
    trainSteps(built.model, sgd, run, 4);
    expect(run.path).toHaveLength(10);
    expect(run.path.slice(0, 2)).toEqual([0, 0]);
    expect(run.path.slice(8)).toEqual([...run.params]);
    expect(startRun(xorModel(), settings).path).toEqual([]);
  });
});
