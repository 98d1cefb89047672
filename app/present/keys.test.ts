import { describe, expect, it } from 'vitest';
import { clickerCommand } from './keys.ts';

describe('clickerCommand', () => {
  it('PageDown steps forward and PageUp back, as a presentation clicker sends them', () => {
    expect(clickerCommand({ key: 'PageDown', targetTakesKey: false })).toBe('step-forward');
    expect(clickerCommand({ key: 'PageUp', targetTakesKey: false })).toBe('step-back');
  });

  it('leaves other keys, modified keys and keys a focused control needs alone', () => {
    expect(clickerCommand({ key: 'ArrowDown', targetTakesKey: false })).toBeNull();
    expect(clickerCommand({ key: 'PageDown', ctrlKey: true, targetTakesKey: false })).toBeNull();
    expect(clickerCommand({ key: 'PageDown', targetTakesKey: true })).toBeNull();
    expect(
      clickerCommand({ key: 'PageDown', defaultPrevented: true, targetTakesKey: false }),
    ).toBeNull();
  });
});
