// The student's own work, which no example, lesson or link may lose: undo/redo of the formula
// across every kind of change, the last formula they typed ("Your formula"), and a short list of
// recent ones that survives reloads. It watches the app store's source rather than changing how
// the app store sets it, so every way the formula changes (typing, an example, a lesson, a link,
// a host page) is recorded the same way.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Point } from '../../ad-core/index.ts';
import type { AppStore } from './store.ts';
import {
  EMPTY_HISTORY,
  recordChange,
  redoEdit,
  undoEdit,
  type ChangeKind,
  type EditHistory,
} from './editHistory.ts';
import { loadRecent, rememberFormula, saveRecent } from './recentFormulas.ts';

export interface OwnFormula {
  source: string;
  point: Point;
}

export interface WorkState {
  history: EditHistory;
  /** The last formula the student typed, with the values they had then; null before any typing. */
  own: OwnFormula | null;
  /** Their recent formulas, most recent first (persisted). */
  recent: string[];
  /** The editor's change: the formula typed, recorded as typing. */
  type(text: string): void;
  undo(): void;
  redo(): void;
  /** Back to the student's own formula (after an example or a lesson replaced it). */
  restoreOwn(): void;
  openRecent(index: number): void;
}

export type WorkStore = StoreApi<WorkState>;

export function createWorkStore(
  app: AppStore,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  now: () => number = Date.now,
): WorkStore {
  // How the next change of the source came about; anything unannounced replaced the text.
  let pending: ChangeKind | 'history' | null = null;
  // Whether the head of `recent` is the formula being typed right now (then it is updated in place).
  let typingHead = false;

  const work = createStore<WorkState>()((set, get) => {
    const setSource = (text: string, kind: ChangeKind | 'history') => {
      pending = kind;
      app.getState().setSource(text);
      pending = null;
    };
    return {
      history: EMPTY_HISTORY,
      own: null,
      recent: loadRecent(storage),
      type: (text) => setSource(text, 'typing'),
      undo: () => {
        const r = undoEdit(get().history, app.getState().source);
        if (!r) return;
        set({ history: r.history });
        setSource(r.source, 'history');
      },
      redo: () => {
        const r = redoEdit(get().history, app.getState().source);
        if (!r) return;
        set({ history: r.history });
        setSource(r.source, 'history');
      },
      restoreOwn: () => {
        const own = get().own;
        if (!own) return;
        app
          .getState()
          .loadExample({
            id: 'own',
            title: 'Your formula',
            formula: own.source,
            at: own.point,
            lesson: '',
          });
      },
      openRecent: (index) => {
        const formula = get().recent[index];
        if (formula === undefined) return;
        app
          .getState()
          .loadExample({
            id: 'recent',
            title: 'Recent formula',
            formula,
            at: app.getState().point,
            lesson: '',
          });
      },
    };
  });

  app.subscribe((s, previous) => {
    if (s.source === previous.source) {
      // Values the student sets while their own formula is on screen belong to it.
      const own = work.getState().own;
      if (own && own.source === s.source && s.point !== previous.point) {
        work.setState({ own: { source: own.source, point: s.point } });
      }
      return;
    }
    const kind = pending ?? 'replace';
    const w = work.getState();
    const patch: Partial<WorkState> = {};
    if (kind !== 'history') {
      patch.history = recordChange(w.history, previous.source, s.source, kind, now());
    }
    if (kind === 'typing') {
      patch.own = { source: s.source, point: s.point };
      patch.recent = rememberFormula(w.recent, s.source, typingHead);
      // Clearing the box to start afresh is not the same formula still being typed.
      typingHead = patch.recent[0] === s.source;
      saveRecent(storage, patch.recent);
    } else {
      typingHead = false;
    }
    work.setState(patch);
  });
  return work;
}
