import { describe, expect, it } from 'vitest';
import { buildTrace, compile, formatNumber, type Trace } from '../../ad-core/index.ts';
import { continueQuiz, currentQuestion, isFinished, startQuiz, submitAnswer } from './session.ts';

function traceOf(src: string, at: Record<string, number>): Trace {
  const r = compile(src);
  if (!r.ok) throw new Error('does not compile');
  return buildTrace(r.graph, at, 'reverse');
}

describe('quiz session', () => {
  const t = traceOf('ln(x1) + x1*x2 - sin(x2)', { x1: 2, x2: 5 });

  it('starts past the given inputs, at the first computed node', () => {
    const s = startQuiz(t);
    expect(s.frontier).toBe(2);
    expect(s.given).toHaveLength(2);
    expect(currentQuestion(t, s)?.quantity).toBe('value');
  });

  it('right answers (typed as the graph shows them) walk to the end; the seed is skipped', () => {
    let s = startQuiz(t);
    let asked = 0;
    while (!isFinished(t, s)) {
      const q = currentQuestion(t, s)!;
      const before = s.frontier;
      s = submitAnswer(t, s, formatNumber(q.expected));
      expect(s.feedback?.kind).toBe('right');
      expect(s.frontier).toBeGreaterThanOrEqual(before);
      asked++;
    }
    expect(s.score).toEqual({ correct: asked, answered: asked });
    expect(s.frontier).toBe(t.steps.length);
    expect(currentQuestion(t, s)).toBeNull();
    expect(submitAnswer(t, s, '1')).toBe(s);
  });

  it('a wrong answer is scored, shown, and waits for Continue without revealing', () => {
    let s = startQuiz(t);
    const q = currentQuestion(t, s)!;
    s = submitAnswer(t, s, String(q.expected + 1));
    expect(s.feedback).toMatchObject({ kind: 'wrong', question: q });
    expect(s.awaitingContinue).toBe(true);
    expect(s.frontier).toBe(2);
    expect(submitAnswer(t, s, String(q.expected))).toBe(s); // no second try on the same question
    s = continueQuiz(t, s);
    expect(s.frontier).toBe(3);
    expect(s.score).toEqual({ correct: 0, answered: 1 });
  });

  it('unreadable input is neither right nor wrong', () => {
    const s = submitAnswer(t, startQuiz(t), 'abc');
    expect(s.feedback?.kind).toBe('unreadable');
    expect(s.score.answered).toBe(0);
    expect(s.frontier).toBe(2);
  });

  it('a step with two questions is revealed only after both', () => {
    const sub = traceOf('x - y', { x: 1, y: 1 });
    let s = startQuiz(sub);
    while (currentQuestion(sub, s)!.quantity !== 'adjoint') s = submitAnswer(sub, s, formatNumber(currentQuestion(sub, s)!.expected));
    const at = s.frontier;
    s = submitAnswer(sub, s, '1');
    expect(s.frontier).toBe(at);
    expect(s.part).toBe(1);
    s = submitAnswer(sub, s, '−1');
    expect(s.frontier).toBe(sub.steps.length);
  });

  it('restarting keeps the score', () => {
    const s = startQuiz(t, { correct: 3, answered: 4 });
    expect(s.score).toEqual({ correct: 3, answered: 4 });
  });
});

describe('what was missed', () => {
  it('keeps each wrong answer with its question, for the end-of-quiz summary', () => {
    const trace = traceOf('x*y', { x: 2, y: 3 });
    let s = startQuiz(trace);
    expect(s.missed).toEqual([]);
    const q = currentQuestion(trace, s)!;
    s = submitAnswer(trace, s, String(q.expected + 1));
    expect(s.missed).toEqual([{ question: q, answer: q.expected + 1 }]);
    s = continueQuiz(trace, s);
    // A right answer adds nothing; a new quiz starts with nothing missed.
    const next = currentQuestion(trace, s)!;
    s = submitAnswer(trace, s, String(next.expected));
    expect(s.missed.length).toBe(1);
    expect(startQuiz(trace, s.score).missed).toEqual([]);
  });
});
