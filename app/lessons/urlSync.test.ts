// The lessons and the playground's URL sync share the hash: a lesson link must survive the
// playground sync's debounced writes, and leaving the lesson hands the hash back.
import { describe, expect, it } from 'vitest';
import { createQuizStore } from '../quiz/quizStore.ts';
import { createAppStore } from '../store/store.ts';
import { startUrlSync, URL_DEBOUNCE_MS } from '../url/urlSync.ts';
import { isLessonHash } from './lessonHash.ts';
import { createLessonStore, startLessonSync } from './lessonStore.ts';

function fakeWindow(hash: string) {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let nextId = 1;
  const listeners = new Set<() => void>();
  const w = {
    location: { hash, pathname: '/', search: '' },
    history: {
      replaceState: (_d: unknown, _u: string, url?: string | URL | null) => {
        const s = String(url ?? '');
        w.location.hash = s.slice(s.indexOf('#'));
      },
    },
    addEventListener: (_t: 'hashchange', l: () => void) => listeners.add(l),
    removeEventListener: (_t: 'hashchange', l: () => void) => listeners.delete(l),
    setTimeout: (fn: () => void, ms: number) => {
      timers.set(nextId, { at: now + ms, fn });
      return nextId++;
    },
    clearTimeout: (id: number | undefined) => {
      if (id !== undefined) timers.delete(id);
    },
    advance: (ms: number) => {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.fn();
        }
      }
    },
  };
  return w;
}

describe('lessons and the playground URL sync', () => {
  it('a lesson link is opened by the lessons, not rejected or overwritten by the playground sync', () => {
    const w = fakeWindow('#lesson=reverse-pass&page=2');
    const app = createAppStore();
    const lessons = createLessonStore(app, createQuizStore(app), w);
    startUrlSync(app, w, isLessonHash);
    startLessonSync(lessons, w);
    expect(app.getState().notice).toBeNull();
    expect(app.getState().source).toBe('(a+b)*(b+1)');
    lessons.getState().next();
    w.advance(URL_DEBOUNCE_MS * 2);
    expect(w.location.hash).toBe('#lesson=reverse-pass&page=3');
    app.getState().stepBack(); // the learner plays around inside the lesson
    w.advance(URL_DEBOUNCE_MS * 2);
    expect(w.location.hash).toBe('#lesson=reverse-pass&page=3');
    lessons.getState().leave();
    expect(w.location.hash).toMatch(/^#f=\(a%2Bb\)/);
    app.getState().stepBack(); // and the playground sync writes again
    w.advance(URL_DEBOUNCE_MS * 2);
    expect(w.location.hash).toMatch(new RegExp(`&step=${app.getState().step}$`));
  });
});
