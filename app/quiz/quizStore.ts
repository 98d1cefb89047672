// Quiz mode's state, in its own small store, and the glue to the app store: while the quiz is on
// the player may show only the steps the quiz has revealed (`stepLimit`), and a new trace (new
// formula, point, mode or seed) starts the quiz over on it, keeping the session's score.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Trace } from '../../ad-core/index.ts';
import type { AppStore } from '../store/store.ts';
import { continueQuiz, NO_SCORE, startQuiz, submitAnswer, type QuizSession, type Score } from './session.ts';

export interface QuizState {
  on: boolean;
  /** The trace the session belongs to; null while off or when nothing compiles. */
  trace: Trace | null;
  session: QuizSession | null;
  /** Kept across formulas while the page is open. */
  score: Score;
  setOn(on: boolean): void;
  submit(raw: string): void;
  proceed(): void;
  /** Show the step the question is about (after the learner stepped back to review). */
  backToQuestion(): void;
  /** Start over on the app's current trace, keeping the score (or, `fresh`, from zero). */
  restart(fresh?: boolean): void;
}

export type QuizStore = StoreApi<QuizState>;

export function createQuizStore(app: AppStore): QuizStore {
  const store = createStore<QuizState>()((set, get) => {
    /** Show the session's frontier and lock the player there. */
    const show = (session: QuizSession) => {
      const a = app.getState();
      a.setStepLimit(session.frontier);
      a.seek(session.frontier);
    };
    const begin = (trace: Trace | null) => {
      if (!trace) {
        set({ trace: null, session: null });
        app.getState().setStepLimit(0);
        return;
      }
      const session = startQuiz(trace, get().score);
      set({ trace, session });
      app.getState().pause();
      show(session);
    };
    const update = (next: QuizSession) => {
      const prev = get().session;
      set({ session: next, score: next.score });
      if (!prev || prev.frontier !== next.frontier) show(next);
    };
    return {
      on: false,
      trace: null,
      session: null,
      score: NO_SCORE,
      setOn: (on) => {
        if (on === get().on) return;
        set({ on });
        if (on) begin(app.getState().derived.trace);
        else {
          set({ trace: null, session: null });
          app.getState().setStepLimit(null);
        }
      },
      submit: (raw) => {
        const { trace, session } = get();
        if (trace && session) update(submitAnswer(trace, session, raw));
      },
      proceed: () => {
        const { trace, session } = get();
        if (trace && session) update(continueQuiz(trace, session));
      },
      restart: (fresh = false) => {
        if (!get().on) return;
        if (fresh) set({ score: NO_SCORE });
        begin(app.getState().derived.trace);
      },
      backToQuestion: () => {
        const { session } = get();
        if (session) app.getState().seek(session.frontier);
      },
    };
  });

  app.subscribe((s, prev) => {
    const q = store.getState();
    if (!q.on || s.derived.trace === prev.derived.trace || s.derived.trace === q.trace) return;
    // A new formula, point, mode or seed: the old answers are about other numbers. The store
    // already clamped the new trace's step to the old limit, so nothing was revealed meanwhile.
    q.restart();
  });
  return store;
}
