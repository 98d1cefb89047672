import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash } from '../url/hash.ts';
import { hashOf } from '../url/urlSync.ts';
import { bugOriginAt, formatBugLink, parseBugLink } from './bugs.ts';
import { selectChecks } from './checks.ts';
import { createAppStore } from './store.ts';

function storeOn(formula: string, at: Record<string, number>) {
  const store = createAppStore();
  store.getState().restore({ formula, point: at, mode: 'reverse' });
  return store;
}

describe('the bug in the store', () => {
  it('a chosen bug replaces the shown trace, and the check shows its mismatches', () => {
    const store = storeOn('(a+b)*(b+1)', { a: 2, b: 1 });
    const correct = store.getState().derived.trace;
    store.getState().setBug({ kind: 'assign' });
    const s = store.getState();
    expect(s.derived.bugView?.correct).toBe(correct);
    expect(s.derived.trace).toBe(s.derived.bugView?.pass.trace);
    // The finished buggy pass is shown: b's adjoint lost the path through b+1.
    expect(s.step).toBe(s.derived.trace!.steps.length);
    const b = s.derived.graph!.inputs[1]!;
    expect(s.frame?.adjoints[b]).toBe(2);
    expect(selectChecks(s.derived).map((r) => r.status)).toEqual(['pass', 'mismatch']);
    store.getState().setBug(null);
    expect(store.getState().derived.trace).toBe(correct);
    expect(selectChecks(store.getState().derived).map((r) => r.status)).toEqual(['pass', 'pass']);
  });

  it('choosing a bug in forward mode switches to reverse mode', () => {
    const store = storeOn('x*x', { x: 3 });
    store.getState().setMode('forward');
    store.getState().setBug({ kind: 'twice' });
    expect(store.getState().mode).toBe('reverse');
    expect(store.getState().derived.bugView).not.toBeNull();
  });

  it('the origin is marked from the departing step on', () => {
    const store = storeOn('(a+b)*(b+1)', { a: 2, b: 1 });
    store.getState().setBug({ kind: 'assign' });
    const view = store.getState().derived.bugView!;
    const d = view.pass.departure!;
    expect(bugOriginAt(view, d.step - 1)).toBeNull();
    expect(bugOriginAt(view, d.step)).toBe(d.node);
    expect(bugOriginAt(null, 99)).toBeNull();
  });

  it('a link carries the bug unless it is the challenge’s secret', () => {
    const store = storeOn('(a+b)*(b+1)', { a: 2, b: 1 });
    store.getState().setBug({ kind: 'drop', site: 2 });
    expect(hashOf(store.getState())).toContain('&bug=drop%3A2');
    store.getState().setBug({ kind: 'drop', site: 2 }, true);
    expect(hashOf(store.getState())).not.toContain('bug=');
    store.getState().setBug(null);
    expect(hashOf(store.getState())).not.toContain('bug=');
  });
});

describe('bug links', () => {
  it('round-trip with and without a site', () => {
    for (const bug of [{ kind: 'assign' as const }, { kind: 'wrong-rule' as const, site: 6 }]) {
      const parsed = parseBugLink(formatBugLink(bug));
      expect(parsed).toEqual({ ok: true, bug });
      const decoded = decodeHash(encodeHash({ formula: 'x', point: { x: 1 }, bug }));
      expect(decoded.kind === 'ok' && decoded.state.bug).toEqual(bug);
    }
  });

  it('malformed bugs are refused, so the link falls back', () => {
    for (const text of [
      '',
      'nope',
      'assign:',
      'assign:x',
      'twice:3',
      'drop:-1',
      '__proto__',
      'assign:1234567',
    ]) {
      expect(parseBugLink(text).ok, text).toBe(false);
      expect(decodeHash(`#f=x&at=x%3D1&bug=${encodeURIComponent(text)}`).kind, text).toBe(
        'invalid',
      );
    }
  });

  it('a link without a bug restores the correct pass', () => {
    const store = storeOn('(a+b)*(b+1)', { a: 2, b: 1 });
    store.getState().setBug({ kind: 'assign' });
    store.getState().restore({ formula: '(a+b)*(b+1)', point: { a: 2, b: 1 } });
    expect(store.getState().bug).toBeNull();
    expect(store.getState().derived.bugView).toBeNull();
  });
});
