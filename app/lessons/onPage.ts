// Whether the playground still shows a lesson page's state. The learner may change anything
// while reading; the page then says its numbers are about its own example and offers to show it
// again, instead of silently disagreeing with the screen.
import type { AppState } from '../store/store.ts';
import type { PageState } from './resolve.ts';

type Shown = Pick<AppState, 'source' | 'mode' | 'step' | 'method' | 'h' | 'seed'> & {
  derived: Pick<AppState['derived'], 'point' | 'stale'>;
};

export function showsPage(s: Shown, page: PageState): boolean {
  if (s.source !== page.formula || s.derived.stale || s.mode !== page.mode || s.step !== page.step) return false;
  if (s.method !== page.method || s.h !== page.h) return false;
  if (page.mode === 'forward' && !(s.seed.kind === 'variable' && s.seed.name === page.seed)) return false;
  return Object.entries(page.point).every(([name, v]) => s.derived.point[name] === v);
}
