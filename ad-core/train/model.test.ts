import { describe, expect, it } from 'vitest';
import { gradient } from '../reverse.ts';
import { graphOf } from '../test-support.ts';
import { tableOf } from './data.ts';
import { batchLoss, batchLossAndGradient, buildModel, rowPoint } from './model.ts';
import { MLP, MLP_PARAMS, modelOf, randomRows } from './test-models.ts';

describe('batch loss and gradient', () => {
  const model = modelOf(MLP, MLP_PARAMS, randomRows(17, 7));
  const params = Float64Array.from([0.3, -0.2, -0.7, 0.5, 1.1, -0.4, 0.05]);

  it('equals the mean over rows of one reverse pass per row', () => {
    const grad = new Float64Array(params.length);
    const loss = batchLossAndGradient(model, params, null, grad);
    const expected = new Float64Array(params.length);
    let expectedLoss = 0;
    for (let r = 0; r < model.table.rowCount; r++) {
      const g = gradient(model.graph, rowPoint(model, params, r));
      expectedLoss += g.value / model.table.rowCount;
      MLP_PARAMS.forEach((p, k) => {
        expected[k] = expected[k]! + g.gradient[p]! / model.table.rowCount;
      });
    }
    expect(loss).toBeCloseTo(expectedLoss, 14);
    MLP_PARAMS.forEach((_, k) => expect(grad[k]).toBeCloseTo(expected[k]!, 14));
  });

  it('matches central finite differences of the batch loss', () => {
    const grad = new Float64Array(params.length);
    batchLossAndGradient(model, params, null, grad);
    const h = 1e-6;
    MLP_PARAMS.forEach((_, k) => {
      const up = Float64Array.from(params);
      const down = Float64Array.from(params);
      up[k] = up[k]! + h;
      down[k] = down[k]! - h;
      const fd = (batchLoss(model, up, null) - batchLoss(model, down, null)) / (2 * h);
      expect(Math.abs(fd - grad[k]!)).toBeLessThan(1e-7 * Math.max(1, Math.abs(grad[k]!)));
    });
  });

  it('averages over the chosen rows only', () => {
    const grad = new Float64Array(params.length);
    const loss = batchLossAndGradient(model, params, Int32Array.from([3]), grad);
    const g = gradient(model.graph, rowPoint(model, params, 3));
    expect(loss).toBe(g.value);
    MLP_PARAMS.forEach((p, k) => expect(grad[k]).toBe(g.gradient[p]));
  });

  it('gives NaN loss and zero gradient for an empty batch', () => {
    const grad = new Float64Array(params.length).fill(5);
    expect(batchLossAndGradient(model, params, new Int32Array(0), grad)).toBeNaN();
    expect([...grad]).toEqual(new Array(params.length).fill(0));
  });
});

describe('buildModel', () => {
  it('names a variable that is neither a parameter nor a column', () => {
    const r = buildModel(graphOf('(w*x+b-y)^2'), ['w', 'b'], tableOf(['x'], [[1]]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({ code: 'data-missing-column', column: 'y' });
  });

  it('gives a parameter the formula does not use a zero gradient', () => {
    const model = modelOf('(w*x-y)^2', ['w', 'unused'], [[1, 2]]);
    const grad = new Float64Array(2);
    batchLossAndGradient(model, Float64Array.from([0, 9]), null, grad);
    expect([...grad]).toEqual([-4, 0]);
  });

  it('lets a name be a parameter even when a column has that name', () => {
    const model = modelOf('(w*x-y)^2', ['w'], [[100, 1, 2]], ['w', 'x', 'y']);
    expect(model.dataNames).toEqual(['x', 'y']);
    expect(batchLoss(model, Float64Array.from([2]), null)).toBe(0);
  });
});
