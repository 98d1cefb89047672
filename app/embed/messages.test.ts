import { describe, expect, it } from 'vitest';
import { hostOrigin, parseHostMessage } from './messages.ts';

describe('parseHostMessage', () => {
  it('accepts a formula, a point and a step', () => {
    const r = parseHostMessage({
      type: 'autodiff:set',
      formula: 'x*y',
      point: { x: 2, y: 3 },
      step: 4,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.message.formula).toBe('x*y');
    expect({ ...r.message.point }).toEqual({ x: 2, y: 3 });
    expect(r.message.step).toBe(4);
  });

  it('a variable named __proto__ is only a name', () => {
    const data = JSON.parse('{"type":"autodiff:set","point":{"__proto__":1}}') as unknown;
    const r = parseHostMessage(data);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.message.point)).toBeNull();
    expect(r.message.point?.['__proto__']).toBe(1);
  });

  it('refuses anything else, with a reason', () => {
    const bad: unknown[] = [
      null,
      'autodiff:set',
      [],
      { type: 'autodiff:eval', formula: 'x' },
      { type: 'autodiff:set', formula: 42 },
      { type: 'autodiff:set', formula: 'x\u0000' },
      { type: 'autodiff:set', formula: 'x'.repeat(6000) },
      { type: 'autodiff:set', point: { x: '1' } },
      { type: 'autodiff:set', point: { x: Number.NaN } },
      { type: 'autodiff:set', point: { '1x': 1 } },
      { type: 'autodiff:set', point: [1] },
      { type: 'autodiff:set', step: -1 },
      { type: 'autodiff:set', step: 1.5 },
      { type: 'autodiff:set', html: '<b>' },
      new Date(),
    ];
    for (const data of bad) {
      const r = parseHostMessage(data);
      expect(r.ok, JSON.stringify(data)?.slice(0, 60)).toBe(false);
    }
  });
});

describe('hostOrigin', () => {
  it('is the referrer’s origin, or our own when there is none', () => {
    expect(hostOrigin('https://course.example.edu/week3/page.html', 'https://app.example')).toBe(
      'https://course.example.edu',
    );
    expect(hostOrigin('', 'https://app.example')).toBe('https://app.example');
    expect(hostOrigin('not a url', 'https://app.example')).toBe('https://app.example');
  });
});
