// Pure rules of the player, shared by buttons, keys, the timeline and the play timer.

export function clampStep(step: number, total: number): number {
  if (Number.isNaN(step)) return 0;
  return Math.min(Math.max(0, Math.round(step)), Math.max(0, total));
}

export function nextStep(step: number, total: number): number {
  return clampStep(step + 1, total);
}

export function previousStep(step: number, total: number): number {
  return clampStep(step - 1, total);
}

/** Pressing Play at the end starts over, as every media player does. */
export function playStartStep(step: number, total: number): number {
  return step >= total ? 0 : step;
}

/** One timer tick: advance, and stop playing on reaching the end. */
export function tickStep(step: number, total: number): { step: number; playing: boolean } {
  const next = nextStep(step, total);
  return { step: next, playing: next < total };
}

export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** Milliseconds between steps: slow enough at 1× for a class to read each step aloud. */
export function stepIntervalMs(speed: number): number {
  const base = 1200;
  return Math.round(base / (speed > 0 ? speed : 1));
}
