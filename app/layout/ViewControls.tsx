import { useEffect, useId, type ReactNode } from 'react';
import { viewCommand } from './keys.ts';
import { TEXT_SCALES } from './prefs.ts';
import { useDarkNow, useView, viewPrefs } from './viewStore.ts';

/** F toggles focus mode anywhere on the page except where the learner is typing. */
function useViewKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target instanceof HTMLElement ? e.target : null;
      const command = viewCommand({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        defaultPrevented: e.defaultPrevented,
        target: t
          ? {
              tagName: t.tagName,
              type: t instanceof HTMLInputElement ? t.type : undefined,
              isContentEditable: t.isContentEditable,
            }
          : null,
      });
      if (command !== 'toggle-focus') return;
      e.preventDefault();
      viewPrefs.getState().setFocus(!viewPrefs.getState().focus);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Focus mode (a button of its own, and F), and a View menu with the rest of how the page is shown:
 * `extra` (the ∂-on-edges switch and the like), text size and theme. None of it changes what the
 * page computes.
 */
export function ViewControls({ children }: { children?: ReactNode }) {
  useViewKeys();
  const focus = useView((s) => s.focus);
  const scale = useView((s) => s.textScale);
  const dark = useDarkNow();
  const menuId = useId();
  const { setFocus, stepTextScale, setTheme } = viewPrefs.getState();
  const percent = `${Math.round(scale * 100)} %`;
  return (
    <div className="view-controls">
      <button
        type="button"
        aria-pressed={focus}
        title="Focus: the graph takes the whole width (F)"
        onClick={() => setFocus(!focus)}
      >
        Focus
      </button>
      <button type="button" popoverTarget={menuId} className="menu-button">
        View <span aria-hidden="true">▾</span>
      </button>
      <div id={menuId} popover="auto" className="view-menu" role="group" aria-label="View">
        {children}
        <div className="text-size" role="group" aria-label="Text size">
          <span className="text-size-label">Text size</span>
          <button
            type="button"
            aria-label="Smaller text"
            disabled={scale <= TEXT_SCALES[0]}
            onClick={() => stepTextScale(-1)}
          >
            A−
          </button>
          <output className="num" aria-live="polite">
            {percent}
          </output>
          <button
            type="button"
            aria-label="Larger text"
            disabled={scale >= TEXT_SCALES[TEXT_SCALES.length - 1]!}
            onClick={() => stepTextScale(1)}
          >
            A+
          </button>
        </div>
        <button type="button" aria-pressed={dark} onClick={() => setTheme(dark ? 'light' : 'dark')}>
          Dark theme
        </button>
      </div>
    </div>
  );
}
