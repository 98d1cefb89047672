import { useEffect } from 'react';
import { trainingActions, useTraining } from '../store/training.ts';

/** Milliseconds of training per animation frame: the rest of the frame draws. */
const BUDGET_MS = 10;

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
    const onFrame = () => {
      if (perFrame !== null) {
        // A pace to watch: a fixed number of steps per frame.
        trainingActions.stepsQuiet(perFrame);
        trainingActions.publishFrame();
        frame = requestAnimationFrame(onFrame);
        return;
      }
      const start = performance.now();
      let elapsed = 0;
      while (elapsed < BUDGET_MS) {
        trainingActions.stepsQuiet(chunk);
        elapsed = performance.now() - start;
        // Grow the chunk while steps are cheap, so the clock is read rarely.
        if (elapsed < BUDGET_MS / 4) chunk = Math.min(chunk * 2, 4096);
      }
      trainingActions.publishFrame();
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [running, perFrame]);
}
