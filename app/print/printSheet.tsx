// Printing from a button: the trace table is only rendered while its drawer tab is open, so the
// button opens it, waits for it, prints, and puts the page back as it was.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { appStore } from '../store/appStore.ts';
import { AnswerKey } from './AnswerKey.tsx';
import { captureGraph, printGraphStore, releaseGraph } from './printGraph.ts';
import {
  answerKeyFor,
  PRINT_ATTRIBUTE,
  PRINT_CAPTION_PROPERTY,
  printedStepCaption,
  type PrintMode,
} from './worksheet.ts';

const TABLE = '.drawer .teach-trace table';
// The table's panel is fetched on first use; give up waiting (and print without it) after this.
const MAX_FRAMES = 300;

function whenTableShown(win: Window): Promise<void> {
  return new Promise((resolve) => {
    let frames = 0;
    const look = () => {
      if (win.document.querySelector(TABLE) || ++frames > MAX_FRAMES) resolve();
      else win.requestAnimationFrame(look);
    };
    look();
  });
}

/** Print the formula, graph and trace table; a worksheet blanks the numbers and adds the key. */
export async function printSheet(mode: PrintMode, win: Window = window): Promise<void> {
  const doc = win.document;
  const state = appStore.getState();
  const before = {
    tab: state.drawerTab,
    open: state.drawerOpen,
    step: state.step,
    source: state.source,
  };
  state.openDrawerTab('trace');
  // Paper shows the whole pass, not the step the player happens to be on (during a quiz: as far
  // as the quiz has got), and says which step that is under the graph.
  state.pause();
  state.goToEnd();
  const shown = appStore.getState();
  doc.documentElement.style.setProperty(
    PRINT_CAPTION_PROPERTY,
    JSON.stringify(
      printedStepCaption(shown.step, shown.derived.trace?.steps.length ?? 0, shown.mode),
    ),
  );

  let keyRoot: ReturnType<typeof createRoot> | null = null;
  let keyHost: HTMLElement | null = null;
  const trace = state.derived.trace;
  if (mode === 'worksheet' && trace) {
    keyHost = doc.createElement('div');
    keyHost.className = 'print-answer-key-host';
    doc.body.append(keyHost);
    const root = createRoot(keyHost);
    keyRoot = root;
    flushSync(() =>
      root.render(
        <AnswerKey formula={state.source} answers={answerKeyFor(trace, state.stepLimit)} />,
      ),
    );
  }
  doc.documentElement.setAttribute(PRINT_ATTRIBUTE, mode);

  const reset = () => {
    doc.documentElement.removeAttribute(PRINT_ATTRIBUTE);
    doc.documentElement.style.removeProperty(PRINT_CAPTION_PROPERTY);
    keyRoot?.unmount();
    keyHost?.remove();
    releaseGraph();
    const s = appStore.getState();
    if (before.tab !== 'trace') s.openDrawerTab(before.tab);
    s.setDrawerOpen(before.open);
    // Back to the learner's step (unless the formula changed meanwhile: then it is a new trace).
    if (s.source === before.source) s.seek(before.step);
  };
  win.addEventListener('afterprint', reset, { once: true });

  await whenTableShown(win);
  // The last frame is drawn by now (the table waited for it); a frame more lets it settle.
  await new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve()));
  const picture = captureGraph(mode, doc);
  if (picture) {
    flushSync(() => printGraphStore.setState(picture));
    await doc
      .querySelector<HTMLImageElement>('img.print-graph')
      ?.decode()
      .catch(() => undefined);
  }
  win.print();
}
