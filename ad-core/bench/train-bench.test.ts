import { describe, expect, it } from 'vitest';
import { batchLossAndGradient } from '../train/model.ts';
import {
  benchTraining,
  naiveTrainStep,
  renderTrainBenchText,
  trainBenchModel,
} from './train-bench.ts';
import type { Point } from '../types.ts';

describe('the training benchmark', () => {
  it('times the engine and the baseline on the same network and data', () => {
    const row = benchTraining({ warmupMs: 5, sampleMs: 1, samples: 3 }, 20, 4);
    expect(row).toMatchObject({ network: '2-4-1 tanh', rows: 20, params: 17 });
    expect(row.engineStepsPerSecond).toBeGreaterThan(0);
    expect(row.speedup).toBeCloseTo(row.engineStepsPerSecond / row.baselineStepsPerSecond, 9);
    expect(renderTrainBenchText(row)).toMatch(/Target ≥ 500 steps\/s .*: (met|MISSED)\./);
  });

  it('has a baseline step that computes the same loss and update as the engine', () => {
    const model = trainBenchModel(30, 3);
    const params = Float64Array.from(model.params, (_, k) => Math.sin(k + 1) / 2);
    const grad = new Float64Array(params.length);
    const loss = batchLossAndGradient(model, params, null, grad);
    const point = Object.create(null) as Point;
    model.params.forEach((p, k) => {
      point[p] = params[k]!;
    });
    expect(naiveTrainStep(model.graph, model.params, model.table, point, 0.1)).toBeCloseTo(
      loss,
      12,
    );
    model.params.forEach((p, k) => expect(point[p]).toBeCloseTo(params[k]! - 0.1 * grad[k]!, 12));
  });
});
