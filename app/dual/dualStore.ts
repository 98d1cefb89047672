// Whether forward mode is written as dual numbers a + bε: a view setting in its own small store,
// read by the graph's labels and the step explanation.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface DualState {
  on: boolean;
  setOn(on: boolean): void;
}

export const dualStore = createStore<DualState>()((set) => ({
  on: false,
  setOn: (on) => set({ on }),
}));

export function useDual<T>(selector: (s: DualState) => T): T {
  return useStore(dualStore, selector);
}
