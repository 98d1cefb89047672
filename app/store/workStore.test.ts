import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../examples.ts';
import { createAppStore } from './store.ts';
import { createWorkStore } from './workStore.ts';

function setup() {
  const app = createAppStore();
  const saved = new Map<string, string>();
  const storage = {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => void saved.set(k, v),
  };
  let clock = 0;
  const work = createWorkStore(app, storage, () => clock);
  return { app, work, storage, tick: (ms: number) => (clock += ms) };
}

describe('the student’s own work', () => {
  it('an example replaces the formula, and undo brings the student’s back', () => {
    const { app, work, tick } = setup();
    work.getState().type('x*y + 1');
    tick(5000);
    app.getState().loadExample(EXAMPLES[2]!);
    expect(app.getState().source).toBe(EXAMPLES[2]!.formula);
    work.getState().undo();
    expect(app.getState().source).toBe('x*y + 1');
    work.getState().redo();
    expect(app.getState().source).toBe(EXAMPLES[2]!.formula);
  });

  it('"Your formula" restores the last typed formula with its values', () => {
    const { app, work } = setup();
    work.getState().type('w*x + b');
    app.getState().setVariable('w', 3);
    app.getState().loadExample(EXAMPLES[0]!);
    work.getState().restoreOwn();
    expect(app.getState().source).toBe('w*x + b');
    expect(app.getState().point['w']).toBe(3);
  });

  it('remembers recent formulas across a reload (a new store on the same storage)', () => {
    const { app, work, storage, tick } = setup();
    work.getState().type('a');
    work.getState().type('a*b');
    tick(5000);
    app.getState().loadExample(EXAMPLES[1]!);
    work.getState().type(`${EXAMPLES[1]!.formula} + 1`);
    expect(work.getState().recent).toEqual([`${EXAMPLES[1]!.formula} + 1`, 'a*b']);
    const reloaded = createWorkStore(createAppStore(), storage);
    expect(reloaded.getState().recent).toEqual([`${EXAMPLES[1]!.formula} + 1`, 'a*b']);
    reloaded.getState().openRecent(1);
  });

  it('undo walks back through typing in word-sized steps, not key by key', () => {
    const { app, work, tick } = setup();
    const start = app.getState().source;
    for (const text of ['x', 'x*', 'x*y']) {
      work.getState().type(text);
      tick(100);
    }
    tick(2000);
    work.getState().type('x*y+1');
    work.getState().undo();
    expect(app.getState().source).toBe('x*y');
    work.getState().undo();
    expect(app.getState().source).toBe(start);
  });
});

describe('recent formulas while typing', () => {
  it('clearing the box and typing anew keeps the previous formula in the list', () => {
    const { app, work } = setup();
    work.getState().type('w*x + b');
    app.getState().loadExample(EXAMPLES[0]!);
    work.getState().restoreOwn();
    work.getState().type('');
    work.getState().type('s');
    work.getState().type('sin(t)');
    expect(work.getState().recent).toEqual(['sin(t)', 'w*x + b']);
  });
});
