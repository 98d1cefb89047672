// The `Find the bug` challenge's state in its own small store (like the quiz's), tied to the app
// store: a round hides its bug there as a secret (the graph and check show it, nothing names it);
// answering reveals it. A new formula or point starts the round over on it, keeping the score.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Bug, Trace } from '../../ad-core/index.ts';
import type { AppState, AppStore } from '../store/store.ts';
import { gradeGuess, pickHiddenBug, type Verdict } from './challenge.ts';

export interface ChallengeScore {
  correct: number;
  answered: number;
}

export interface ChallengeState {
  on: boolean;
  /** The seed of this round: the same formula, point and seed hide the same bug. */
  seed: number;
  bug: Bug | null;
  /** The correct reverse trace the round is about. */
  trace: Trace | null;
  verdict: Verdict | null;
  score: ChallengeScore;
  /** Why no round could start (no bug can show on this formula), or null. */
  problem: string | null;
  start(seed?: number): void;
  guess(node: number): void;
  next(): void;
  stop(): void;
}

export type ChallengeStore = StoreApi<ChallengeState>;

/** The app's correct reverse trace (under a bug, the one the bug is compared with). */
function correctTrace(s: AppState): Trace | null {
  const t = s.derived.bugView?.correct ?? s.derived.trace;
  return t && t.mode === 'reverse' ? t : null;
}

export function createChallengeStore(app: AppStore, firstSeed = 1): ChallengeStore {
  let busy = false;
  const store = createStore<ChallengeState>()((set, get) => {
    const begin = (seed: number) => {
      busy = true;
      try {
        const a = app.getState();
        if (a.bug && !a.bugSecret) a.setBug(null);
        const trace = correctTrace(app.getState());
        const bug = trace ? pickHiddenBug(trace, seed) : null;
        set({ on: true, seed, trace, bug, verdict: null, problem: null });
        if (!bug) {
          app.getState().setBug(null);
          set({
            problem: trace
              ? 'No bug can hide in this formula (no backward step changes the gradient). Try a formula with a few operations.'
              : 'Find the bug works on the reverse pass of a valid formula.',
          });
          return;
        }
        app.getState().setBug(bug, true);
      } finally {
        busy = false;
      }
    };
    return {
      on: false,
      seed: firstSeed,
      bug: null,
      trace: null,
      verdict: null,
      score: { correct: 0, answered: 0 },
      problem: null,
      start: (seed) => begin(seed ?? get().seed),
      guess: (node) => {
        const { bug, trace, verdict, score } = get();
        const view = app.getState().derived.bugView;
        if (!bug || !trace || verdict || !view || view.correct !== trace) return;
        const v = gradeGuess(trace, view.pass, node);
        set({
          verdict: v,
          score: { correct: score.correct + (v.right ? 1 : 0), answered: score.answered + 1 },
        });
        busy = true;
        try {
          // Revealed: the bug lab now names it and marks where it departs.
          app.getState().setBug(bug, false);
        } finally {
          busy = false;
        }
      },
      next: () => begin(get().seed + 1),
      stop: () => {
        set({ on: false, bug: null, trace: null, verdict: null, problem: null });
        if (app.getState().bugSecret) app.getState().setBug(null);
      },
    };
  });

  app.subscribe((s) => {
    const c = store.getState();
    if (!c.on || busy || c.verdict) return;
    if (!s.bugSecret && c.bug) {
      // Someone else chose a bug (a link, the lab): the round is over.
      c.stop();
      return;
    }
    const trace = correctTrace(s);
    if (trace !== c.trace) c.start(c.seed);
  });
  return store;
}
