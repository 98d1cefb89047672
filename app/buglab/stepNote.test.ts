import { describe, expect, it } from 'vitest';
import { buildTrace, buggyPass, type Bug } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { bugStepNote } from './stepNote.ts';

function notes(formula: string, at: Record<string, number>, bug: Bug): string[] {
  const correct = buildTrace(graphOf(formula), at, 'reverse');
  const pass = buggyPass(correct, bug);
  const view = { bug, pass, correct };
  return pass.trace.steps
    .map((_, i) => bugStepNote(view, i + 1))
    .filter((n): n is string => n !== null);
}

describe('bug step notes', () => {
  it('assign: the overwritten value and the right sum', () => {
    const [note, ...rest] = notes('(a+b)*(b+1)', { a: 2, b: 1 }, { kind: 'assign' });
    expect(rest).toEqual([]);
    expect(note).toContain('overwrote the 3 already there');
    expect(note).toContain('3 + 2 = 5');
  });

  it('wrong-rule: the wrong rule and the right one, with their numbers', () => {
    const [note] = notes('x*y', { x: 2, y: 5 }, { kind: 'wrong-rule' });
    expect(note).toContain('∂(a·b)/∂a = a = 2');
    expect(note).toContain('∂(a·b)/∂a = b = 5');
  });

  it('no-chain, drop and twice each say what went missing', () => {
    expect(notes('sin(x*y)', { x: 1, y: 2 }, { kind: 'no-chain' })[0]).toContain('alone');
    expect(notes('x*y + y', { x: 2, y: 3 }, { kind: 'drop' })[0]).toContain(
      'this path is forgotten',
    );
    const twice = notes('x*y', { x: 2, y: 3 }, { kind: 'twice' });
    expect(twice[0]).toContain('backward() runs again');
    expect(twice[1]).toContain('already held');
  });

  it('a bug that changes nothing has no note', () => {
    expect(notes('(x+y)*z', { x: 1, y: 2, z: 3 }, { kind: 'assign' })).toEqual([]);
  });
});
