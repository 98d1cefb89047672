// Which lesson page is open, and the glue that makes the playground show it: opening a page
// applies its state to the app store (turning quiz mode off, since the text describes revealed
// steps) and writes `#lesson=<id>&page=<n>` into the URL; leaving writes the playground's hash.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../store/store.ts';
import type { QuizStore } from '../quiz/quizStore.ts';
import { hashOf } from '../url/urlSync.ts';
import { lessonById } from './content.ts';
import { decodeLessonHash, encodeLessonHash } from './lessonHash.ts';
import { resolvePage, type Resolved } from './resolve.ts';
import type { LessonPage } from './types.ts';

export interface LessonHost {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string | URL | null): void };
}

export interface LessonState {
  /** The open lesson, or null in the free playground. */
  lessonId: string | null;
  /** 1-based. */
  page: number;
  open(id: string, page?: number): void;
  next(): void;
  back(): void;
  leave(): void;
  /** Put the playground back into the page's state (after the learner changed it). */
  showPageAgain(): void;
  /** Follow the URL (on load and on hashchange); returns whether it was a lesson link. */
  followHash(hash: string): boolean;
}

export type LessonStore = StoreApi<LessonState>;

const resolved = new WeakMap<LessonPage, Resolved>();

/** The page's state and engine results, computed once per page. */
export function resolvedPage(page: LessonPage): Resolved {
  let r = resolved.get(page);
  if (!r) {
    r = resolvePage(page);
    resolved.set(page, r);
  }
  return r;
}

export function createLessonStore(app: AppStore, quiz: QuizStore, host: LessonHost): LessonStore {
  const writeHash = (hash: string) => {
    if (host.location.hash === hash) return;
    host.history.replaceState(null, '', `${host.location.pathname}${host.location.search}${hash}`);
  };

  const apply = (page: LessonPage) => {
    const r = resolvedPage(page);
    if (!r.ok) {
      app.getState().setNotice(`This lesson page could not be shown (${r.error}).`);
      return;
    }
    const { state } = r;
    quiz.getState().setOn(false);
    const a = app.getState();
    a.setMethod(state.method);
    a.setStepSize(state.h);
    // restore also turns merging off and closes the drawer: a page starts from a clean slate.
    a.restore({
      formula: state.formula,
      point: state.point,
      mode: state.mode,
      step: state.step,
      ...(state.mode === 'forward'
        ? { seed: { kind: 'variable' as const, name: state.seed } }
        : {}),
    });
    a.setNotice(null);
    // The page decides what is on screen: its panel, or the graph at full height.
    if (page.drawer) a.openDrawerTab(page.drawer);
    else a.setDrawerOpen(false);
  };

  return createStore<LessonState>()((set, get) => {
    const go = (id: string, pageNo: number) => {
      const lesson = lessonById(id);
      if (!lesson) return;
      const page = Math.min(Math.max(1, Math.floor(pageNo)), lesson.pages.length);
      set({ lessonId: id, page });
      apply(lesson.pages[page - 1]!);
      writeHash(encodeLessonHash(id, page));
    };
    return {
      lessonId: null,
      page: 1,
      open: (id, page = 1) => go(id, page),
      next: () => {
        const { lessonId, page } = get();
        if (lessonId) go(lessonId, page + 1);
      },
      back: () => {
        const { lessonId, page } = get();
        if (lessonId) go(lessonId, page - 1);
      },
      leave: () => {
        if (get().lessonId === null) return;
        set({ lessonId: null, page: 1 });
        writeHash(hashOf(app.getState()));
      },
      showPageAgain: () => {
        const { lessonId, page } = get();
        const lesson = lessonId ? lessonById(lessonId) : undefined;
        if (lesson) apply(lesson.pages[page - 1]!);
      },
      followHash: (hash) => {
        const decoded = decodeLessonHash(hash);
        if (decoded.kind === 'none') {
          // The URL moved to a playground link (back button, pasted link): the lesson is over.
          if (get().lessonId !== null) set({ lessonId: null, page: 1 });
          return false;
        }
        if (decoded.kind === 'invalid') {
          set({ lessonId: null, page: 1 });
          app
            .getState()
            .setNotice(
              `Could not open that lesson link (${decoded.reason}); showing the playground.`,
            );
          writeHash(hashOf(app.getState()));
          return true;
        }
        const { lessonId, page } = get();
        if (decoded.id !== lessonId || decoded.page !== page) go(decoded.id, decoded.page);
        else writeHash(encodeLessonHash(decoded.id, decoded.page));
        return true;
      },
    };
  });
}

/** Follow the URL now and on every hashchange; returns the function that stops it. */
export function startLessonSync(
  lessons: LessonStore,
  host: LessonHost & {
    addEventListener(type: 'hashchange', listener: () => void): void;
    removeEventListener(type: 'hashchange', listener: () => void): void;
  },
): () => void {
  lessons.getState().followHash(host.location.hash);
  const onHashChange = () => lessons.getState().followHash(host.location.hash);
  host.addEventListener('hashchange', onHashChange);
  return () => host.removeEventListener('hashchange', onHashChange);
}
