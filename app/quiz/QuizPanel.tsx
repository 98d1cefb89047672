import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { dataNumber, explainStep, formatNumber, type Trace } from '../../ad-core/index.ts';
import { useApp } from '../store/appStore.ts';
import { FollowedOutputLine } from '../panels/JacobianOutputChoice.tsx';
import { quizStore, useQuiz } from './quiz.ts';
import { feedbackLead, questionsFor, workedLines, type Question } from './questions.ts';
import { currentQuestion, isFinished, type Feedback, type QuizSession } from './session.ts';
import './quiz.css';

/** The worked computation of the step a wrong answer was about. */
function WorkedStep({ trace, question }: { trace: Trace; question: Question }) {
  const e = useMemo(() => explainStep(trace, question.step), [trace, question.step]);
  return (
    <div className="quiz-worked">
      <p className="quiz-worked-title">
        Step {question.step}: {e.title}
      </p>
      {workedLines(e.lines, question).map((line, i) => (
        <p key={i} className="quiz-worked-line">
          {line}
        </p>
      ))}
      {e.convention && (
        <p className="convention">
          <span aria-hidden="true">§ </span>
          <strong>Convention:</strong> {e.convention}
        </p>
      )}
    </div>
  );
}

function FeedbackView({ trace, feedback }: { trace: Trace; feedback: Feedback }) {
  if (feedback.kind === 'unreadable') {
    return (
      <div className="quiz-feedback quiz-unreadable" data-testid="quiz-feedback" data-result="unreadable" role="status">
        {feedback.reason}
      </div>
    );
  }
  const { question, answer } = feedback;
  const expected = (
    <span className="num" data-expected={dataNumber(question.expected)}>
      {formatNumber(question.expected)}
    </span>
  );
  if (feedback.kind === 'right') {
    return (
      <div className="quiz-feedback quiz-right" data-testid="quiz-feedback" data-result="right" role="status">
        <span aria-hidden="true">✓ </span>Right: {question.symbol} = {expected}.
      </div>
    );
  }
  const lead = feedbackLead(trace, question);
  return (
    <div className="quiz-feedback quiz-wrong" data-testid="quiz-feedback" data-result="wrong" role="status">
      <p>
        <span aria-hidden="true">✕ </span>
        <strong>Not quite.</strong> You wrote {formatNumber(answer)}; {question.symbol} = {expected}.
      </p>
      {lead.local.length > 0 && (
        <p className="quiz-local" data-testid="quiz-local-derivative">
          Local derivative: {lead.local.join('; ')}
        </p>
      )}
      <p>{lead.intro}</p>
      <WorkedStep trace={trace} question={question} />
    </div>
  );
}

/** The end of the quiz on this formula: how it went, and each question missed, worked out. */
function QuizSummary({ trace, missed }: { trace: Trace; missed: QuizSession['missed'] }) {
  const asked = useMemo(() => {
    let n = 0;
    for (let k = 1; k <= trace.steps.length; k++) n += questionsFor(trace, k).length;
    return n;
  }, [trace]);
  const right = asked - new Set(missed.map((m) => `${m.question.step}:${m.question.node}:${m.question.quantity}`)).size;
  return (
    <div className="quiz-done" data-testid="quiz-done" data-right={right} data-asked={asked}>
      <p>
        <strong>Quiz finished:</strong> all {trace.steps.length} steps revealed; {right} of {asked}{' '}
        {asked === 1 ? 'question' : 'questions'} right the first time.
      </p>
      {missed.length === 0 ? (
        <p>Nothing missed. Change the formula, a variable or the mode to be quizzed again.</p>
      ) : (
        <>
          <p>What was missed, worked out:</p>
          <ol className="quiz-missed">
            {missed.map((m, i) => (
              <li key={i} data-testid="quiz-missed" data-step={m.question.step}>
                <p>
                  {m.question.symbol}: you wrote {formatNumber(m.answer)}; it is{' '}
                  <span className="num">{formatNumber(m.question.expected)}</span>.
                </p>
                <WorkedStep trace={trace} question={m.question} />
              </li>
            ))}
          </ol>
          <p>Restart the quiz to try again, or change the formula, a variable or the mode.</p>
        </>
      )}
    </div>
  );
}

