import { describe, expect, it } from 'vitest';
import { defaultStep } from '../../ad-core/index.ts';
import { createAppStore } from './store.ts';
import { checkStep, plotVariableOf, selectGradient, selectSweep, selectTreeAndDag } from './teachData.ts';

const REPEATED = 'sin(x*y) + cos(x*y)';

describe('teaching data', () => {
  it('gives the tree and the DAG whichever one is on screen', () => {
    const store = createAppStore();
    store.getState().setSource(REPEATED);
    const asTree = selectTreeAndDag(store.getState().derived)!;
    expect(asTree.tree).toBe(store.getState().derived.graph);
    expect(asTree.merged!.nodes.length).toBe(asTree.tree.nodes.length - 1);
    store.getState().setMerge(true);
    const asDag = selectTreeAndDag(store.getState().derived)!;
    expect(asDag.merged).toBe(store.getState().derived.graph);
    expect(asDag.tree.nodes.length).toBe(asTree.tree.nodes.length);
  });

  it('caches the other compilation per graph', () => {
    const store = createAppStore();
    store.getState().setSource(REPEATED);
    const first = selectTreeAndDag(store.getState().derived)!;
    store.getState().setVariable('x', 3);
    expect(selectTreeAndDag(store.getState().derived)!.merged).toBe(first.merged);
  });

  it('the gradient is reverse mode’s, in forward mode too, and cached per point', () => {
    const store = createAppStore();
    store.getState().restore({ formula: 'x*y', point: { x: 2, y: 5 }, mode: 'forward' });
    const g = selectGradient(store.getState().derived);
    expect(g).toEqual({ x: 5, y: 2 });
    store.getState().seek(1);
    expect(selectGradient(store.getState().derived)).toBe(g);
    store.getState().setVariable('x', 3);
    expect(selectGradient(store.getState().derived)).toEqual({ x: 5, y: 3 });
  });

  it('the sweep is cached per graph, point and variable', () => {
    const store = createAppStore();
    store.getState().restore({ formula: 'x*x*y', point: { x: 2, y: 5 } });
    const d = store.getState().derived;
    const sx = selectSweep(d, 'x');
    expect(sx.length).toBeGreaterThan(10);
    expect(selectSweep(d, 'x')).toBe(sx);
    const sy = selectSweep(d, 'y');
    expect(sy).not.toBe(sx);
    expect(selectSweep(d, 'nope')).toEqual([]);
  });

  it('the plot variable falls back to the first variable when the chosen one is gone', () => {
    const store = createAppStore();
    store.getState().restore({ formula: 'a + b', point: {} });
    const d = store.getState().derived;
    expect(plotVariableOf(d, 'b')).toBe('b');
    expect(plotVariableOf(d, 'z')).toBe('a');
    expect(plotVariableOf(d, null)).toBe('a');
  });

  it('the marked h is the step the gradient check takes', () => {
    const store = createAppStore();
    store.getState().restore({ formula: 'x*y', point: { x: 4, y: 1 } });
    expect(checkStep(store.getState().derived, 'x')).toBe(defaultStep('central', 4));
    store.getState().setStepSize(1e-3);
    expect(checkStep(store.getState().derived, 'x')).toBeCloseTo(4e-3, 15);
    expect(checkStep(store.getState().derived, 'y')).toBeCloseTo(1e-3, 15);
  });
});
