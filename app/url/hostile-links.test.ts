// Every link case of the hostile corpus (e2e/hostile/corpus.ts) opened by the app's link reader:
// refused ones show the default example and a notice; the others open exactly what they hold.
import { describe, expect, it } from 'vitest';
import { expectedNumber, LINK_CASES } from '../../e2e/hostile/corpus.ts';
import { DEFAULT_EXAMPLE } from '../examples.ts';
import { createAppStore } from '../store/store.ts';
import { startUrlSync, type UrlHost } from './urlSync.ts';

function open(hash: string) {
  const host: UrlHost = {
    localStorage: { getItem: () => null, setItem: () => {} },
    location: { hash, pathname: '/', search: '' },
    history: {
      replaceState: (_d, _u, url) => {
        const s = String(url);
        host.location.hash = s.slice(s.indexOf('#'));
      },
    },
    addEventListener: () => {},
    removeEventListener: () => {},
    setTimeout: () => 0,
    clearTimeout: () => {},
  };
  const store = createAppStore();
  startUrlSync(store, host);
  return { store, host };
}

describe.each(LINK_CASES.map((c) => [c.id, c] as const))('hostile link %s', (_id, c) => {
  it(c.what, () => {
    const hash = c.hash!();
    const { store, host } = open(hash);
    const s = store.getState();
    if (c.expect.kind === 'notice') {
      expect(s.notice).toMatch(/Could not open that link/);
      if (c.expect.notice) expect(s.notice).toContain(c.expect.notice);
      expect(s.source).toBe(DEFAULT_EXAMPLE.formula);
      // The address is repaired to what is shown, so a reload does not refuse again.
      expect(host.location.hash).not.toBe(hash);
      return;
    }
    expect(c.expect.kind).toBe('opens');
    if (c.expect.kind !== 'opens') return;
    if (c.expect.formula !== undefined) expect(s.source).toBe(c.expect.formula);
    if (c.expect.notice) expect(s.notice).toContain(c.expect.notice);
    else expect(s.notice).toBeNull();
    if (c.expect.value !== undefined) {
      const out = s.derived.evaluation!.values[s.derived.graph!.output]!;
      expect(out).toBe(expectedNumber(c.expect.value));
    }
  });
});
