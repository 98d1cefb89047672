import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { appStore, useApp } from '../store/appStore.ts';
import { explainStep } from '../../ad-core/index.ts';
import { displayStore, type DisplayState } from '../layout/display.ts';
import { takesLetters } from '../layout/keys.ts';
import { clickerCommand } from './keys.ts';

export function useDisplay<T>(selector: (s: DisplayState) => T): T {
  return useStore(displayStore, selector);
}

/** PageDown / PageUp step the animation while presenting (a clicker's keys). */
function useClickerKeys(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target instanceof HTMLElement ? e.target : null;
      const command = clickerCommand({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        defaultPrevented: e.defaultPrevented,
        targetTakesKey:
          t !== null &&
          (takesLetters({
            tagName: t.tagName,
            type: t instanceof HTMLInputElement ? t.type : undefined,
            isContentEditable: t.isContentEditable,
          }) ||
            (t instanceof HTMLInputElement && t.type === 'range')),
      });
      if (!command) return;
      e.preventDefault();
      if (command === 'step-forward') appStore.getState().stepForward();
      else appStore.getState().stepBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on]);
}

/** While presenting: the header's switch that shows the side columns, and the clicker's keys. */
export function PresentControls() {
  const present = useDisplay((s) => s.present);
  const sides = useDisplay((s) => s.presentSides);
  useClickerKeys(present);
  if (!present) return null;
  return (
    <button
      type="button"
      aria-pressed={sides}
      onClick={() => displayStore.getState().setPresentSides(!sides)}
    >
      Side panels
    </button>
  );
}

/** The `Present` switch (in the View menu). */
export function PresentToggle() {
  const present = useDisplay((s) => s.present);
  const { setPresent } = displayStore.getState();
  return (
    <button
      type="button"
      aria-pressed={present}
      title="Presenter mode: large text, the step's explanation under the graph, PageUp/PageDown step"
      onClick={() => setPresent(!present)}
    >
      Present
    </button>
  );
}

/** Presenter mode's caption under the graph: what the current step does, in words. */
export function PresenterCaption() {
  const present = useDisplay((s) => s.present);
  const trace = useApp((s) => s.derived.trace);
  const step = useApp((s) => s.step);
  const explanation = useMemo(
    () => (present && trace ? explainStep(trace, step) : null),
    [present, trace, step],
  );
  if (!present || !trace || !explanation) return null;
  const k = step;
  const n = trace.steps.length;
  return (
    <div className="present-caption" role="region" aria-label="Step caption">
      <p className="present-caption-title" aria-live="polite">
        <span className="step-tag">
          Step {k} of {n}
        </span>{' '}
        {explanation.title}
      </p>
      {explanation.lines.slice(0, 2).map((line, i) => (
        <p key={i} className="present-caption-line">
          {line}
        </p>
      ))}
    </div>
  );
}
