// The app's single store instances and the React hooks that read them.
import { useStore } from 'zustand';
import { createAppStore, type AppState } from './store.ts';
import { createWorkStore, type WorkState } from './workStore.ts';

export const appStore = createAppStore();

/** Local storage, or nothing where even touching it throws (a sandboxed iframe, say). */
function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export const workStore = createWorkStore(appStore, browserStorage());

/** Select one piece of state; return existing references (not fresh objects) from the selector. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

export function useWork<T>(selector: (s: WorkState) => T): T {
  return useStore(workStore, selector);
}
