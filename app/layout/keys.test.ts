import { describe, expect, it } from 'vitest';
import { takesLetters, viewCommand } from './keys.ts';

describe('viewCommand', () => {
  it('F toggles focus mode from the page, a button or a checkbox', () => {
    expect(viewCommand({ key: 'f', target: null })).toBe('toggle-focus');
    expect(viewCommand({ key: 'F', target: { tagName: 'BUTTON' } })).toBe('toggle-focus');
    expect(viewCommand({ key: 'f', target: { tagName: 'INPUT', type: 'checkbox' } })).toBe(
      'toggle-focus',
    );
  });

  it('never while typing: the formula, a number, a select, editable text', () => {
    expect(viewCommand({ key: 'f', target: { tagName: 'TEXTAREA' } })).toBeNull();
    expect(viewCommand({ key: 'f', target: { tagName: 'INPUT', type: 'number' } })).toBeNull();
    expect(viewCommand({ key: 'f', target: { tagName: 'INPUT', type: 'text' } })).toBeNull();
    expect(viewCommand({ key: 'f', target: { tagName: 'SELECT' } })).toBeNull();
    expect(
      viewCommand({ key: 'f', target: { tagName: 'DIV', isContentEditable: true } }),
    ).toBeNull();
  });

  it('leaves browser shortcuts (Ctrl+F finds) and handled keys alone', () => {
    expect(viewCommand({ key: 'f', ctrlKey: true, target: null })).toBeNull();
    expect(viewCommand({ key: 'f', metaKey: true, target: null })).toBeNull();
    expect(viewCommand({ key: 'f', defaultPrevented: true, target: null })).toBeNull();
    expect(viewCommand({ key: 'g', target: null })).toBeNull();
  });

  it('a range slider does not take letters', () => {
    expect(takesLetters({ tagName: 'INPUT', type: 'range' })).toBe(false);
  });
});
