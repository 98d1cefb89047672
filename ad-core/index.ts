// The public API of ad-core. The app and the CLI import from here and nowhere else.
export type * from './types.ts';
export { parse } from './parser.ts';
export { printProgram, printExpr } from './print.ts';
export { formatCodeFrame, DIAGNOSTIC_MESSAGES } from './diagnostics.ts';
export { OPS, OPS_BY_ID, opByCallName } from './ops.ts';
export { buildGraph, compile } from './graph.ts';
export { allOps, evaluate } from './evaluate.ts';
export { emptyPoint, pointFrom, copyPoint, pointGet, JS_OBJECT_NAMES } from './point.ts';
export { nameWarnings, skeleton } from './confusables.ts';
export type { NameWarning, NameWarningCode } from './confusables.ts';
export { forward } from './forward.ts';
export { reverse, gradient } from './reverse.ts';
export { buildTrace, frameAt } from './trace.ts';
export { explainStep } from './explain.ts';
export type { Explanation } from './explain.ts';
export { checkGradient, convergenceNote, sweepErrors, TOLERANCES, defaultStep } from './check.ts';
export { gradientChecker } from './check.ts';
export type { GradientChecker } from './check.ts';
export { formatNumber, dataNumber } from './format.ts';
export {
  BUGS,
  BUG_KINDS,
  bugInfo,
  isBugKind,
  wrongRuleFor,
  buggyPass,
  bugSites,
  candidateSites,
  bugNode,
  checkBuggyPass,
} from './bugs.ts';
export type { Bug, BugKind, BugInfo, BugDeparture, BuggyPass, WrongRule } from './bugs.ts';
export { hessian, hessianVectorProduct, HESSIAN_MAX_VARIABLES, HESSIAN_TOLERANCE } from './hessian.ts';
export type { HessianEntry, HessianResult } from './hessian.ts';
export {
  checkJacobian,
  focusOutput,
  focusedIndex,
  hasSeveralOutputs,
  jacobian,
  jacobianColumn,
  jacobianCost,
  jacobianRow,
  outputName,
  outputTag,
} from './jacobian.ts';
export type { Jacobian, JacobianCost, JacobianMode } from './jacobian.ts';
export { MAX_OUTPUTS } from './parser.ts';
export * from './train/index.ts';
export {
  blocksOf,
  blockPartials,
  blockLabel,
  blockShortLabel,
  viewGraph,
  viewEvaluation,
  groupSteps,
  viewFrame,
  sourceStepAt,
  visibleStepAt,
  explainBlockStep,
} from './blocks.ts';
export type { Block, BlockView, StepGroup } from './blocks.ts';
export { splitBlockNames, isCallBlockName } from './functions-names.ts';
export { unusedParameterWarnings } from './functions-warnings.ts';
export { exportProgram, EXPORT_TARGETS, EXPORT_TARGET_LABELS, EXPORT_EXTENSIONS } from './export/index.ts';
export type { ExportTarget } from './export/index.ts';
