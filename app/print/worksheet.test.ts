import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../ad-core/index.ts';
import { graphOf, referenceCases } from '../../ad-core/test-support.ts';
import { answerKeyFor, answerKeyStep, printedStepCaption } from './worksheet.ts';

const baydin = referenceCases.cases.find((c) => c.name === 'baydin-2018');
if (!baydin) throw new Error('fixture lacks the Baydin case');

describe('answerKeyStep', () => {
  it('is the end of the trace when no quiz limits the player', () => {
    expect(answerKeyStep(12, null)).toBe(12);
  });
  it('never passes the quiz limit, nor goes below the first step', () => {
    expect(answerKeyStep(12, 5)).toBe(5);
    expect(answerKeyStep(12, 40)).toBe(12);
    expect(answerKeyStep(12, -3)).toBe(0);
  });
});

describe('answerKeyFor', () => {
  const trace = buildTrace(graphOf(baydin.formula), baydin.at, 'reverse');

  it('fills every value and adjoint of the Baydin table', () => {
    const key = answerKeyFor(trace, null);
    expect(key.derivativeHeading).toBe('Adjoint v̄');
    expect(key.rows.map((r) => r.operation)[0]).toBe('v₋₁ = x1');
    expect(key.rows).toHaveLength(7);
    for (const row of key.rows) {
      expect(row.value).not.toBe('—');
      expect(row.derivative).not.toBe('—');
    }
    // v₅ = v₄ − v₃ at (2, 5): 11.652 (Baydin et al. 2018, Table 2); its adjoint is the seed, 1.
    const out = key.rows.at(-1)!;
    expect(Number(out.value)).toBeCloseTo(11.652, 2); // shown to the table's precision
    expect(out.derivative).toBe('1');
    expect(key.rows.find((r) => r.operation === 'v₂ = v₋₁ · v₀')!.partials).toMatch(
      /^∂v₂\/∂v₋₁ = 5; ∂v₂\/∂v₀ = 2$/,
    );
  });

  it('leaves what the quiz has not reached unknown', () => {
    const key = answerKeyFor(trace, 0);
    expect(key.rows.every((r) => r.value === '—' && r.derivative === '—')).toBe(true);
  });
});

describe('printedStepCaption', () => {
  it('names the end of the pass when the whole trace is shown', () => {
    expect(printedStepCaption(13, 13, 'reverse')).toBe(
      'The graph at the end of the forward and reverse passes (step 13 of 13).',
    );
    expect(printedStepCaption(7, 7, 'forward')).toContain('forward-mode pass (step 7 of 7)');
  });
  it('says where a quiz stopped', () => {
    expect(printedStepCaption(5, 13, 'reverse')).toBe(
      'The graph at step 5 of 13, as far as the quiz has got.',
    );
  });
});
