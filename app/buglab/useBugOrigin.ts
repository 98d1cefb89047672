// Where the buggy pass departs from the correct one, for the views that mark it (graph node, trace
// row). Hidden while the bug is the `Find the bug` challenge's secret.
import { useApp } from '../store/appStore.ts';
import { bugOriginAt } from '../store/bugs.ts';
import './buglab.css';

/** The node marked as the bug's origin at the current step, or null. */
export function useBugOrigin(): number | null {
  return useApp((s) => (s.bugSecret ? null : bugOriginAt(s.derived.bugView, s.step)));
}

/** Whether node `id` is the bug's origin (one boolean per node, so only two nodes re-render). */
export function useIsBugOrigin(id: number): boolean {
  return useApp((s) => !s.bugSecret && bugOriginAt(s.derived.bugView, s.step) === id);
}
