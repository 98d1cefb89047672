// Single-letter shortcuts of the view (F: focus mode). Like the player's keys, they never fire while
// the learner is typing or choosing in a control that takes letters.

export interface LetterTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

const TYPING_INPUTS = new Set(['text', 'search', 'number', 'email', 'url', 'tel', 'password', '']);

export function takesLetters(target: LetterTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TYPING_INPUTS.has((target.type ?? '').toLowerCase());
}

export type ViewCommand = 'toggle-focus';

export function viewCommand(press: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  defaultPrevented?: boolean;
  target: LetterTarget | null;
}): ViewCommand | null {
  if (press.defaultPrevented || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (takesLetters(press.target)) return null;
  if (press.key === 'f' || press.key === 'F') return 'toggle-focus';
  return null;
}
