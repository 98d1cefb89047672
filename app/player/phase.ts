import type { Frame, Mode } from '../../ad-core/index.ts';

/** The phase of the animation in words, for the player bar. */
export function phaseLabel(frame: Frame | null, mode: Mode): string {
  if (!frame) return '';
  switch (frame.phase) {
    case 'start':
      return 'Start';
    case 'forward':
      return mode === 'forward' ? 'Values, tangents' : 'Forward: values';
    case 'seed':
      return mode === 'forward' ? 'Seed tangents' : 'Seed adjoint';
    case 'reverse':
      return 'Reverse: adjoints';
    case 'done':
      return 'Done';
  }
}
