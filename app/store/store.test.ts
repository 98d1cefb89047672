import { describe, expect, it } from 'vitest';
import { referenceCases } from '../../ad-core/test-support.ts';
import { EXAMPLES, exampleById } from '../examples.ts';
import { selectChecks } from './checks.ts';
import { createAppStore } from './store.ts';

const cases = referenceCases.cases;
const refCase = (formula: string) => cases.find((c) => c.formula === formula)!;

const outputOf = (s: ReturnType<ReturnType<typeof createAppStore>['getState']>) =>
  s.derived.evaluation!.values[s.derived.graph!.output];

describe('app store', () => {
  it('starts on the default example, fully computed, at the end of the animation', () => {
    const s = createAppStore().getState();
    const ref = refCase(s.source);
    expect(s.derived.graph?.variables).toEqual(Object.keys(ref.at));
    expect(outputOf(s)).toBeCloseTo(ref.value, 12);
    expect(s.step).toBe(s.derived.trace!.steps.length);
    expect(s.frame?.step).toBe(s.step);
    expect(s.derived.stale).toBe(false);
    expect(selectChecks(s.derived).map((c) => c.status)).toEqual(['pass', 'pass']);
  });

  it('keeps the last valid graph, marked stale, while the text does not compile', () => {
    const store = createAppStore();
    const graph = store.getState().derived.graph;
    store.getState().setSource('sin(x');
    let s = store.getState();
    expect(s.derived.diagnostics.length).toBeGreaterThan(0);
    expect(s.derived.graph).toBe(graph);
    expect(s.derived.stale).toBe(true);
    expect(s.frame).not.toBeNull();
    store.getState().setSource('sin(x)');
    s = store.getState();
    expect(s.derived.stale).toBe(false);
    expect(s.derived.diagnostics).toEqual([]);
    expect(s.derived.graph?.variables).toEqual(['x']);
  });

  it('keeps values the user set across formula edits; new variables default to 1', () => {
    const store = createAppStore();
    store.getState().setVariable('x', 3);
    store.getState().setSource('x + z');
    expect(store.getState().derived.point).toEqual({ x: 3, z: 1 });
    store.getState().setSource('x + y');
    expect(store.getState().derived.point).toEqual({ x: 3, y: 2 });
  });

  it('ignores non-finite variable values', () => {
    const store = createAppStore();
    store.getState().setVariable('x', Number.NaN);
    expect(store.getState().derived.point.x).toBe(1);
  });

  it('steps, clamps, plays and stops at the end', () => {
    const store = createAppStore();
    const total = store.getState().derived.trace!.steps.length;
    expect(total).toBeGreaterThan(3);
    store.getState().reset();
    expect(store.getState().step).toBe(0);
    expect(store.getState().frame?.current).toBeNull();
    store.getState().stepBack();
    expect(store.getState().step).toBe(0);
    store.getState().stepForward();
    store.getState().stepForward();
    expect(store.getState().step).toBe(2);
    expect(store.getState().frame?.step).toBe(2);
    store.getState().stepBack();
    expect(store.getState().step).toBe(1);
    store.getState().seek(999);
    expect(store.getState().step).toBe(total);
    store.getState().seek(-5);
    expect(store.getState().step).toBe(0);

    store.getState().play();
    expect(store.getState().playing).toBe(true);
    for (let i = 0; i < total + 5; i++) store.getState().tick();
    expect(store.getState().step).toBe(total);
    expect(store.getState().playing).toBe(false);

    store.getState().togglePlay();
    expect(store.getState().step).toBe(0);
    expect(store.getState().playing).toBe(true);
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(false);
    store.getState().tick();
    expect(store.getState().step).toBe(0);
  });

  it('moving the step recomputes nothing but the frame', () => {
    const store = createAppStore();
    const derived = store.getState().derived;
    store.getState().reset();
    store.getState().stepForward();
    expect(store.getState().derived).toBe(derived);
  });

  it('re-derives only the stages whose inputs changed', () => {
    const store = createAppStore();
    const before = store.getState().derived;
    store.getState().setVariable('x', 1); // same value: nothing to redo
    expect(store.getState().derived.trace).toBe(before.trace);
    const checksBefore = selectChecks(before);
    expect(selectChecks(store.getState().derived)).toBe(checksBefore);
    store.getState().setMethod('richardson');
    const after = store.getState().derived;
    expect(after.trace).toBe(before.trace);
    expect(after.graph).toBe(before.graph);
    const checksAfter = selectChecks(after);
    expect(checksAfter).not.toBe(checksBefore);
    expect(checksAfter.every((c) => c.method === 'richardson')).toBe(true);
    store.getState().setVariable('y', 3);
    expect(store.getState().derived.graph).toBe(before.graph);
    expect(store.getState().derived.trace).not.toBe(before.trace);
  });

  it('a point change keeps the step; a new formula shows the finished pass', () => {
    const store = createAppStore();
    store.getState().seek(3);
    store.getState().setVariable('x', 2);
    expect(store.getState().step).toBe(3);
    store.getState().setSource('x*y');
    expect(store.getState().step).toBe(store.getState().derived.trace!.steps.length);
  });

  it('forward mode traces tangents along the chosen seed', () => {
    const store = createAppStore();
    const ref = refCase(store.getState().source);
    store.getState().setMode('forward');
    let s = store.getState();
    expect(s.derived.trace?.mode).toBe('forward');
    expect(s.derived.seedVector).toEqual({ x: 1, y: 0 });
    const out = s.derived.graph!.output;
    expect(s.frame!.tangents[out]).toBeCloseTo(ref.gradient.x!, 12);
    store.getState().setSeed({ kind: 'variable', name: 'y' });
    s = store.getState();
    expect(s.frame!.tangents[out]).toBeCloseTo(ref.gradient.y!, 12);
    store.getState().setSeed({ kind: 'custom', vector: { x: 2, y: -1 } });
    s = store.getState();
    expect(s.frame!.tangents[out]).toBeCloseTo(2 * ref.gradient.x! - ref.gradient.y!, 12);
  });

  it('reverse mode ends with the reference gradient on the inputs', () => {
    const store = createAppStore();
    for (const ref of cases) {
      store.getState().restore({ formula: ref.formula, point: ref.at });
      const s = store.getState();
      const g = s.derived.graph!;
      g.variables.forEach((v, i) => {
        const adj = s.frame!.adjoints[g.inputs[i]!]!;
        expect(Math.abs(adj - ref.gradient[v]!)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(ref.gradient[v]!)),
        );
      });
    }
  });

  it('restores exactly what a link encodes, clamping the step', () => {
    const store = createAppStore();
    store
      .getState()
      .restore({ formula: '(a+b)*(b+1)', point: { a: 2, b: 1 }, mode: 'forward', step: 2 });
    let s = store.getState();
    expect(s.mode).toBe('forward');
    expect(s.step).toBe(2);
    expect(s.derived.point).toEqual({ a: 2, b: 1 });
    store.getState().restore({ formula: 'x', point: {}, step: 10_000 });
    s = store.getState();
    expect(s.step).toBe(s.derived.trace!.steps.length);
  });

  it('a link with a broken formula shows its diagnostic, not the previous graph', () => {
    const store = createAppStore();
    store.getState().restore({ formula: 'sin(x', point: { x: 1 } });
    const s = store.getState();
    expect(s.derived.graph).toBeNull();
    expect(s.frame).toBeNull();
    expect(s.derived.diagnostics[0]?.span).toBeDefined();
    store.getState().setSource('sin(x)');
    expect(store.getState().derived.point).toEqual({ x: 1 });
  });

  it('loads every example without an internal error', () => {
    const store = createAppStore();
    for (const example of EXAMPLES) {
      store.getState().loadExample(example);
      const s = store.getState();
      expect(s.derived.internalError, example.id).toBeNull();
      expect(s.derived.stale, example.id).toBe(false);
      expect(s.derived.point, example.id).toEqual(example.at);
    }
  });

  it('the domain-error example shows NaN, the kink example is classified as a kink', () => {
    const store = createAppStore();
    store.getState().loadExample(exampleById('domain')!);
    expect(outputOf(store.getState())).toBeNaN();
    expect(selectChecks(store.getState().derived)[0]?.status).toBe('nonfinite');
    store.getState().loadExample(exampleById('kink')!);
    expect(selectChecks(store.getState().derived).map((c) => c.status)).toEqual(['kink', 'kink']);
  });

  it('merging common subexpressions recompiles the graph and keeps the values', () => {
    const store = createAppStore();
    store.getState().restore({ formula: 'sin(x*y) + cos(x*y)', point: { x: 1, y: 2 } });
    const tree = store.getState().derived.graph!;
    const value = outputOf(store.getState());
    store.getState().setMerge(true);
    const s = store.getState();
    expect(s.merge).toBe(true);
    expect(s.derived.graph!.nodes.length).toBe(tree.nodes.length - 1);
    expect(outputOf(s)).toBe(value);
    expect(s.step).toBe(s.derived.trace!.steps.length);
    const dag = s.derived.graph;
    store.getState().setMerge(true);
    expect(store.getState().derived.graph).toBe(dag);
    store.getState().setMerge(false);
    expect(store.getState().derived.graph!.nodes.length).toBe(tree.nodes.length);
  });

  it('the drawer starts folded; opening a tab unfolds it; the plot variable is remembered', () => {
    const store = createAppStore();
    expect(store.getState().drawerOpen).toBe(false);
    store.getState().openDrawerTab('slice');
    expect(store.getState().drawerTab).toBe('slice');
    expect(store.getState().drawerOpen).toBe(true);
    store.getState().setDrawerOpen(false);
    expect(store.getState().drawerTab).toBe('slice');
    expect(store.getState().drawerOpen).toBe(false);
    store.getState().setPlotVariable('y');
    expect(store.getState().plotVariable).toBe('y');
  });

  it('a new graph clears the selected node (its id may not exist any more)', () => {
    const store = createAppStore();
    store.getState().selectNode(3);
    store.getState().setVariable('x', 2);
    expect(store.getState().selected).toBe(3);
    store.getState().setSource('x');
    expect(store.getState().selected).toBeNull();
  });
});
