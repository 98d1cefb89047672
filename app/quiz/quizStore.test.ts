import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../ad-core/index.ts';
import { createAppStore } from '../store/store.ts';
import { currentQuestion } from './session.ts';
import { createQuizStore } from './quizStore.ts';

function setup() {
  const app = createAppStore();
  app.getState().restore({ formula: 'ln(x1) + x1*x2 - sin(x2)', point: { x1: 2, x2: 5 } });
  const quiz = createQuizStore(app);
  return { app, quiz };
}

describe('quiz store', () => {
  it('turning it on goes back to the first question and locks the player there', () => {
    const { app, quiz } = setup();
    expect(app.getState().step).toBe(app.getState().derived.trace!.steps.length);
    quiz.getState().setOn(true);
    expect(app.getState().step).toBe(2);
    expect(app.getState().stepLimit).toBe(2);
    app.getState().stepForward();
    app.getState().goToEnd();
    app.getState().seek(10);
    expect(app.getState().step).toBe(2);
    app.getState().play();
    for (let i = 0; i < 5; i++) app.getState().tick();
    expect(app.getState().step).toBe(2);
    expect(app.getState().playing).toBe(false);
    app.getState().stepBack();
    expect(app.getState().step).toBe(1); // reviewing is allowed
    quiz.getState().backToQuestion();
    expect(app.getState().step).toBe(2);
  });

  it('a right answer reveals the step; a wrong one waits; the score counts both', () => {
    const { app, quiz } = setup();
    quiz.getState().setOn(true);
    const trace = quiz.getState().trace!;
    const q = currentQuestion(trace, quiz.getState().session!)!;
    quiz.getState().submit(formatNumber(q.expected));
    expect(app.getState().step).toBe(3);
    const q2 = currentQuestion(trace, quiz.getState().session!)!;
    quiz.getState().submit(String(q2.expected * 2 + 1));
    expect(app.getState().step).toBe(3);
    expect(quiz.getState().session!.feedback?.kind).toBe('wrong');
    quiz.getState().proceed();
    expect(app.getState().step).toBe(4);
    expect(quiz.getState().score).toEqual({ correct: 1, answered: 2 });
  });

  it('a new formula restarts the quiz on it, keeping the score; off removes the lock', () => {
    const { app, quiz } = setup();
    quiz.getState().setOn(true);
    const q = currentQuestion(quiz.getState().trace!, quiz.getState().session!)!;
    quiz.getState().submit(formatNumber(q.expected));
    app.getState().setSource('x*y');
    expect(quiz.getState().trace).toBe(app.getState().derived.trace);
    expect(app.getState().step).toBe(2);
    expect(quiz.getState().score).toEqual({ correct: 1, answered: 1 });
    quiz.getState().setOn(false);
    expect(app.getState().stepLimit).toBeNull();
    app.getState().goToEnd();
    expect(app.getState().step).toBe(app.getState().derived.trace!.steps.length);
  });
});
