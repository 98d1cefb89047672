// Connects the playground in an <iframe> to the page around it (see messages.ts for the API).
import { appStore } from '../store/appStore.ts';
import { quizStore } from '../quiz/quiz.ts';
import { hostOrigin, parseHostMessage, quizAnswerEvent, stepEvent } from './messages.ts';

/** Start listening to the host page, if there is one; returns the function that stops it. */
export function startEmbedBridge(win: Window): () => void {
  if (win.parent === win) return () => undefined;
  const origin = hostOrigin(win.document.referrer, win.location.origin);
  const post = (message: object) => win.parent.postMessage(message, origin);

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent || event.origin !== origin) return;
    const parsed = parseHostMessage(event.data);
    if (!parsed.ok) return;
    const { formula, point, step } = parsed.message;
    const app = appStore.getState();
    if (formula !== undefined) app.setSource(formula);
    if (point)
      for (const name of Object.keys(point)) appStore.getState().setVariable(name, point[name]!);
    if (step !== undefined) appStore.getState().seek(step);
  };
  win.addEventListener('message', onMessage);

  const total = () => appStore.getState().derived.trace?.steps.length ?? 0;
  post(stepEvent(appStore.getState().step, total()));
  const stopSteps = appStore.subscribe((s, prev) => {
    if (s.step !== prev.step || s.derived.trace !== prev.derived.trace)
      post(stepEvent(s.step, total()));
  });
  const stopQuiz = quizStore.subscribe((s, prev) => {
    if (s.score.answered > prev.score.answered)
      post(quizAnswerEvent(s.score.correct > prev.score.correct, s.score));
  });
  return () => {
    win.removeEventListener('message', onMessage);
    stopSteps();
    stopQuiz();
  };
}
