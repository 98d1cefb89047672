import { describe, expect, it } from 'vitest';
import { columnsOf } from './frame.ts';

const base = { focus: false, present: false, presentSides: false, hidden: [] as const };

describe('columnsOf', () => {
  it('all three columns by default', () => {
    expect(columnsOf(base)).toBe('editor graph side');
  });

  it('focus mode, and presenter mode until the side panels are asked for, leave the graph alone', () => {
    expect(columnsOf({ ...base, focus: true })).toBe('graph');
    expect(columnsOf({ ...base, present: true })).toBe('graph');
    expect(columnsOf({ ...base, present: true, presentSides: true })).toBe('editor graph side');
  });

  it('hidden parts drop their column; the side column goes when both of its parts go', () => {
    expect(columnsOf({ ...base, hidden: ['editor'] })).toBe('graph side');
    expect(columnsOf({ ...base, hidden: ['check'] })).toBe('editor graph side');
    expect(columnsOf({ ...base, hidden: ['check', 'explanation'] })).toBe('editor graph');
  });
});
