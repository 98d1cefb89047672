// Training as data: a run is (model, settings, initial parameters); `trainStep` takes one step
// and records the loss of the batch it used. Deterministic: the seed fixes the initial
// parameters and the order of mini-batches, so the same settings give the same loss curve.
import { batchLossAndGradient, type TrainModel } from './model.ts';
import {
  freshOptimizerState,
  optimizerById,
  type OptimizerId,
  type OptimizerState,
} from './optimizers.ts';
import { initialParams, permutation } from './prng.ts';

export interface TrainSettings {
  lr: number;
  optimizer: OptimizerId;
  /** Rows per step; null (or ≥ the row count) = the full batch. */
  batchSize: number | null;
  /** Seed of the random initialisation and of the mini-batch order. */
  seed: number;
}

export interface TrainRun {
  /** Current parameters, parallel to model.params. */
  params: Float64Array;
  /** Where this run started (for Reset training). */
  initial: Float64Array;
  optimizer: OptimizerState;
  /** Steps taken. */
  step: number;
  /** Loss of the batch each step used, at the parameters before that step's update. */
  losses: number[];
  /** Gradient the last step used (mean over its batch). */
  lastGradient: Float64Array;
  order: Int32Array;
  /** With exactly two parameters, where they were before each step and now: [a₀, b₀, a₁, b₁, …]
   *  (the descent path the contour view draws); empty otherwise. */
  path: number[];
}

/** A fresh run at `initial` (else the seeded random initialisation). */
export function startRun(
  model: TrainModel,
  settings: TrainSettings,
  initial?: Float64Array,
): TrainRun {
  const n = model.params.length;
  const start = initial ? Float64Array.from(initial) : initialParams(n, settings.seed);
  return {
    params: Float64Array.from(start),
    initial: start,
    optimizer: freshOptimizerState(n),
    step: 0,
    losses: [],
    lastGradient: new Float64Array(n),
    order: permutation(model.table.rowCount, settings.seed),
    path: n === 2 ? [start[0]!, start[1]!] : [],
  };
}

/** The rows step `step` trains on: null for the full batch, else a window of the seeded order. */
export function batchRows(
  model: TrainModel,
  settings: TrainSettings,
  order: Int32Array,
  step: number,
): Int32Array | null {
  const n = model.table.rowCount;
  const size = settings.batchSize;
  if (size === null || size >= n || n === 0) return null;
  const rows = new Int32Array(size);
  const first = (step * size) % n;
  for (let i = 0; i < size; i++) rows[i] = order[(first + i) % n]!;
  return rows;
}

/** One step: the batch's mean loss and gradient at the current parameters, then the update. */
export function trainStep(model: TrainModel, settings: TrainSettings, run: TrainRun): number {
  const rows = batchRows(model, settings, run.order, run.step);
  const loss = batchLossAndGradient(model, run.params, rows, run.lastGradient);
  optimizerById(settings.optimizer).step(run.params, run.lastGradient, settings.lr, run.optimizer);
  run.step++;
  run.losses.push(loss);
  if (run.params.length === 2) run.path.push(run.params[0]!, run.params[1]!);
  return loss;
}

/** `count` steps (stops early if the loss stops being a number, which further steps cannot fix). */
export function trainSteps(
  model: TrainModel,
  settings: TrainSettings,
  run: TrainRun,
  count: number,
): void {
  for (let i = 0; i < count; i++) {
    const loss = trainStep(model, settings, run);
    if (!Number.isFinite(loss)) return;
  }
}
