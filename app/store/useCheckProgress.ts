// Drives `advanceChecks` from timers while the panel is on screen: one slice per macrotask, so
// input events and frames run between slices. A new formula, point, method or step abandons the
// old run (the effect is cleaned up) and starts the new one.
import { useEffect, useRef, useState } from 'react';
import { advanceChecks, checkProgress, type CheckProgress } from './lazyChecks.ts';
import type { Derived } from './derive.ts';

/** One slice of checking: well under the 100 ms that makes a page feel stuck. */
export const SLICE_MS = 25;

/** `wanted`: variable indices whose rows are computed first (what a find box is showing). */
export function useCheckProgress(derived: Derived, wanted: readonly number[] = []): CheckProgress {
  const [, setVersion] = useState(0);
  const wantedNow = useRef(wanted);
  useEffect(() => {
    wantedNow.current = wanted;
  });
  const progress = checkProgress(derived);
  const done = progress.done;
  useEffect(() => {
    if (done) return undefined;
    let timer = 0;
    const run = () => {
      const next = advanceChecks(derived, SLICE_MS, undefined, wantedNow.current);
      setVersion((v) => v + 1);
      if (!next.done) timer = window.setTimeout(run, 0);
    };
    timer = window.setTimeout(run, 0);
    return () => window.clearTimeout(timer);
  }, [derived, done]);
  return progress;
}
