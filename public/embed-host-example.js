// The host side of the playground's postMessage API (README, "Embedding").
const frame = document.getElementById('playground');
const log = document.getElementById('log');
// Messages go to, and are accepted from, the playground's origin only.
const playgroundOrigin = new URL(frame.src, window.location.href).origin;

function send(message) {
  frame.contentWindow.postMessage(message, playgroundOrigin);
}

document.getElementById('neuron').addEventListener('click', () =>
  send({ type: 'autodiff:set', formula: 'sigmoid(w1*x1 + w2*x2 + b)', point: { w1: 0.5, x1: 1, w2: -1, x2: 2, b: 0.1 } }),
);
document.getElementById('step3').addEventListener('click', () => send({ type: 'autodiff:set', step: 3 }));
document.getElementById('point').addEventListener('click', () => send({ type: 'autodiff:set', point: { x: 0.5 } }));

window.addEventListener('message', (event) => {
  if (event.origin !== playgroundOrigin || event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || typeof data.type !== 'string' || !data.type.startsWith('autodiff:')) return;
  const line = document.createElement('div');
  // textContent, never innerHTML: even a trusted frame's data is only shown as text.
  line.textContent =
    data.type === 'autodiff:step'
      ? `step ${Number(data.step)} of ${Number(data.total)}`
      : `quiz answer: ${data.correct ? 'right' : 'wrong'} (score ${Number(data.score?.correct)}/${Number(data.score?.answered)})`;
  log.prepend(line);
  while (log.childElementCount > 8) log.lastElementChild.remove();
});
