import { describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLE } from '../examples.ts';
import { createAppStore } from '../store/store.ts';
import { encodeHash } from './hash.ts';
import { hashOf, startUrlSync, URL_DEBOUNCE_MS, type UrlHost } from './urlSync.ts';

/** A window stand-in with a manual clock, so debouncing is tested without waiting. */
function fakeHost(hash: string) {
  const timers = new Map<number, { at: number; fn: () => void }>();
  let now = 0;
  let nextId = 1;
  const listeners = new Set<() => void>();
  const writes: string[] = [];
  const host: UrlHost = {
    location: { hash, pathname: '/', search: '' },
    history: {
      replaceState: (_d, _u, url) => {
        const s = String(url);
        writes.push(s);
        host.location.hash = s.slice(s.indexOf('#'));
      },
    },
    addEventListener: (_t, l) => listeners.add(l),
    removeEventListener: (_t, l) => listeners.delete(l),
    setTimeout: (fn, ms) => {
      timers.set(nextId, { at: now + ms, fn });
      return nextId++;
    },
    clearTimeout: (id) => {
      if (id !== undefined) timers.delete(id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at <= now) {
        timers.delete(id);
        t.fn();
      }
    }
  };
  const navigate = (h: string) => {
    host.location.hash = h;
    for (const l of listeners) l();
  };
  return { host, writes, advance, navigate, listeners };
}

describe('URL sync', () => {
  it('opens exactly the state a link encodes', () => {
    const store = createAppStore();
    const hash = encodeHash({
      formula: '(a+b)*(b+1)',
      point: { a: 2, b: 1 },
      mode: 'forward',
      step: 3,
    });
    const { host, writes } = fakeHost(hash);
    startUrlSync(store, host);
    const s = store.getState();
    expect(s.source).toBe('(a+b)*(b+1)');
    expect(s.derived.point).toEqual({ a: 2, b: 1 });
    expect(s.mode).toBe('forward');
    expect(s.step).toBe(3);
    expect(s.notice).toBeNull();
    expect(hashOf(s)).toBe(hash);
    expect(writes).toEqual([]);
  });

  it('opens a link with a seed, merging and a panel exactly, and writes it back the same', () => {
    const store = createAppStore();
    const hash =
      '#f=(a%2Bb)*(b%2B1)&at=a%3D2%2Cb%3D1&mode=forward&step=3&seed=b&merge=1&panel=cost';
    const { host, writes } = fakeHost(hash);
    startUrlSync(store, host);
    const s = store.getState();
    expect(s.seed).toEqual({ kind: 'variable', name: 'b' });
    expect(s.derived.seedVector).toEqual({ a: 0, b: 1 });
    expect(s.merge).toBe(true);
    expect(s.drawerOpen).toBe(true);
    expect(s.drawerTab).toBe('cost');
    expect(hashOf(s)).toBe(hash);
    expect(writes).toEqual([]);
  });

  it('follows the seed, merging and the drawer into the URL', () => {
    const store = createAppStore();
    const { host, writes, advance } = fakeHost(
      encodeHash({ formula: '(a+b)*(b+1)', point: { a: 2, b: 1 }, mode: 'forward', step: 3 }),
    );
    startUrlSync(store, host);
    store.getState().setSeed({ kind: 'variable', name: 'b' });
    store.getState().setMerge(true);
    store.getState().openDrawerTab('slice');
    advance(URL_DEBOUNCE_MS);
    expect(writes.at(-1)).toContain('&seed=b&merge=1&panel=slice');
    // Closing the drawer and going back to reverse mode leave DESIGN.md's plain format.
    store.getState().setDrawerOpen(false);
    store.getState().setMerge(false);
    store.getState().setMode('reverse');
    advance(URL_DEBOUNCE_MS);
    expect(writes.at(-1)).toMatch(/&mode=reverse&step=\d+$/);
  });

  it('a hostile link falls back to the default example with a notice, and repairs the URL', () => {
    const store = createAppStore();
    const { host, writes } = fakeHost(`#f=${encodeURIComponent('<script>alert(1)</script>')}`);
    startUrlSync(store, host);
    const s = store.getState();
    expect(s.source).toBe(DEFAULT_EXAMPLE.formula);
    expect(s.notice).toMatch(/Could not open that link/);
    expect(writes).toHaveLength(1);
    expect(host.location.hash).toBe(hashOf(s));
  });

  it('debounces: many edits, one replaceState', () => {
    const store = createAppStore();
    const { host, writes, advance } = fakeHost('');
    startUrlSync(store, host);
    for (const text of ['x', 'x*', 'x*y', 'x*y+1']) {
      store.getState().setSource(text);
      advance(URL_DEBOUNCE_MS / 3);
    }
    expect(writes).toEqual([]);
    advance(URL_DEBOUNCE_MS);
    expect(writes).toHaveLength(1);
    expect(host.location.hash).toContain(`f=${encodeURIComponent('x*y+1')}`);
  });

  it('follows hashchange and ignores its own writes', () => {
    const store = createAppStore();
    const { host, advance, navigate } = fakeHost('');
    startUrlSync(store, host);
    navigate(encodeHash({ formula: 'x*x + x', point: { x: 3 } }));
    expect(store.getState().source).toBe('x*x + x');
    expect(store.getState().derived.point).toEqual({ x: 3 });
    store.getState().setVariable('x', 4);
    advance(URL_DEBOUNCE_MS);
    expect(host.location.hash).toContain(encodeURIComponent('x=4'));
    store.getState().setMode('forward');
    navigate('#f=%E0%A4%A');
    expect(store.getState().source).toBe(DEFAULT_EXAMPLE.formula);
    expect(store.getState().mode).toBe('reverse');
    expect(store.getState().derived.point).toEqual(DEFAULT_EXAMPLE.at);
    expect(store.getState().notice).not.toBeNull();
  });

  it('a link pasted while a write is pending is followed, not overwritten', () => {
    const store = createAppStore();
    const { host, advance, navigate } = fakeHost('');
    startUrlSync(store, host);
    store.getState().setSource('exp(x)');
    // The address changes before the debounced write and before its hashchange is handled.
    const link = encodeHash({ formula: 'log(x)', point: { x: 2 } });
    host.location.hash = link;
    advance(URL_DEBOUNCE_MS);
    expect(store.getState().source).toBe('log(x)');
    expect(store.getState().derived.point).toEqual({ x: 2 });
    expect(host.location.hash).toBe(link);
    navigate(link);
    expect(store.getState().source).toBe('log(x)');
  });

  it('stops cleanly', () => {
    const store = createAppStore();
    const { host, writes, advance, listeners } = fakeHost('');
    const stop = startUrlSync(store, host);
    stop();
    store.getState().setSource('x');
    advance(URL_DEBOUNCE_MS * 2);
    expect(writes).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});
