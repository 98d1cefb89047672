import { describe, expect, it } from 'vitest';
import { undoCommand } from './undoKeys.ts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('undoCommand', () => {
  it('reads Ctrl/⌘+Z as undo and Ctrl/⌘+Shift+Z or Ctrl+Y as redo', () => {
    expect(undoCommand(key('z', { ctrlKey: true }))).toBe('undo');
    expect(undoCommand(key('z', { metaKey: true }))).toBe('undo');
    expect(undoCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoCommand(key('y', { ctrlKey: true }))).toBe('redo');
  });

  it('leaves every other key to the textarea', () => {
    expect(undoCommand(key('z'))).toBeNull();
    expect(undoCommand(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(undoCommand(key('a', { ctrlKey: true }))).toBeNull();
    expect(undoCommand(key('Y', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
});
