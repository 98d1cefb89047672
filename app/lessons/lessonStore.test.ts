import { describe, expect, it } from 'vitest';
import { createQuizStore } from '../quiz/quizStore.ts';
import { createAppStore } from '../store/store.ts';
import { LESSONS } from './content.ts';
import { createLessonStore, resolvedPage, startLessonSync } from './lessonStore.ts';
import { showsPage } from './onPage.ts';

function fakeHost(hash = '') {
  const listeners = new Set<() => void>();
  const host = {
    location: { hash, pathname: '/', search: '' },
    history: {
      replaceState: (_d: unknown, _u: string, url?: string | URL | null) => {
        const s = String(url ?? '');
        host.location.hash = s.includes('#') ? s.slice(s.indexOf('#')) : '';
      },
    },
    addEventListener: (_t: 'hashchange', l: () => void) => listeners.add(l),
    removeEventListener: (_t: 'hashchange', l: () => void) => listeners.delete(l),
    navigate: (h: string) => {
      host.location.hash = h;
      listeners.forEach((l) => l());
    },
  };
  return host;
}

function setup(hash = '') {
  const app = createAppStore();
  const quiz = createQuizStore(app);
  const host = fakeHost(hash);
  const lessons = createLessonStore(app, quiz, host);
  return { app, quiz, host, lessons };
}

const stateOf = (id: string, page: number) => {
  const r = resolvedPage(LESSONS.find((l) => l.id === id)!.pages[page - 1]!);
  if (!r.ok) throw new Error(r.error);
  return r.state;
};

describe('lesson store', () => {
  it('every page of every lesson puts the playground exactly into its state', () => {
    const { app, lessons } = setup();
    for (const l of LESSONS) {
      lessons.getState().open(l.id);
      for (let p = 1; p <= l.pages.length; p++) {
        expect(lessons.getState().page).toBe(p);
        expect(showsPage(app.getState(), stateOf(l.id, p)), `${l.id} page ${p}`).toBe(true);
        lessons.getState().next();
      }
      expect(lessons.getState().page).toBe(l.pages.length); // Next stops at the last page
    }
  });

  it('Next and Back move between pages and write the hash', () => {
    const { host, lessons } = setup();
    const id = LESSONS[1]!.id;
    lessons.getState().open(id);
    expect(host.location.hash).toBe(`#lesson=${id}&page=1`);
    lessons.getState().next();
    lessons.getState().next();
    expect(host.location.hash).toBe(`#lesson=${id}&page=3`);
    lessons.getState().back();
    expect(host.location.hash).toBe(`#lesson=${id}&page=2`);
    lessons.getState().back();
    lessons.getState().back();
    expect(lessons.getState().page).toBe(1);
  });

  it('opens from the URL on load and on hashchange, and leaves to a playground link', () => {
    const id = LESSONS[0]!.id;
    const { app, host, lessons } = setup(`#lesson=${id}&page=3`);
    const stop = startLessonSync(lessons, host);
    expect(lessons.getState()).toMatchObject({ lessonId: id, page: 3 });
    expect(showsPage(app.getState(), stateOf(id, 3))).toBe(true);
    host.navigate(`#lesson=${id}&page=2`);
    expect(lessons.getState().page).toBe(2);
    expect(app.getState().step).toBe(stateOf(id, 2).step);
    lessons.getState().leave();
    expect(lessons.getState().lessonId).toBeNull();
    expect(host.location.hash).toMatch(/^#f=/);
    host.navigate(`#lesson=${id}&page=1`);
    expect(lessons.getState().lessonId).toBe(id);
    host.navigate('#f=x&at=x%3D1');
    expect(lessons.getState().lessonId).toBeNull();
    stop();
  });

  it('a broken lesson link shows a notice and the playground', () => {
    const { app, host, lessons } = setup('#lesson=nope&page=1');
    startLessonSync(lessons, host);
    expect(lessons.getState().lessonId).toBeNull();
    expect(app.getState().notice).toMatch(/lesson link/);
    expect(host.location.hash).toMatch(/^#f=/);
  });

  it('opening a page turns quiz mode off; changing the playground is noticed', () => {
    const { app, quiz, lessons } = setup();
    quiz.getState().setOn(true);
    const id = LESSONS[0]!.id;
    lessons.getState().open(id, 5);
    expect(quiz.getState().on).toBe(false);
    expect(app.getState().stepLimit).toBeNull();
    expect(showsPage(app.getState(), stateOf(id, 5))).toBe(true);
    app.getState().stepBack();
    expect(showsPage(app.getState(), stateOf(id, 5))).toBe(false);
    lessons.getState().showPageAgain();
    expect(showsPage(app.getState(), stateOf(id, 5))).toBe(true);
    app.getState().setVariable('x1', 3);
    expect(showsPage(app.getState(), stateOf(id, 5))).toBe(false);
  });
});
