import { describe, expect, it } from 'vitest';
import { graphOf } from '../test-support.ts';
import { tableOf } from './data.ts';
import { checkBatchGradient } from './gradcheck.ts';
import { buildModel, type TrainModel } from './model.ts';
import { networkFormula } from './networks.ts';
import { initialParams, mulberry32 } from './prng.ts';

function networkModel(hidden: number, rows: number): TrainModel {
  const net = networkFormula({
    inputs: ['x1', 'x2'],
    hidden,
    activation: 'tanh',
    output: 'linear',
    target: 'y',
  });
  const next = mulberry32(rows);
  const data = Array.from({ length: rows }, () => [next() * 2 - 1, next() * 2 - 1, next()]);
  const built = buildModel(graphOf(net.formula), net.params, tableOf(['x1', 'x2', 'y'], data));
  if (!built.ok) throw new Error(built.diagnostics[0]!.message);
  return built.model;
}

describe('the gradient check at scale', () => {
  it('passes every parameter of a 2-16-1 network (65 parameters, one dot each)', () => {
    const model = networkModel(16, 50);
    const params = initialParams(model.params.length, 4);
    const rows = checkBatchGradient(model, params, null);
    expect(rows).toHaveLength(65);
    expect(rows.map((r) => r.name)).toEqual(model.params);
    for (const r of rows) expect(r.status, `${r.name}: ad ${r.ad} fd ${r.fd}`).toBe('pass');
  });

  it('flags a gradient that is wrong: a loss whose data makes it non-finite', () => {
    const built = buildModel(graphOf('log(w*x)'), ['w'], tableOf(['x', 'y'], [[0, 0]]));
    if (!built.ok) throw new Error('model');
    const [row] = checkBatchGradient(built.model, Float64Array.of(1), null);
    expect(row!.status).toBe('nonfinite');
  });

  it('tells a mismatch from a pass (a kink checked at the kink: AD takes a side, FD the average)', () => {
    const built = buildModel(graphOf('abs(w - x)'), ['w'], tableOf(['x', 'y'], [[1, 0]]));
    if (!built.ok) throw new Error('model');
    const [row] = checkBatchGradient(built.model, Float64Array.of(1), null);
    // abs'(0) = 0 by convention and the central difference of |w - 1| at 1 is 0 too: they agree.
    expect(row!.status).toBe('pass');
    const shifted = checkBatchGradient(built.model, Float64Array.of(1 + 1e-9), null)[0]!;
    // Just beside the kink AD says 1, the central difference straddles it: a mismatch.
    expect(shifted.ad).toBe(1);
    expect(shifted.status).toBe('mismatch');
  });
});
