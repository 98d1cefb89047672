// Models the training tests share: a two-hidden-unit network fitted to random rows of (x, y).
import { graphOf } from '../test-support.ts';
import { tableOf } from './data.ts';
import { buildModel, type TrainModel } from './model.ts';
import type { NetworkSpec } from './networks.ts';
import { mulberry32 } from './prng.ts';

export const MLP = 'h1 = tanh(a1*x + c1); h2 = tanh(a2*x + c2); p = v1*h1 + v2*h2 + d; (p - y)^2';
export const MLP_PARAMS = ['a1', 'c1', 'a2', 'c2', 'v1', 'v2', 'd'];

/** The model of `formula` training `params` on `rows` of the given columns (x and y by default). */
export function modelOf(
  formula: string,
  params: string[],
  rows: number[][],
  columns: string[] = ['x', 'y'],
): TrainModel {
  const built = buildModel(graphOf(formula), params, tableOf(columns, rows));
  if (!built.ok) throw new Error(built.diagnostics[0]!.message);
  return built.model;
}

/** `n` rows of x uniform in [-2, 2) and y in [-1, 1), the same for the same seed. */
export function randomRows(n: number, seed: number): number[][] {
  const next = mulberry32(seed);
  return Array.from({ length: n }, () => [4 * next() - 2, 2 * next() - 1]);
}

/** A 2-16-1 regression network: 65 parameters. */
export const REGRESSION_2_16_1: NetworkSpec = {
  inputs: ['x1', 'x2'],
  hidden: 16,
  activation: 'tanh',
  output: 'linear',
  target: 'y',
};
