// Printing from a button: the trace table is only rendered while its drawer tab is open, so the
// button opens it, waits for it, prints, and puts the page back as it was.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { appStore } from '../store/appStore.ts';
import { AnswerKey } from './AnswerKey.tsx';
import { answerKeyFor, PRINT_ATTRIBUTE, type PrintMode } from './worksheet.ts';

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
  const before = { tab: state.drawerTab, open: state.drawerOpen };
  state.openDrawerTab('trace');

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
    keyRoot?.unmount();
    keyHost?.remove();
    const s = appStore.getState();
    if (before.tab !== 'trace') s.openDrawerTab(before.tab);
    s.setDrawerOpen(before.open);
  };
  win.addEventListener('afterprint', reset, { once: true });

  await whenTableShown(win);
  win.print();
}
