// The Jacobian panel's data through the real store: the followed output, the row or column the
// pass on screen fills (and how far it has got), the pass counts, and the link part `out=`.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/store.ts';
import { selectChecks } from '../store/checks.ts';
import { decodeHash, encodeHash } from '../url/hash.ts';
import { hashOf } from '../url/urlSync.ts';
import { entrySoFar, jacobianView } from './JacobianModel.ts';

function viewOf(store: ReturnType<typeof createAppStore>) {
  const s = store.getState();
  const d = s.derived;
  return jacobianView({
    graph: d.graph!,
    source: d.source,
    point: d.point,
    mode: d.mode,
    seedVector: d.seedVector,
    method: d.method,
    h: d.h,
  });
}

function storeWith(formula: string, at: Record<string, number>) {
  const store = createAppStore();
  store.getState().loadExample({ id: 'test', title: 'test', formula, at, lesson: '' });
  return store;
}

describe('Jacobian panel model', () => {
  it('is null for one output, so single-output formulas are untouched', () => {
    expect(viewOf(storeWith('x*y', { x: 2, y: 3 }))).toBeNull();
  });

  it('shows the matrix, labels from the last line, and the pass counts', () => {
    const view = viewOf(storeWith('x*y, sin(x), x + y', { x: 2, y: 3 }))!;
    expect(view.outputs.map((o) => o.label)).toEqual(['y₁ = x*y', 'y₂ = sin(x)', 'y₃ = x + y']);
    expect(view.rows).toEqual([
      [3, 2],
      [Math.cos(2), 0],
      [1, 1],
    ]);
    expect(view.check!.flat().map((c) => c.status)).toEqual(Array(6).fill('pass'));
    expect(view.cost).toEqual({ forward: 2, reverse: 3, cheaper: 'forward' });
  });

  it('past 144 entries: pass counts and values, no matrix and no check', () => {
    const names = Array.from({ length: 12 }, (_, i) => `x${i}`);
    const sum = names.join(' + ');
    const formula = Array.from({ length: 13 }, (_, k) => `${k + 1}*(${sum})`).join(', ');
    const view = viewOf(storeWith(formula, {}))!;
    expect(view.rows).toBeNull();
    expect(view.check).toBeNull();
    expect(view.outputs[12]!.value).toBe(13 * 12);
    expect(view.cost).toEqual({ forward: 12, reverse: 13, cheaper: 'forward' });
  });

  it('reverse mode follows the chosen output: its row is filled, the check is that row', () => {
    const store = storeWith('x*y, sin(x), x + y', { x: 2, y: 3 });
    store.getState().setOutput(1);
    const s = store.getState();
    expect(s.derived.graph!.output).toBe(s.derived.graph!.outputs[1]);
    const view = viewOf(store)!;
    expect(view.followed).toBe(1);
    expect(view.fills).toEqual({ kind: 'row', output: 1 });
    expect(selectChecks(s.derived).map((c) => c.ad)).toEqual([Math.cos(2), 0]);
    // The row is known only once the reverse pass is done.
    expect(entrySoFar(view, s.derived.graph!, s.frame, 1, 0)).toBe(Math.cos(2));
    store.getState().seek(1);
    expect(entrySoFar(view, s.derived.graph!, store.getState().frame, 1, 0)).toBeNull();
    expect(entrySoFar(view, s.derived.graph!, store.getState().frame, 0, 0)).toBeUndefined();
  });

  it('forward mode fills the seed column, entry by entry as the pass reaches each output', () => {
    const store = storeWith('x*y, sin(x), x + y', { x: 2, y: 3 });
    store.getState().setMode('forward');
    store.getState().setSeed({ kind: 'variable', name: 'y' });
    const view = viewOf(store)!;
    expect(view.fills).toEqual({ kind: 'column', variable: 1 });
    const s = store.getState();
    const graph = s.derived.graph!;
    const known = (step: number) => {
      store.getState().seek(step);
      return [0, 1, 2].map((j) => entrySoFar(view, graph, store.getState().frame, j, 1));
    };
    expect(known(0)).toEqual([null, null, null]);
    expect(known(s.derived.trace!.steps.length)).toEqual([2, 0, 1]);
    store.getState().setSeed({ kind: 'custom', vector: { x: 1, y: 1 } });
    expect(viewOf(store)!.fills).toEqual({ kind: 'none' });
  });

  it('a link carries out=2 only when another output is followed, and restores it', () => {
    const store = storeWith('x*y, sin(x), x + y', { x: 2, y: 3 });
    expect(hashOf(store.getState())).not.toContain('out=');
    store.getState().setOutput(2);
    const hash = hashOf(store.getState());
    expect(hash).toContain('&out=3');
    const decoded = decodeHash(hash);
    expect(decoded.kind === 'ok' && decoded.state.output).toBe(2);
    const other = createAppStore();
    if (decoded.kind === 'ok') other.getState().restore(decoded.state);
    expect(other.getState().derived.graph!.output).toBe(other.getState().derived.graph!.outputs[2]);
    expect(encodeHash({ formula: 'x', point: {} })).not.toContain('out=');
  });

  it('a malformed out= is a bad link; out=1 is the default; a new example follows y₁ again', () => {
    for (const bad of ['0', '-1', 'x', '1.5', '1000']) {
      expect(decodeHash(`#f=x&at=&out=${bad}`).kind, bad).toBe('invalid');
    }
    const one = decodeHash('#f=x&at=&out=1');
    expect(one.kind === 'ok' && one.state.output).toBeUndefined();
    const store = storeWith('x, 2*x', { x: 1 });
    store.getState().setOutput(1);
    store.getState().loadExample({ id: 't', title: 't', formula: 'x, 3*x', at: {}, lesson: '' });
    expect(store.getState().output).toBe(0);
  });
});
