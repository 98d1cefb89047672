// The learner's own view settings: theme, text size, focus mode and the drawer's height. Theme and
// text size are remembered on this device (localStorage); nothing here is part of a shared link.
// A store of its own: none of it changes what is computed, only how it is shown.
import { createStore } from 'zustand/vanilla';

export type Theme = 'system' | 'light' | 'dark';

/** Text sizes offered by A− / A+, as multiples of the normal size (16 px body text). */
export const TEXT_SCALES = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2] as const;
export const STORAGE_KEY = 'autodiff-playground:view';

/** The drawer's height when dragged or moved by keyboard, in CSS px. */
export const DRAWER_MIN = 120;
export const DRAWER_STEP = 24;

export interface Prefs {
  theme: Theme;
  textScale: number;
}

export interface ViewPrefs extends Prefs {
  focus: boolean;
  /** The drawer's height chosen by the learner; null: the layout's default. */
  drawerHeight: number | null;
  setTheme(theme: Theme): void;
  /** One step larger (+1) or smaller (−1) on TEXT_SCALES. */
  stepTextScale(direction: 1 | -1): void;
  setFocus(on: boolean): void;
  setDrawerHeight(px: number | null): void;
}

export const DEFAULT_PREFS: Prefs = { theme: 'system', textScale: 1 };

/** Remembered settings, validated: anything unexpected (hand-edited, an older version) is ignored. */
export function parsePrefs(text: string | null): Prefs {
  if (!text) return { ...DEFAULT_PREFS };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_PREFS };
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_PREFS };
  const r = raw as Record<string, unknown>;
  const theme = r.theme === 'light' || r.theme === 'dark' ? r.theme : 'system';
  const textScale = TEXT_SCALES.find((s) => s === r.textScale) ?? 1;
  return { theme, textScale };
}

export function nextTextScale(current: number, direction: 1 | -1): number {
  const i = TEXT_SCALES.findIndex((s) => s >= current - 1e-9);
  const at = i < 0 ? TEXT_SCALES.length - 1 : i;
  const j = Math.min(TEXT_SCALES.length - 1, Math.max(0, at + direction));
  return TEXT_SCALES[j] ?? 1;
}

/** The drawer height a key means, or null when the key is not one of the separator's. */
export function drawerHeightForKey(key: string, current: number, max: number): number | null {
  const clamp = (h: number) =>
    Math.round(Math.min(Math.max(DRAWER_MIN, max), Math.max(DRAWER_MIN, h)));
  switch (key) {
    case 'ArrowUp':
      return clamp(current + DRAWER_STEP);
    case 'ArrowDown':
      return clamp(current - DRAWER_STEP);
    case 'PageUp':
      return clamp(current + 4 * DRAWER_STEP);
    case 'PageDown':
      return clamp(current - 4 * DRAWER_STEP);
    case 'Home':
      return clamp(DRAWER_MIN);
    case 'End':
      return clamp(max);
    default:
      return null;
  }
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): settings last for the visit
  }
}

export function createViewPrefs(store: StorageLike | null = storage()) {
  let initial = { ...DEFAULT_PREFS };
  try {
    initial = parsePrefs(store?.getItem(STORAGE_KEY) ?? null);
  } catch {
    // unreadable storage: defaults
  }
  const remember = (p: Prefs) => {
    try {
      store?.setItem(STORAGE_KEY, JSON.stringify({ theme: p.theme, textScale: p.textScale }));
    } catch {
      // full or blocked: the setting still applies for this visit
    }
  };
  return createStore<ViewPrefs>()((set, get) => ({
    ...initial,
    focus: false,
    drawerHeight: null,
    setTheme: (theme) => {
      set({ theme });
      remember(get());
    },
    stepTextScale: (direction) => {
      set({ textScale: nextTextScale(get().textScale, direction) });
      remember(get());
    },
    setFocus: (on) => set({ focus: on }),
    setDrawerHeight: (px) =>
      set({ drawerHeight: px === null ? null : Math.max(DRAWER_MIN, Math.round(px)) }),
  }));
}

export type ViewPrefsStore = ReturnType<typeof createViewPrefs>;
