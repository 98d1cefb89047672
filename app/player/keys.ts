// Which player command a key press means. Keys belong to whatever has focus first: typing in the
// formula or a number, moving a slider or a select with arrows, pressing Space on a button or a
// radio — none of those may also step the animation.

export type KeyCommand = 'toggle-play' | 'step-forward' | 'step-back' | 'reset' | 'go-to-end' | 'deselect';

export interface KeyTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  /** ARIA role, for custom controls such as the graph's nodes (`<g role="button">`). */
  role?: string | null;
}

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target: KeyTarget | null;
  /** Something closer to the target already handled the key. */
  defaultPrevented?: boolean;
}

const COMMANDS: Record<string, KeyCommand> = {
  ' ': 'toggle-play',
  Spacebar: 'toggle-play',
  ArrowRight: 'step-forward',
  ArrowLeft: 'step-back',
  Home: 'reset',
  End: 'go-to-end',
  Escape: 'deselect',
};

function targetOwnsKey(target: KeyTarget | null, key: string): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'INPUT') return key !== 'Escape' || tag === 'SELECT';
  // Buttons and links activate on Space themselves; arrows and Home/End they leave alone.
  const buttonLike = tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || target.role === 'button' || target.role === 'link';
  if (buttonLike && key === ' ') return true;
  if (target.role === 'slider' || target.role === 'textbox' || target.role === 'listbox' || target.role === 'radiogroup') return true;
  return false;
}

export function keyCommand(press: KeyPress): KeyCommand | null {
  if (press.defaultPrevented || press.ctrlKey || press.metaKey || press.altKey) return null;
  const command = COMMANDS[press.key];
  if (!command) return null;
  return targetOwnsKey(press.target, press.key) ? null : command;
}
