// The app's one instance of the view settings, the hook that reads them, and what applies them to
// the page (theme and text size live on <html>, so every part of the page, the graph included,
// follows them).
import { useEffect, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { createViewPrefs, type ViewPrefs } from './prefs.ts';

export const viewPrefs = createViewPrefs();

export function useView<T>(selector: (s: ViewPrefs) => T): T {
  return useStore(viewPrefs, selector);
}

/**
 * The graph's magnification: the learner's text size. (Presenter mode enlarges the page's text;
 * its graph already gains the side columns' width, and is fitted whole rather than cut off.)
 */
export function useGraphTextScale(): number {
  return useView((s) => s.textScale);
}

export function applyToDocument(
  root: HTMLElement,
  s: Pick<ViewPrefs, 'theme' | 'textScale'>,
): void {
  if (s.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = s.theme;
  root.style.setProperty('--text-scale', String(s.textScale));
}

/** Keep <html> in step with the settings while the app is mounted. */
export function useApplyViewPrefs(): void {
  useEffect(() => {
    const root = document.documentElement;
    applyToDocument(root, viewPrefs.getState());
    return viewPrefs.subscribe((s) => applyToDocument(root, s));
  }, []);
}

/** Whether the page is drawn dark now: the learner's choice, else the system's. */
export function useDarkNow(): boolean {
  const theme = useView((s) => s.theme);
  const systemDark = useSystemDark();
  return theme === 'dark' || (theme === 'system' && systemDark);
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeSystemDark(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const list = matchMedia(DARK_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

function useSystemDark(): boolean {
  return useSyncExternalStore(
    subscribeSystemDark,
    () => typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches,
    () => false,
  );
}
