import { describe, expect, it } from 'vitest';
import { dataNumber } from '../../ad-core/index.ts';
import { resolvePage } from './resolve.ts';
import { fillTemplate, findNode, type PageContext } from './template.ts';
import type { LessonPage } from './types.ts';

function ctxOf(over: Partial<LessonPage> = {}): PageContext {
  const r = resolvePage({ heading: 't', text: '', formula: 'x*y + x', at: { x: 2, y: 3 }, step: 'end', ...over });
  if (!r.ok) throw new Error(r.error);
  return r.ctx;
}

describe('fillTemplate', () => {
  it('fills values, adjoints, names and checks from the engine, tagged with where they are on screen', () => {
    const ctx = ctxOf();
    const f = fillTemplate('{eq:v1} = {value:v1}; {bar:x} = {adjoint:x}.\n\nf = {output}, AD {ad:y} is {status:y}.', ctx);
    if (!f.ok) throw new Error(f.error);
    expect(f.paragraphs).toHaveLength(2);
    const nums = f.paragraphs.flat().filter((s) => s.kind === 'number');
    expect(nums.map((s) => [s.ref, s.value])).toEqual([
      [`node:${findNode(ctx.graph, 'v1')!.id}:value`, 6],
      [`node:${findNode(ctx.graph, 'x')!.id}:adjoint`, 4],
      ['output', 8],
      ['check:y:ad', 2],
    ]);
    const text = f.paragraphs[0]!.map((s) => (s.kind === 'number' ? s.shown : s.text)).join('');
    expect(text).toBe('v₁ = v₋₁ · v₀ = 6; v̄₋₁ = 4.');
    expect(f.paragraphs[1]!.find((s) => s.kind === 'word')).toEqual({ kind: 'word', ref: 'check:y:status', text: 'pass' });
  });

  it('numbers are shown as the app shows them, and carry the exact value', () => {
    const ctx = ctxOf({ formula: 'sin(x)', at: { x: 1 } });
    const f = fillTemplate('{value:out}', ctx);
    if (!f.ok) throw new Error(f.error);
    const seg = f.paragraphs[0]![0]!;
    expect(seg).toMatchObject({ kind: 'number', shown: '0.8415', value: Math.sin(1) });
    if (seg.kind === 'number') expect(dataNumber(seg.value)).toBe(String(Math.sin(1)));
  });

  it('refuses a number the screen does not show yet at the page step', () => {
    const ctx = ctxOf({ step: 'start' });
    const f = fillTemplate('{value:v1}', ctx);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error).toMatch(/not known at step 0/);
  });

  it('refuses unknown placeholders, nodes and variables, and stray braces', () => {
    const ctx = ctxOf();
    for (const bad of ['{nope}', '{value:v9}', '{value:q}', '{ad:z}', 'a { b', '{value}']) {
      expect(fillTemplate(bad, ctx).ok, bad).toBe(false);
    }
  });

  it('step and total come from the frame', () => {
    const ctx = ctxOf({ step: { evaluated: 'v1' } });
    const f = fillTemplate('{step} / {total}', ctx);
    if (!f.ok) throw new Error(f.error);
    const [step, , total] = f.paragraphs[0]!;
    expect(step).toMatchObject({ ref: 'step', value: ctx.frame.step });
    expect(total).toMatchObject({ ref: 'total', value: ctx.trace.steps.length });
  });
});

describe('resolvePage', () => {
  it('names steps by what happened', () => {
    const base: LessonPage = { heading: 't', text: '', formula: 'x*y', at: { x: 2, y: 3 }, step: 0 };
    const at = (step: LessonPage['step']) => {
      const r = resolvePage({ ...base, step });
      if (!r.ok) throw new Error(r.error);
      return r.state.step;
    };
    expect(at('start')).toBe(0);
    expect(at({ evaluated: 'y' })).toBe(2);
    expect(at('forward-end')).toBe(3);
    expect(at('seed')).toBe(4);
    expect(at({ propagated: 'v1' })).toBe(5);
    expect(at('end')).toBe(5);
    expect(resolvePage({ ...base, step: 99 }).ok).toBe(false);
    expect(resolvePage({ ...base, at: { x: 1 } }).ok).toBe(false);
    expect(resolvePage({ ...base, formula: 'x*' }).ok).toBe(false);
  });
});
