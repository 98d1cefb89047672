import { describe, expect, it } from 'vitest';
import { checkBuggyPass } from '../../ad-core/index.ts';
import { createAppStore } from '../store/store.ts';
import {
  advanceMismatches,
  checkedAtOnce,
  mismatchProgress,
  mismatchSentence,
  NAMES_SHOWN,
} from './bugMismatches.ts';

function plantedOn(formula: string, at: Record<string, number>) {
  const store = createAppStore();
  store.getState().restore({ formula, point: at, mode: 'reverse' });
  store.getState().setBug({ kind: 'assign' });
  const d = store.getState().derived;
  return { view: d.bugView!, settings: { point: d.point, method: d.method, h: d.h } };
}

describe("the bug lab's check", () => {
  it('a small formula is checked at once, with the gradient check panel’s rows', () => {
    const { view, settings } = plantedOn('(a+b)*(b+1)', { a: 2, b: 1 });
    expect(checkedAtOnce(view)).toBe(true);
    const p = mismatchProgress(view, settings);
    expect(p).toEqual({ mismatches: ['b'], checked: 2, total: 2, done: true });
    expect(mismatchSentence(p)).toBe('Gradient check: mismatch for b.');
  });

  it('many variables are checked a slice at a time, ending with the whole check’s mismatches', () => {
    // `assign` (= instead of +=) loses all but one contribution to each fan-out node.
    const names = Array.from({ length: 300 }, (_, i) => `x${i}`);
    const formula = `s = ${names.join(' + ')}\ns*s`;
    const { view, settings } = plantedOn(formula, Object.fromEntries(names.map((n) => [n, 1])));
    expect(checkedAtOnce(view)).toBe(false);
    // Nothing is computed by asking.
    expect(mismatchProgress(view, settings).checked).toBe(0);
    // A clock that is always past the budget: one row per slice.
    let t = 0;
    const late = () => (t += 1000);
    expect(advanceMismatches(view, settings, 25, late).checked).toBe(1);
    expect(advanceMismatches(view, settings, 25, late).checked).toBe(2);
    expect(mismatchSentence(mismatchProgress(view, settings))).toMatch(
      /^Gradient check(: checking 2 of 300 variables…| \(checking 2 of 300 variables\))/,
    );
    let p = mismatchProgress(view, settings);
    while (!p.done) p = advanceMismatches(view, settings, 25);
    const whole = checkBuggyPass(view.pass, settings.point, { method: settings.method })
      .filter((r) => r.status === 'mismatch')
      .map((r) => r.variable);
    expect(whole.length).toBeGreaterThan(0);
    expect(p.mismatches).toEqual(whole);
    expect(p.checked).toBe(300);
  });

  it('names at most a dozen variables, and counts the rest', () => {
    const mismatches = Array.from({ length: 40 }, (_, i) => `x${i}`);
    const text = mismatchSentence({ mismatches, checked: 40, total: 40, done: true });
    expect(text).toBe(
      `Gradient check: mismatch for ${mismatches.slice(0, NAMES_SHOWN).join(', ')} and 28 more.`,
    );
  });
});
