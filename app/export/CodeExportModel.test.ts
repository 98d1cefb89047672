import { describe, expect, it } from 'vitest';
import { compile, exportProgram, pointFrom } from '../../ad-core/index.ts';
import { createAppStore } from '../store/store.ts';
import { EXPORT_TARGETS, codeExportOf } from './CodeExportModel.ts';

const FORMULA = 'sin(x*y) + exp(x)/y';

function storeAt(source: string, point: [string, number][]) {
  const store = createAppStore();
  store.getState().setSource(source);
  store.getState().setPoint(pointFrom(point));
  return store;
}

describe('codeExportOf', () => {
  it("is exportProgram of the store's graph and point, and what compiling the text gives (as the CLI's --export does)", () => {
    const s = storeAt(FORMULA, [
      ['x', 1],
      ['y', 2],
    ]).getState();
    for (const target of EXPORT_TARGETS) {
      const result = codeExportOf(s, target);
      if (!result.ok) throw new Error(result.message);
      expect(result.code).toBe(exportProgram(s.derived.graph!, s.derived.point, target, FORMULA));
      // The CLI's own path: compile the text, then export at the parsed point.
      const built = compile(FORMULA);
      if (!built.ok) throw new Error('reference formula compiles');
      const cliPoint = pointFrom([
        ['x', 1],
        ['y', 2],
      ]);
      expect(result.code).toBe(exportProgram(built.graph, cliPoint, target, FORMULA));
      expect(result.fileName).toBe(target === 'ts' ? 'autodiff.ts' : 'autodiff.py');
      expect(result.outputNote).toBeNull();
    }
  });

  it('follows the point: another value gives another program', () => {
    const a = codeExportOf(
      storeAt(FORMULA, [
        ['x', 1],
        ['y', 2],
      ]).getState(),
      'ts',
    );
    const b = codeExportOf(
      storeAt(FORMULA, [
        ['x', 0.5],
        ['y', 2],
      ]).getState(),
      'ts',
    );
    expect(a.ok && b.ok && a.code !== b.code).toBe(true);
  });

  it('says there is nothing to export while the formula has a diagnostic', () => {
    const result = codeExportOf(storeAt('sin(x', []).getState(), 'pytorch');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/nothing to export yet/i);
  });

  it('names the followed output when there are several', () => {
    const store = storeAt('x*y, sin(x)', [
      ['x', 1],
      ['y', 2],
    ]);
    const first = codeExportOf(store.getState(), 'jax');
    store.getState().setOutput(1);
    const second = codeExportOf(store.getState(), 'jax');
    if (!first.ok || !second.ok) throw new Error('expected programs');
    expect(first.outputNote).toMatch(
      /^Output 1 of 2: y₁ = x\*y\. The program computes this output/,
    );
    expect(second.outputNote).toMatch(
      /^Output 2 of 2: y₂ = sin\(x\)\. The program computes this output/,
    );
    expect(second.code).not.toBe(first.code);
  });

  it("in training's batch view says the program is one example's loss, not the batch mean on screen", () => {
    const formula = '(w*x - t)^2';
    const store = storeAt(formula, [
      ['w', 0.5],
      ['x', 2],
      ['t', 1],
    ]);
    const own = codeExportOf(store.getState(), 'pytorch');
    if (!own.ok) throw new Error('expected a program');
    expect(own.viewNote).toBeNull();
    // The batch view puts another graph on screen (here a stand-in: the mean of two rows).
    const batch = compile('((w*2 - 1)^2 + (w*3 - 2)^2) / 2');
    if (!batch.ok) throw new Error('batch stand-in compiles');
    store.getState().setGraphOverride(batch.graph);
    const shown = codeExportOf(store.getState(), 'pytorch');
    if (!shown.ok) throw new Error('expected a program');
    expect(store.getState().derived.graph).toBe(batch.graph);
    expect(shown.code).toBe(own.code);
    expect(shown.viewNote).toMatch(/mean loss over a batch/);
    expect(shown.viewNote).toMatch(/computes the formula for one example/);
  });
});
