// Training speed: full-batch steps per second of a 2-16-1 tanh network on 200 rows, by the
// engine (one compiled sweep per row, ad-core/train) and by the micrograd-style baseline
// (bench/naive.ts: a Value graph built and walked per row), on the same network and data.
import { compile } from '../graph.ts';
import type { Graph, Point } from '../types.ts';
import { tableOf, type DataTable } from '../train/data.ts';
import { buildModel, type TrainModel } from '../train/model.ts';
import { networkFormula } from '../train/networks.ts';
import { mulberry32 } from '../train/prng.ts';
import { startRun, trainStep, type TrainSettings } from '../train/trainer.ts';
import { naiveGradient } from './naive.ts';
import { medianMsEach, type TimingOptions } from './timing.ts';

export const TRAIN_TARGET_STEPS_PER_SECOND = 500;

export interface TrainBenchRow {
  network: string;
  rows: number;
  params: number;
  nodes: number;
  engineStepsPerSecond: number;
  baselineStepsPerSecond: number;
  speedup: number;
}

/** The benchmark's model: y = sin(πx1)·x2 sampled at `rows` seeded points in [-1, 1]². */
export function trainBenchModel(rows = 200, hidden = 16): TrainModel {
  const net = networkFormula({
    inputs: ['x1', 'x2'],
    hidden,
    activation: 'tanh',
    output: 'linear',
    target: 'y',
  });
  const built = compile(net.formula);
  if (!built.ok) throw new Error('benchmark network does not compile');
  const next = mulberry32(2024);
  const data = Array.from({ length: rows }, () => {
    const x1 = 2 * next() - 1;
    const x2 = 2 * next() - 1;
    return [x1, x2, Math.sin(Math.PI * x1) * x2];
  });
  const model = buildModel(built.graph, net.params, tableOf(['x1', 'x2', 'y'], data));
  if (!model.ok) throw new Error('benchmark network does not bind to its data');
  return model.model;
}

/**
 * One full-batch SGD step as a micrograd user takes it: per row, build the Values and call
 * backward; average the parameters' grads; update. Returns the loss.
 */
export function naiveTrainStep(
  graph: Graph,
  params: string[],
  table: DataTable,
  point: Point,
  lr: number,
): number {
  const n = table.rowCount;
  const grad = new Float64Array(params.length);
  let loss = 0;
  for (let r = 0; r < n; r++) {
    table.columns.forEach((c, k) => {
      point[c] = table.values[k]![r]!;
    });
    const g = naiveGradient(graph, point);
    loss += g.value;
    params.forEach((p, k) => {
      grad[k] = grad[k]! + g.gradient[p]!;
    });
  }
  params.forEach((p, k) => {
    point[p] = point[p]! - (lr * grad[k]!) / n;
  });
  return loss / n;
}

export function benchTraining(timing: TimingOptions = {}, rows = 200, hidden = 16): TrainBenchRow {
  const model = trainBenchModel(rows, hidden);
  const settings: TrainSettings = { lr: 0.01, optimizer: 'sgd', batchSize: null, seed: 1 };
  const run = startRun(model, settings);
  const point = Object.create(null) as Point;
  model.params.forEach((p, k) => {
    point[p] = run.initial[k]!;
  });
  const [engineMs = NaN, baselineMs = NaN] = medianMsEach(
    [
      () => trainStep(model, settings, run),
      () => naiveTrainStep(model.graph, model.params, model.table, point, settings.lr),
    ],
    timing,
  );
  return {
    network: `2-${hidden}-1 tanh`,
    rows,
    params: model.params.length,
    nodes: model.graph.nodes.length,
    engineStepsPerSecond: 1000 / engineMs,
    baselineStepsPerSecond: 1000 / baselineMs,
    speedup: baselineMs / engineMs,
  };
}

export function renderTrainBenchText(row: TrainBenchRow): string {
  const met = row.engineStepsPerSecond >= TRAIN_TARGET_STEPS_PER_SECOND ? 'met' : 'MISSED';
  return (
    [
      `Training: ${row.network} network (${row.params} parameters, ${row.nodes} nodes), ${row.rows} rows, full-batch SGD steps`,
      `  engine    ${row.engineStepsPerSecond.toFixed(0).padStart(7)} steps/s`,
      `  baseline  ${row.baselineStepsPerSecond.toFixed(0).padStart(7)} steps/s   (micrograd-style, per row)`,
      `  speed-up  ${row.speedup.toFixed(1).padStart(7)}×`,
      `Target ≥ ${TRAIN_TARGET_STEPS_PER_SECOND} steps/s (in Node; the browser target is the same): ${met}.`,
    ].join('\n') + '\n'
  );
}
