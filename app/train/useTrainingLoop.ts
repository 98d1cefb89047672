import { useEffect } from 'react';
import { trainingActions, useTraining } from '../store/training.ts';

/** Least and most milliseconds of training per animation frame. */
const MIN_BUDGET_MS = 10;
const MAX_BUDGET_MS = 32;

/**
 * The next frame's training budget: twice what the rest of the last frame took (drawing the plots
 * and the graph), within [MIN, MAX]. Training gets about two thirds of every frame, so a page that
 * draws slowly still trains quickly, and frames stay under ~50 ms while the drawing fits in 16.
 */
export function nextBudget(otherMs: number): number {
  if (!Number.isFinite(otherMs) || otherMs < 0) return MIN_BUDGET_MS;
  return Math.min(MAX_BUDGET_MS, Math.max(MIN_BUDGET_MS, 2 * otherMs));
}

/**
 * While `running`, trains in requestAnimationFrame batches: the chosen number of steps per frame,
 * or as many as fit in the frame's budget (measured as it goes); then one update of the plots,
 * never one per step.
 */
export function useTrainingLoop(): void {
  const running = useTraining((s) => s.running);
  const perFrame = useTraining((s) => s.stepsPerFrame);
  useEffect(() => {
    if (!running) return;
    let frame = 0;
    let chunk = 1;
    let trainedUntil = NaN;
    let lastStart = NaN;
    const onFrame = () => {
      if (perFrame !== null) {
        // A pace to watch: a fixed number of steps per frame.
        trainingActions.stepsQuiet(perFrame);
        trainingActions.publishFrame();
        frame = requestAnimationFrame(onFrame);
        return;
      }
      const start = performance.now();
      const budget = nextBudget(start - trainedUntil);
      const frameMs = start - lastStart;
      lastStart = start;
      let elapsed = 0;
      while (elapsed < budget) {
        const before = performance.now();
        trainingActions.stepsQuiet(chunk);
        const now = performance.now();
        elapsed = now - start;
        // Grow the chunk while steps are cheap, so the clock is read rarely; shrink it when one
        // chunk alone would overrun the budget (a loaded machine, a bigger model).
        if (now - before < budget / 8) chunk = Math.min(chunk * 2, 4096);
        else if (now - before > budget / 2 && chunk > 1) chunk = Math.max(1, chunk >> 1);
        if (!trainingActions.isRunning()) break;
      }
      trainingActions.publishFrame(frameMs);
      trainedUntil = performance.now();
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [running, perFrame]);
}
