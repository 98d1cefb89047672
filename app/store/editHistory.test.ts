import { describe, expect, it } from 'vitest';
import {
  COALESCE_MS,
  EMPTY_HISTORY,
  MAX_UNDO,
  recordChange,
  redoEdit,
  undoEdit,
} from './editHistory.ts';

describe('edit history', () => {
  it('undoes a replacement (an example over the student’s formula) and redoes it', () => {
    const h = recordChange(EMPTY_HISTORY, 'x*y + mine', 'sin(x*y) + exp(x)/y', 'replace', 0);
    const back = undoEdit(h, 'sin(x*y) + exp(x)/y')!;
    expect(back.source).toBe('x*y + mine');
    const again = redoEdit(back.history, back.source)!;
    expect(again.source).toBe('sin(x*y) + exp(x)/y');
    expect(undoEdit(again.history, again.source)!.source).toBe('x*y + mine');
  });

  it('groups keystrokes close together into one step, and splits them after a pause', () => {
    let h = recordChange(EMPTY_HISTORY, '', 'x', 'typing', 0);
    h = recordChange(h, 'x', 'x*', 'typing', 200);
    h = recordChange(h, 'x*', 'x*y', 'typing', 400);
    expect(h.past).toEqual(['']);
    h = recordChange(h, 'x*y', 'x*y+', 'typing', 400 + COALESCE_MS + 1);
    expect(h.past).toEqual(['', 'x*y']);
    // A replacement is always a step of its own, and the next keystroke starts a new one.
    h = recordChange(h, 'x*y+', 'ex', 'replace', 400 + COALESCE_MS + 2);
    h = recordChange(h, 'ex', 'ex1', 'typing', 400 + COALESCE_MS + 3);
    expect(h.past).toEqual(['', 'x*y', 'x*y+', 'ex']);
  });

  it('forgets what was undone once something new is typed, and keeps at most MAX_UNDO steps', () => {
    let h = recordChange(EMPTY_HISTORY, 'a', 'b', 'replace', 0);
    const back = undoEdit(h, 'b')!;
    h = recordChange(back.history, 'a', 'c', 'replace', 1);
    expect(redoEdit(h, 'c')).toBeNull();
    for (let i = 0; i < MAX_UNDO + 20; i++) h = recordChange(h, `f${i}`, `f${i + 1}`, 'replace', i);
    expect(h.past.length).toBe(MAX_UNDO);
  });

  it('has nothing to undo or redo at the start, and ignores a change to the same text', () => {
    expect(undoEdit(EMPTY_HISTORY, 'x')).toBeNull();
    expect(redoEdit(EMPTY_HISTORY, 'x')).toBeNull();
    expect(recordChange(EMPTY_HISTORY, 'x', 'x', 'replace', 0)).toBe(EMPTY_HISTORY);
  });
});
