// The app's single store instance and the React hook that reads it.
import { useStore } from 'zustand';
import { createAppStore, type AppState } from './store.ts';

export const appStore = createAppStore();

/** Select one piece of state; return existing references (not fresh objects) from the selector. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
