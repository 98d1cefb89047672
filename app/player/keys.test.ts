import { describe, expect, it } from 'vitest';
import { keyCommand } from './keys.ts';

const body = { tagName: 'BODY' };

describe('keyCommand', () => {
  it('maps Space, arrows, Home and End on the page', () => {
    expect(keyCommand({ key: ' ', target: body })).toBe('toggle-play');
    expect(keyCommand({ key: 'ArrowRight', target: body })).toBe('step-forward');
    expect(keyCommand({ key: 'ArrowLeft', target: body })).toBe('step-back');
    expect(keyCommand({ key: 'Home', target: body })).toBe('reset');
    expect(keyCommand({ key: 'End', target: body })).toBe('go-to-end');
    expect(keyCommand({ key: 'a', target: body })).toBeNull();
  });

  it('never fires while typing in the formula or a number input', () => {
    for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End']) {
      expect(keyCommand({ key, target: { tagName: 'TEXTAREA' } })).toBeNull();
      expect(keyCommand({ key, target: { tagName: 'INPUT', type: 'number' } })).toBeNull();
      expect(keyCommand({ key, target: { tagName: 'INPUT', type: 'range' } })).toBeNull();
      expect(keyCommand({ key, target: { tagName: 'SELECT' } })).toBeNull();
      expect(keyCommand({ key, target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
    }
  });

  it('leaves Space to a focused button but still steps with arrows there', () => {
    expect(keyCommand({ key: ' ', target: { tagName: 'BUTTON' } })).toBeNull();
    expect(keyCommand({ key: 'ArrowRight', target: { tagName: 'BUTTON' } })).toBe('step-forward');
  });

  it('leaves Space to custom buttons (graph nodes) and keys already handled', () => {
    expect(keyCommand({ key: ' ', target: { tagName: 'g', role: 'button' } })).toBeNull();
    expect(keyCommand({ key: 'End', target: { tagName: 'DIV', role: 'slider' } })).toBeNull();
    expect(keyCommand({ key: 'ArrowRight', target: body, defaultPrevented: true })).toBeNull();
  });

  it('Escape closes the node details, even from the formula', () => {
    expect(keyCommand({ key: 'Escape', target: body })).toBe('deselect');
    expect(keyCommand({ key: 'Escape', target: { tagName: 'TEXTAREA' } })).toBe('deselect');
    expect(keyCommand({ key: 'Escape', target: { tagName: 'SELECT' } })).toBeNull();
  });

  it('ignores browser shortcuts with modifiers', () => {
    expect(keyCommand({ key: 'ArrowLeft', altKey: true, target: body })).toBeNull();
    expect(keyCommand({ key: 'Home', ctrlKey: true, target: body })).toBeNull();
  });
});
