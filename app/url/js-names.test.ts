// The corpus of JavaScript-object names through the app's store and its links: each is an
// ordinary variable (value, gradient, forward seed, check, link round trip), never NaN.
import { describe, expect, it } from 'vitest';
import { JS_OBJECT_NAMES, pointGet } from '../../ad-core/index.ts';
import { selectChecks } from '../store/checks.ts';
import { createAppStore } from '../store/store.ts';
import { selectGradient } from '../store/teachData.ts';
import { decodeHash } from './hash.ts';
import { applyHash, hashOf } from './urlSync.ts';

describe.each(JS_OBJECT_NAMES)('the name %s in the app', (name) => {
  it('opens from a link, computes, and writes the same link back', () => {
    const store = createAppStore();
    const hash = `#f=${encodeURIComponent(`${name}*2`)}&at=${encodeURIComponent(`${name}=3`)}`;
    expect(applyHash(store, hash)).toBe(true);
    const s = store.getState();
    expect(s.notice).toBeNull();
    expect(s.derived.graph?.variables).toEqual([name]);
    expect(pointGet(s.derived.point, name)).toBe(3);
    expect(s.derived.evaluation!.values[s.derived.graph!.output]).toBe(6);
    expect(pointGet(selectGradient(s.derived), name)).toBe(2);
    expect(selectChecks(s.derived)[0]).toMatchObject({ variable: name, ad: 2, status: 'pass' });
    const again = decodeHash(hashOf(s));
    expect(again.kind === 'ok' && pointGet(again.state.point, name)).toBe(3);
  });

  it('as a variable typed and set, in forward mode with it as the seed', () => {
    const store = createAppStore();
    store.getState().setSource(`${name}*y`);
    store.getState().setVariable(name, 4);
    store.getState().setVariable('y', 5);
    store.getState().setMode('forward');
    let s = store.getState();
    expect(s.derived.evaluation!.values[s.derived.graph!.output]).toBe(20);
    expect(pointGet(s.derived.seedVector, name)).toBe(1);
    expect(pointGet(s.derived.seedVector, 'y')).toBe(0);
    store.getState().setSeed({ kind: 'variable', name: 'y' });
    s = store.getState();
    expect(pointGet(s.derived.seedVector, name)).toBe(0);
    store.getState().setSeed({ kind: 'custom', vector: { y: 1 } });
    s = store.getState();
    // A custom vector that leaves a name out gives it 0, not an inherited member.
    expect(pointGet(s.derived.seedVector, name)).toBe(0);
  });

  it('as a binding', () => {
    const store = createAppStore();
    store.getState().setSource(`${name} = x*2; ${name} + 1`);
    store.getState().setVariable('x', 3);
    const s = store.getState();
    expect(s.derived.evaluation!.values[s.derived.graph!.output]).toBe(7);
    expect(pointGet(selectGradient(s.derived), 'x')).toBe(2);
  });
});
