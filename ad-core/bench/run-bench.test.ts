import { describe, expect, it } from 'vitest';
import { benchGraph, benchOne, renderBenchText } from './run-bench.ts';

describe('benchOne and renderBenchText', () => {
  const row = benchOne(benchGraph(100), undefined, { warmupMs: 10, sampleMs: 1, samples: 5 });

  it('reports the graph size, positive times and the two ratios consistently', () => {
    expect(row.nodes).toBe(benchGraph(100).nodes.length);
    for (const t of [row.evaluateMs, row.gradientMs, row.baselineGradientMs])
      expect(t).toBeGreaterThan(0);
    expect(row.gradientOverEvaluate).toBeCloseTo(row.gradientMs / row.evaluateMs, 12);
    expect(row.speedupOverBaseline).toBeCloseTo(row.baselineGradientMs / row.gradientMs, 12);
    expect(Object.keys(row)).toEqual([
      'nodes',
      'evaluateMs',
      'gradientMs',
      'gradientOverEvaluate',
      'baselineGradientMs',
      'speedupOverBaseline',
    ]);
  });

  it('prints a table and says whether the targets are met', () => {
    const text = renderBenchText([
      { ...row, nodes: 10_000, gradientOverEvaluate: 1.9, speedupOverBaseline: 25 },
    ]);
    expect(text).toMatch(/^ *nodes +evaluate ms/);
    expect(text).toContain('gradient/evaluate 1.90 ≤ 2.5 met; speed-up 25.0 ≥ 20 met.');
    const missed = renderBenchText([
      { ...row, nodes: 10_000, gradientOverEvaluate: 3, speedupOverBaseline: 12 },
    ]);
    expect(missed).toContain('gradient/evaluate 3.00 ≤ 2.5 MISSED; speed-up 12.0 ≥ 20 MISSED.');
  });
});
