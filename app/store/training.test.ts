import { beforeEach, describe, expect, it } from 'vitest';
import { appStore } from './appStore.ts';
import { collapsedNames } from './blocks.ts';
import { TRAIN_PRESETS } from '../train/presets.ts';
import { loadTrainPreset } from '../train/loadPreset.ts';
import {
  applyTrainingLink,
  paramsOf,
  roleOf,
  trainingActions,
  trainingLinkOf,
  trainingStore,
} from './training.ts';

const get = () => trainingStore.getState();
const preset = (id: string) => TRAIN_PRESETS.find((p) => p.id === id)!;

describe('the training store', () => {
  beforeEach(() => {
    loadTrainPreset(preset('fit-line'));
  });

  it('loads a preset: formula on the graph, Train tab open, data and parameters bound', () => {
    expect(appStore.getState().source).toBe(preset('fit-line').formula);
    expect(appStore.getState().drawerTab).toBe('train');
    expect(paramsOf(get())).toEqual(['w', 'b']);
    expect(get().model?.dataNames).toEqual(['x', 'y']);
    expect(get().run?.step).toBe(0);
  });

  it('writes the parameters and the shown row into the playground point', () => {
    const { run, model } = get();
    const point = appStore.getState().point;
    expect(point.w).toBe(run!.params[0]);
    expect(point.x).toBe(model!.table.values[0]![0]);
    trainingActions.setShownRow(3);
    expect(appStore.getState().point.x).toBe(model!.table.values[0]![3]);
  });

  it('trains: the loss goes down; reset gives the same curve again', () => {
    const start = get().snapshot!.loss;
    trainingActions.steps(20);
    expect(get().snapshot!.loss).toBeLessThan(start);
    const curve = [...get().run!.losses];
    trainingActions.reset();
    expect(get().run!.step).toBe(0);
    expect(get().snapshot!.loss).toBe(start);
    trainingActions.steps(20);
    expect(get().run!.losses).toEqual(curve);
  });

  it('gives the shown row’s gradient that the graph’s reverse pass ends with', () => {
    trainingActions.steps(3);
    trainingActions.setShownRow(2);
    trainingActions.showBackwardPass();
    const app = appStore.getState();
    expect(app.mode).toBe('reverse');
    expect(app.step).toBe(0);
    const graph = app.derived.graph!;
    const adjointOf = (name: string) => {
      const trace = app.derived.trace!;
      const last = trace.steps.length;
      app.seek(last);
      return appStore.getState().frame!.adjoints[graph.inputs[graph.variables.indexOf(name)]!];
    };
    expect(adjointOf('w')).toBeCloseTo(get().snapshot!.rowGradient[0]!, 12);
    expect(adjointOf('b')).toBeCloseTo(get().snapshot!.rowGradient[1]!, 12);
  });

  it('defaults roles from the columns and lets the user change them', () => {
    expect(roleOf(get(), 'x')).toBe('data');
    expect(roleOf(get(), 'w')).toBe('param');
    trainingActions.setRole('b', 'data');
    expect(get().model).toBeNull();
    expect(get().diagnostics[0]?.code).toBe('data-missing-column');
  });

  it('reports a bad cell by row and column and keeps the typed text', () => {
    trainingActions.setCell(1, 1, '3,5');
    expect(get().cells[1]![1]).toBe('3,5');
    expect(get().diagnostics[0]).toMatchObject({ row: 2, column: 'y', code: 'data-not-a-number' });
    expect(get().diagnostics[0]!.message).toBe('Row 2, column y: "3,5" is not a number');
    expect(get().model).toBeNull();
  });

  it('puts its non-default settings into the link and restores them from it', () => {
    trainingActions.setLr(0.02);
    trainingActions.setOptimizer('momentum');
    trainingActions.steps(7);
    const link = trainingLinkOf()!;
    expect(link).toMatchObject({ lr: 0.02, optimizer: 'momentum', steps: 7 });
    const losses = [...get().run!.losses];
    trainingActions.reset();
    applyTrainingLink(link);
    expect(get().run!.losses).toEqual(losses);
    expect(get().lr).toBe(0.02);
  });

  it('shows the batch view: the app draws the batch graph, its value the loss, its rows collapsed', () => {
    trainingActions.steps(2);
    trainingActions.setGraphView('batch');
    const app = appStore.getState();
    const rows = preset('fit-line').setup.rows.length;
    expect(app.derived.sourceGraph?.variables).toEqual(['w', 'x', 'b', 'y']);
    expect(app.derived.graph!.variables).toEqual(['w', 'b']);
    expect(app.derived.evaluation!.values[app.derived.graph!.output]).toBeCloseTo(
      get().snapshot!.loss,
      12,
    );
    expect(collapsedNames(app)).toEqual([
      ...Array.from({ length: rows }, (_, i) => `row${i + 1}`),
      'mean',
    ]);
    expect(trainingLinkOf()?.view).toBe('batch');
    // Training keeps following the formula's own graph, not the batch graph on screen.
    expect(get().graph).toBe(app.derived.sourceGraph);
    trainingActions.setGraphView('example');
    expect(appStore.getState().derived.sourceGraph).toBeUndefined();
    expect(appStore.getState().derived.graph!.variables).toEqual(['w', 'x', 'b', 'y']);
    expect(collapsedNames(appStore.getState())).toEqual([]);
  });

  it('leaves the batch view when the Train tab closes', () => {
    trainingActions.setGraphView('batch');
    expect(appStore.getState().graphOverride).not.toBeNull();
    appStore.getState().setDrawerOpen(false);
    trainingActions.hide();
    expect(appStore.getState().graphOverride).toBeNull();
    expect(appStore.getState().derived.graph!.variables).toEqual(['w', 'x', 'b', 'y']);
    trainingActions.setGraphView('example');
  });
});
