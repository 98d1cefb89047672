import { quizStore, useQuiz } from './quiz.ts';

export function QuizSwitch() {
  const on = useQuiz((s) => s.on);
  return (
    <label className="toggle quiz-switch">
      <input type="checkbox" role="switch" checked={on} onChange={(e) => quizStore.getState().setOn(e.target.checked)} />
      Quiz mode
    </label>
  );
}
