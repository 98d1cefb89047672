// Presenter mode is driven from a clicker: those send PageDown / PageUp (and sometimes B or . to
// blank the screen, which we leave to the projector). They step the animation like → and ←.

export type ClickerCommand = 'step-forward' | 'step-back';

export function clickerCommand(press: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  defaultPrevented?: boolean;
  /** The focused element takes the key itself (a text field, a select, a slider). */
  targetTakesKey: boolean;
}): ClickerCommand | null {
  if (press.defaultPrevented || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.targetTakesKey) return null;
  if (press.key === 'PageDown') return 'step-forward';
  if (press.key === 'PageUp') return 'step-back';
  return null;
}
