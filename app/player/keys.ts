// Which player command a key press means. Keys belong to whatever has focus first: typing in the
// formula or a number, moving a slider or a select with arrows, pressing Space on a button or a
// radio — none of those may also step the animation.

export type KeyCommand = 'toggle-play' | 'step-forward' | 'step-back' | 'reset' | 'go-to-end';

export interface KeyTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target: KeyTarget | null;
}

const COMMANDS: Record<string, KeyCommand> = {
  ' ': 'toggle-play',
  Spacebar: 'toggle-play',
  ArrowRight: 'step-forward',
  ArrowLeft: 'step-back',
  Home: 'reset',
  End: 'go-to-end',
};

function targetOwnsKey(target: KeyTarget | null, key: string): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'INPUT') return true;
  // Buttons and links activate on Space themselves; arrows and Home/End they leave alone.
  if ((tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') && key === ' ') return true;
  return false;
}

export function keyCommand(press: KeyPress): KeyCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const command = COMMANDS[press.key];
  if (!command) return null;
  return targetOwnsKey(press.target, press.key) ? null : command;
}
