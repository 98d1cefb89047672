// Drives `advanceMismatches` from timers while the bug lab shows a planted bug: one slice per
// macrotask, so input events and frames run between slices; a new pass, method or step abandons
// the old run.
import { useEffect, useState } from 'react';
import type { BugView } from '../store/bugs.ts';
import { SLICE_MS } from '../store/useCheckProgress.ts';
import {
  advanceMismatches,
  mismatchProgress,
  type CheckSettings,
  type MismatchProgress,
} from './bugMismatches.ts';

export function useBugMismatches(
  view: BugView | null,
  settings: CheckSettings,
): MismatchProgress | null {
  const [, setVersion] = useState(0);
  const progress = view ? mismatchProgress(view, settings) : null;
  const done = progress?.done ?? true;
  const { point, method, h } = settings;
  useEffect(() => {
    if (done || !view) return undefined;
    let timer = 0;
    const run = () => {
      const next = advanceMismatches(view, { point, method, h }, SLICE_MS);
      setVersion((v) => v + 1);
      if (!next.done) timer = window.setTimeout(run, 0);
    };
    timer = window.setTimeout(run, 0);
    return () => window.clearTimeout(timer);
  }, [view, point, method, h, done]);
  return progress;
}
