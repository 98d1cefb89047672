// Keeps the URL hash and the store in step: a link restores the state it encodes, and the hash
// follows the user's work with history.replaceState (debounced), never one entry per keystroke.
import type { AppState, AppStore } from '../store/store.ts';
import { DEFAULT_EXAMPLE } from '../examples.ts';
import { decodeHash, encodeHash, type SharedSeed } from './hash.ts';

export const URL_DEBOUNCE_MS = 300;

/** The hash that reproduces what the store shows now. */
export function hashOf(s: AppState): string {
  const graph = s.derived.graph;
  const order = graph ? graph.variables : Object.keys(s.point);
  const point = graph ? s.derived.point : s.point;
  // The seed only means something in forward mode; a reverse-mode link stays as DESIGN.md has it.
  const seed = s.mode === 'forward' ? seedOf(s) : undefined;
  return encodeHash(
    {
      formula: s.source,
      point,
      mode: s.mode,
      step: s.step,
      ...(seed ? { seed } : {}),
      ...(s.merge ? { merge: true } : {}),
      ...(s.drawerOpen ? { panel: s.drawerTab } : {}),
      ...(s.bug && !s.bugSecret ? { bug: s.bug } : {}),
    },
    order,
  );
}

/**
 * Forward mode's seed when it is not the default (the first variable): a link to the default keeps
 * the plain format of DESIGN.md, so opening one never rewrites it.
 */
function seedOf(s: AppState): SharedSeed | undefined {
  if (s.seed.kind === 'custom') return { kind: 'custom', vector: s.derived.seedVector };
  const vars = s.derived.graph?.variables ?? [];
  return vars.includes(s.seed.name) && s.seed.name !== vars[0]
    ? { kind: 'variable', name: s.seed.name }
    : undefined;
}

/** Apply a hash to the store; returns false (and shows a notice) when it had to fall back. */
export function applyHash(store: AppStore, hash: string): boolean {
  const decoded = decodeHash(hash);
  if (decoded.kind === 'empty') return true;
  if (decoded.kind === 'ok') {
    store.getState().restore(decoded.state);
    store.getState().setNotice(null);
    return true;
  }
  store
    .getState()
    .restore({ formula: DEFAULT_EXAMPLE.formula, point: DEFAULT_EXAMPLE.at, mode: 'reverse' });
  store
    .getState()
    .setNotice(`Could not open that link (${decoded.reason}); showing the default example.`);
  return false;
}

export interface UrlHost {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string | URL | null): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
}

/**
 * Start syncing; returns the function that stops it. `ownedElsewhere` marks hashes another module
 * reads and writes (a lesson page, `#lesson=…`): this sync neither applies nor overwrites those.
 */
export function startUrlSync(
  store: AppStore,
  host: UrlHost,
  ownedElsewhere: (hash: string) => boolean = () => false,
): () => void {
  let timer: number | undefined;
  let lastWritten = host.location.hash;

  const write = () => {
    timer = undefined;
    if (ownedElsewhere(host.location.hash)) return;
    const hash = hashOf(store.getState());
    if (hash === host.location.hash) return;
    lastWritten = hash;
    host.history.replaceState(null, '', `${host.location.pathname}${host.location.search}${hash}`);
  };
  const schedule = () => {
    host.clearTimeout(timer);
    timer = host.setTimeout(write, URL_DEBOUNCE_MS);
  };

  if (!ownedElsewhere(host.location.hash) && !applyHash(store, host.location.hash)) write();

  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.source !== prev.source ||
      s.derived.point !== prev.derived.point ||
      s.mode !== prev.mode ||
      s.step !== prev.step ||
      s.seed !== prev.seed ||
      s.merge !== prev.merge ||
      s.drawerOpen !== prev.drawerOpen ||
      s.drawerTab !== prev.drawerTab
    ) {
      schedule();
    }
  });
  const onHashChange = () => {
    if (host.location.hash === lastWritten) return;
    lastWritten = host.location.hash;
    if (ownedElsewhere(host.location.hash)) return;
    if (!applyHash(store, host.location.hash)) write();
  };
  host.addEventListener('hashchange', onHashChange);

  return () => {
    host.clearTimeout(timer);
    unsubscribe();
    host.removeEventListener('hashchange', onHashChange);
  };
}
