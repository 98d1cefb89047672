// Keeps the URL hash and the store in step: a link restores the state it encodes, and the hash
// follows the user's work with history.replaceState (debounced), never one entry per keystroke.
import { focusedIndex } from '../../ad-core/index.ts';
import type { AppState, AppStore } from '../store/store.ts';
import { DEFAULT_EXAMPLE } from '../examples.ts';
import { collapseForLink } from '../store/blocks.ts';
import { applyTrainingLink, subscribeTrainingLink, trainingLinkPart } from '../store/training.ts';
import { applyDisplayLink, displayLinkPart, subscribeDisplayLink } from '../layout/display.ts';
import { decodeHash, encodeHash, type SharedSeed, type SharedState } from './hash.ts';
import {
  readStoredWork,
  storageOf,
  STORED_HASH,
  storedNotice,
  storeWork,
  unlinkableReason,
  unstorableNotice,
  type WorkStorage,
} from './storedWork.ts';

export const URL_DEBOUNCE_MS = 300;

/** The hash that reproduces what the store shows now. */
export function hashOf(s: AppState): string {
  const graph = s.derived.graph;
  const order = graph ? graph.variables : Object.keys(s.point);
  const point = graph ? s.derived.point : s.point;
  // The seed only means something in forward mode; a reverse-mode link stays as DESIGN.md has it.
  const seed = s.mode === 'forward' ? seedOf(s) : undefined;
  const collapse = collapseForLink(s);
  return encodeHash(
    {
      formula: s.source,
      point,
      mode: s.mode,
      step: s.step,
      ...(seed ? { seed } : {}),
      ...(s.merge ? { merge: true } : {}),
      ...(s.drawerOpen ? { panel: s.drawerTab } : {}),
      ...(collapse ? { collapse } : {}),
      ...(s.bug && !s.bugSecret ? { bug: s.bug } : {}),
      ...(graph && focusedIndex(graph) > 0 ? { output: focusedIndex(graph) } : {}),
      ...trainingLinkPart(),
      ...displayLinkPart(),
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

/**
 * Apply a hash to the store; returns false (and shows a notice) when it had to fall back.
 * `#stored=1` opens the work kept in `storage` because it could not go in a link.
 */
export function applyHash(
  store: AppStore,
  hash: string,
  storage: WorkStorage | null = null,
): boolean {
  const stored = hash === STORED_HASH;
  const decoded = stored ? readStoredWork(storage) : decodeHash(hash);
  if (decoded.kind === 'empty') return true;
  if (decoded.kind === 'ok') {
    store.getState().restore(decoded.state);
    if (decoded.state.train || decoded.state.panel === 'train')
      applyTrainingLink(decoded.state.train ?? {});
    applyDisplayLink(decoded.state.display ?? {});
    const why = stored ? unlinkableReason(encodeHash(decoded.state), decoded.state.formula) : null;
    store
      .getState()
      .setNotice(why ? storedNotice(why) : linkPartNotice(store.getState(), decoded.state));
    return true;
  }
  store
    .getState()
    .restore({ formula: DEFAULT_EXAMPLE.formula, point: DEFAULT_EXAMPLE.at, mode: 'reverse' });
  applyDisplayLink({});
  store
    .getState()
    .setNotice(`Could not open that link (${decoded.reason}); showing the default example.`);
  return false;
}

/** A part of a link that decodes but names something the formula does not have. */
function linkPartNotice(s: AppState, shared: SharedState): string | null {
  const vars = s.derived.graph?.variables;
  if (!vars || !shared.seed) return null;
  const names =
    shared.seed.kind === 'variable' ? [shared.seed.name] : Object.keys(shared.seed.vector);
  const unknown = names.filter((n) => !vars.includes(n));
  if (unknown.length === 0) return null;
  const list = unknown.map((n) => `"${n}"`).join(', ');
  const instead =
    shared.seed.kind === 'variable' ? `seeding ${vars[0] ?? 'nothing'} instead` : 'ignored';
  return `The seed in that link names ${list}, which this formula does not have (${instead}).`;
}

export interface UrlHost {
  /** Where work that cannot go in a link is kept (the window's localStorage). */
  localStorage?: WorkStorage;
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

  const storage = storageOf(host);
  // The notice this sync put up about stored work, taken down once the work fits a link again.
  let ownNotice: string | null = null;
  const notify = (notice: string | null) => {
    const s = store.getState();
    if (notice === null && (ownNotice === null || s.notice !== ownNotice)) return;
    ownNotice = notice;
    if (s.notice !== notice) s.setNotice(notice);
  };
  const replace = (hash: string) => {
    if (hash === host.location.hash) return;
    lastWritten = hash;
    host.history.replaceState(null, '', `${host.location.pathname}${host.location.search}${hash}`);
  };

  // What the app writes it must read back: a hash the link reader would refuse (or read
  // differently) goes to local storage, and the address points there.
  const write = () => {
    timer = undefined;
    if (ownedElsewhere(host.location.hash)) return;
    const s = store.getState();
    const hash = hashOf(s);
    const current = host.location.hash;
    if (current !== lastWritten) {
      // The address changed since our last write (a pasted link, the back button) and its
      // hashchange has not run yet: follow it, never overwrite it with the state it replaces.
      if (current !== hash) {
        onHashChange();
        return;
      }
      lastWritten = current;
    }
    const reason = unlinkableReason(hash, s.source);
    if (reason === null) {
      replace(hash);
      notify(null);
    } else if (storeWork(storage, hash)) {
      replace(STORED_HASH);
      notify(storedNotice(reason));
    } else {
      notify(unstorableNotice(reason));
    }
  };
  const schedule = () => {
    host.clearTimeout(timer);
    timer = host.setTimeout(write, URL_DEBOUNCE_MS);
  };

  if (!ownedElsewhere(host.location.hash) && !applyHash(store, host.location.hash, storage))
    write();
  if (host.location.hash === STORED_HASH) ownNotice = store.getState().notice;

  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.source !== prev.source ||
      s.derived.point !== prev.derived.point ||
      s.mode !== prev.mode ||
      s.step !== prev.step ||
      s.seed !== prev.seed ||
      s.merge !== prev.merge ||
      s.output !== prev.output ||
      s.drawerOpen !== prev.drawerOpen ||
      s.drawerTab !== prev.drawerTab ||
      s.collapseUser !== prev.collapseUser ||
      s.collapseAuto !== prev.collapseAuto
    ) {
      schedule();
    }
  });
  const unsubscribeTraining = subscribeTrainingLink(schedule);
  const unsubscribeDisplay = subscribeDisplayLink(schedule);
  const onHashChange = () => {
    if (host.location.hash === lastWritten) return;
    lastWritten = host.location.hash;
    if (ownedElsewhere(host.location.hash)) return;
    if (!applyHash(store, host.location.hash, storage)) write();
    else if (host.location.hash === STORED_HASH) ownNotice = store.getState().notice;
  };
  host.addEventListener('hashchange', onHashChange);

  return () => {
    host.clearTimeout(timer);
    unsubscribe();
    unsubscribeTraining();
    unsubscribeDisplay();
    host.removeEventListener('hashchange', onHashChange);
  };
}