export function QuizPanel() {
  const on = useQuiz((s) => s.on);
  const trace = useQuiz((s) => s.trace);
  const session = useQuiz((s) => s.session);
  const score = useQuiz((s) => s.score);
  const step = useApp((s) => s.step);
  const [answer, setAnswer] = useState('');
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const awaiting = session?.awaitingContinue ?? false;

  // While questions remain, panels that would give the answers away (the output, the gradient
  // check) are hidden by quiz.css, keyed on this attribute.
  const hideAnswers = on && trace !== null && session !== null && !isFinished(trace, session);
  useEffect(() => {
    const root = document.documentElement;
    if (hideAnswers) root.dataset.quiz = 'on';
    else delete root.dataset.quiz;
    return () => {
      delete root.dataset.quiz;
    };
  }, [hideAnswers]);

  // Keep the keyboard where the next action is: Continue after a wrong answer, the box otherwise.
  useEffect(() => {
    if (!on) return;
    if (awaiting) continueRef.current?.focus();
    else if (document.activeElement === document.body) inputRef.current?.focus();
  }, [on, awaiting]);

  if (!on) return null;
  const { submit, proceed, backToQuestion, setOn } = quizStore.getState();
  const question = trace && session ? currentQuestion(trace, session) : null;
  const finished = trace && session ? isFinished(trace, session) : false;
  const reviewing = session !== null && step < session.frontier;

  return (
    <section className="quiz-panel" aria-label="Quiz">
      <div className="quiz-top">
        <h2>Quiz</h2>
        <span className="quiz-score num" data-testid="quiz-score" data-correct={score.correct} data-answered={score.answered}>
          {score.correct} / {score.answered} correct
        </span>
        <button type="button" className="quiz-off" onClick={() => quizStore.getState().restart(true)}>
          Restart quiz
        </button>
        <button type="button" className="quiz-off" onClick={() => setOn(false)}>
          Stop quiz
        </button>
      </div>
      <FollowedOutputLine />
      {!trace || !session ? (
        <p className="note">Type a valid formula to be quizzed on it.</p>
      ) : (
        <>
          {session.given.length > 0 && (
            <p className="quiz-given">
              <strong>Given:</strong> {session.given.join(' ')}
            </p>
          )}
          {finished ? (
            <QuizSummary trace={trace} missed={session.missed} />
          ) : reviewing ? (
            <p className="quiz-review">
              You are looking back at step {step}. The question is about step {session.frontier + 1}.{' '}
              <button type="button" onClick={backToQuestion}>
                Back to the question
              </button>
            </p>
          ) : question && !awaiting ? (
            <form
              className="quiz-form"
              onSubmit={(e) => {
                e.preventDefault();
                submit(answer);
                setAnswer('');
                inputRef.current?.focus();
              }}
            >
              <p className="quiz-question" data-testid="quiz-question" data-step={question.step} data-node-id={question.node} data-quantity={question.quantity}>
                <span className="quiz-step">Step {question.step}:</span> {question.prompt}?
              </p>
              <p className="quiz-hint">{question.hint}</p>
              <div className="quiz-answer">
                <label htmlFor={inputId}>Your answer</label>
                <input
                  id={inputId}
                  ref={inputRef}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  value={answer}
                  onChange={(e) => setAnswer(e.target.value)}
                />
                <button type="submit" className="primary">
                  Check
                </button>
              </div>
              <p className="quiz-rules">3 significant digits are enough; write NaN or ∞ (inf) where they occur.</p>
            </form>
          ) : null}
          {session.feedback && <FeedbackView trace={trace} feedback={session.feedback} />}
          {awaiting && (
            <button
              type="button"
              ref={continueRef}
              className="primary quiz-continue"
              onClick={proceed}
            >
              Continue
            </button>
          )}
        </>
      )}
    </section>
  );
}
