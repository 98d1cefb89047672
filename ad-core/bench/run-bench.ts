// The core benchmark: for formulas of ~100, 1,000 and 10,000 nodes, the median time of the plain
// value (the honest cost of f), of value plus gradient, and of the micrograd-style baseline.
import { evaluateValues } from '../evaluate.ts';
import { compile } from '../graph.ts';
import { gradient } from '../reverse.ts';
import type { Graph, Point } from '../types.ts';
import { naiveGradient } from './naive.ts';
import { randomFormula } from './random-formula.ts';
import { medianMsEach, type TimingOptions } from './timing.ts';

export interface BenchRow {
  nodes: number;
  evaluateMs: number;
  gradientMs: number;
  gradientOverEvaluate: number;
  baselineGradientMs: number;
  speedupOverBaseline: number;
}

export const BENCH_SIZES = [100, 1_000, 10_000] as const;
export const BENCH_POINT: Point = { x: 0.7, y: -0.4, z: 1.3 };

export function benchGraph(targetNodes: number, seed = 20_240_601 + targetNodes): Graph {
  const formula = randomFormula(targetNodes, seed);
  const built = compile(formula.source);
  if (!built.ok) {
    throw new Error(
      `benchmark formula does not compile: ${built.diagnostics.map((d) => d.message).join('; ')}`,
    );
  }
  return built.graph;
}

export function benchOne(
  graph: Graph,
  point: Point = BENCH_POINT,
  timing: TimingOptions = {},
): BenchRow {
  const out = graph.output;
  const [evaluateMs = NaN, gradientMs = NaN, baselineGradientMs = NaN] = medianMsEach(
    [
      () => evaluateValues(graph, point)[out],
      () => gradient(graph, point).value,
      () => naiveGradient(graph, point).value,
    ],
    timing,
  );
  return {
    nodes: graph.nodes.length,
    evaluateMs,
    gradientMs,
    gradientOverEvaluate: gradientMs / evaluateMs,
    baselineGradientMs,
    speedupOverBaseline: baselineGradientMs / gradientMs,
  };
}

export function renderBenchText(rows: readonly BenchRow[]): string {
  const header = [
    'nodes',
    'evaluate ms',
    'gradient ms',
    'gradient/evaluate',
    'baseline ms',
    'speed-up',
  ];
  const cells = rows.map((r) => [
    String(r.nodes),
    r.evaluateMs.toPrecision(3),
    r.gradientMs.toPrecision(3),
    r.gradientOverEvaluate.toFixed(2),
    r.baselineGradientMs.toPrecision(3),
    r.speedupOverBaseline.toFixed(1),
  ]);
  const widths = header.map((h, c) =>
    Math.max(h.length, ...cells.map((row) => (row[c] ?? '').length)),
  );
  const line = (row: string[]) => row.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  ');
  const notes = [
    '',
    'Median CPU time per call after warm-up. evaluate = values only (evaluateValues); gradient =',
    'value and gradient by reverse mode (gradient); baseline = micrograd engine.py in TypeScript',
    '(bench/naive.ts: a Value object, a Set of children and a closure per operation).',
    ...verdict(rows),
  ];
  return [line(header), ...cells.map(line), ...notes].join('\n') + '\n';
}

export const TARGETS = { gradientOverEvaluate: 2.5, speedupOverBaseline: 20 } as const;

/** Whether the largest graph meets the targets, said plainly. */
function verdict(rows: readonly BenchRow[]): string[] {
  const largest = rows.reduce<BenchRow | undefined>(
    (best, r) => (best === undefined || r.nodes > best.nodes ? r : best),
    undefined,
  );
  if (!largest) return [];
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  return [
    `Targets at ${largest.nodes} nodes: gradient/evaluate ${largest.gradientOverEvaluate.toFixed(2)} ≤ ` +
      `${TARGETS.gradientOverEvaluate} ${met(largest.gradientOverEvaluate <= TARGETS.gradientOverEvaluate)}; ` +
      `speed-up ${largest.speedupOverBaseline.toFixed(1)} ≥ ${TARGETS.speedupOverBaseline} ` +
      `${met(largest.speedupOverBaseline >= TARGETS.speedupOverBaseline)}.`,
  ];
}
