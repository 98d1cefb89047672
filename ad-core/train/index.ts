// Training's public API (re-exported by ad-core/index.ts).
export {
  parseDataTable,
  formatDataTable,
  formatCell,
  parseCell,
  tableOf,
  MAX_DATA_ROWS,
  MAX_DATA_COLUMNS,
} from './data.ts';
export type { DataTable, DataResult, DataDiagnostic, DataDiagnosticCode } from './data.ts';
export { buildModel, batchLossAndGradient, batchLoss, rowPoint } from './model.ts';
export type { TrainModel, ModelResult } from './model.ts';
export {
  OPTIMIZERS,
  optimizerById,
  isOptimizerId,
  freshOptimizerState,
  MOMENTUM,
  ADAM,
} from './optimizers.ts';
export type { Optimizer, OptimizerId, OptimizerState } from './optimizers.ts';
export { mulberry32, initialParams, permutation, DEFAULT_INIT_SEED } from './prng.ts';
export { startRun, batchRows, trainStep, trainSteps } from './trainer.ts';
export type { TrainSettings, TrainRun } from './trainer.ts';
export { findPrediction, predictMany } from './predict.ts';
export type { Prediction } from './predict.ts';
export { networkFormula } from './networks.ts';
export type { NetworkSpec, NetworkFormula } from './networks.ts';
export {
  batchGraph,
  batchRowName,
  BATCH_DRAWN_ROWS,
  MAX_BATCH_NODES,
  BATCH_REST,
  BATCH_MEAN,
} from './batchGraph.ts';
export type { BatchGraph, BatchGraphResult } from './batchGraph.ts';
export { checkBatchGradient } from './gradcheck.ts';
export type { ParamCheck, ParamCheckStatus } from './gradcheck.ts';
export { graphSize, gradientCost, paramsAt, MAX_EXTRAPOLATED_PARAMS } from './cost.ts';
export type { GraphSize, GradientCost } from './cost.ts';
