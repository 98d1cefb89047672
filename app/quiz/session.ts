// The quiz as a pure state machine over a trace. `frontier` is how many steps have been revealed
// (the player may not go past it); the question waiting is part `part` of step frontier + 1.
// A right answer moves on; a wrong one shows the step's worked computation and waits for
// Continue. Each question is scored once. Steps that ask nothing are revealed on the way.
import type { Trace } from '../../ad-core/index.ts';
import { grade } from './grade.ts';
import { givenReason, questionsFor, type Question } from './questions.ts';

export type Feedback =
  | { kind: 'right'; question: Question; answer: number }
  | { kind: 'wrong'; question: Question; answer: number }
  | { kind: 'unreadable'; reason: string };

export interface Score {
  correct: number;
  answered: number;
}

export interface QuizSession {
  frontier: number;
  part: number;
  score: Score;
  feedback: Feedback | null;
  /** A wrong answer is on show: Continue (not Check) is next. */
  awaitingContinue: boolean;
  /** Steps revealed without a question since the last answer, with why. */
  given: string[];
  /** The questions answered wrongly on this formula, with the answers given (for the summary). */
  missed: { question: Question; answer: number }[];
}

export const NO_SCORE: Score = { correct: 0, answered: 0 };

/** Reveal steps from `from` on while they ask nothing; returns the new frontier and why. */
function revealGiven(trace: Trace, from: number): { frontier: number; given: string[] } {
  let frontier = from;
  const given: string[] = [];
  while (frontier < trace.steps.length && questionsFor(trace, frontier + 1).length === 0) {
    given.push(givenReason(trace, frontier + 1));
    frontier++;
  }
  return { frontier, given };
}

/** A fresh quiz on `trace`, keeping the session's score. */
export function startQuiz(trace: Trace, score: Score = NO_SCORE): QuizSession {
  const { frontier, given } = revealGiven(trace, 0);
  return { frontier, part: 0, score, feedback: null, awaitingContinue: false, given, missed: [] };
}

export function isFinished(trace: Trace, s: QuizSession): boolean {
  return s.frontier >= trace.steps.length;
}

/** The question waiting for an answer, or null when the quiz is finished. */
export function currentQuestion(trace: Trace, s: QuizSession): Question | null {
  return questionsFor(trace, s.frontier + 1)[s.part] ?? null;
}

/** After the current question: the next part of the same step, or the next step. */
function moveOn(trace: Trace, s: QuizSession, feedback: Feedback | null): QuizSession {
  const parts = questionsFor(trace, s.frontier + 1).length;
  if (s.part + 1 < parts) return { ...s, part: s.part + 1, feedback, awaitingContinue: false, given: [] };
  const { frontier, given } = revealGiven(trace, s.frontier + 1);
  return { ...s, frontier, part: 0, feedback, awaitingContinue: false, given };
}

export function submitAnswer(trace: Trace, s: QuizSession, raw: string): QuizSession {
  const question = currentQuestion(trace, s);
  if (!question || s.awaitingContinue) return s;
  const g = grade(raw, question.expected);
  if (g.kind === 'unreadable') return { ...s, feedback: { kind: 'unreadable', reason: g.reason } };
  if (g.kind === 'right') {
    const score = { correct: s.score.correct + 1, answered: s.score.answered + 1 };
    return moveOn(trace, { ...s, score }, { kind: 'right', question, answer: g.value });
  }
  return {
    ...s,
    score: { correct: s.score.correct, answered: s.score.answered + 1 },
    feedback: { kind: 'wrong', question, answer: g.value },
    awaitingContinue: true,
    missed: [...s.missed, { question, answer: g.value }],
    given: [],
  };
}

/** After a wrong answer has been read: reveal and go on (the feedback stays until the next answer). */
export function continueQuiz(trace: Trace, s: QuizSession): QuizSession {
  if (!s.awaitingContinue) return s;
  return moveOn(trace, s, s.feedback);
}
