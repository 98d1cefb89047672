import { describe, expect, it } from 'vitest';
import { buildTrace, compile, frameAt, type Trace } from '../../ad-core/index.ts';
import { explainStep } from '../../ad-core/index.ts';
import { feedbackLead, givenReason, questionsFor, workedLines } from './questions.ts';

function traceOf(src: string, at: Record<string, number>, mode: 'reverse' | 'forward' = 'reverse'): Trace {
  const r = compile(src);
  if (!r.ok) throw new Error('does not compile');
  return buildTrace(r.graph, at, mode);
}

describe('questionsFor', () => {
  it('asks every op value in the forward pass, exactly what the next frame shows', () => {
    const t = traceOf('ln(x1) + x1*x2 - sin(x2)', { x1: 2, x2: 5 });
    for (let k = 1; k <= t.steps.length; k++) {
      const after = frameAt(t, k);
      for (const q of questionsFor(t, k)) {
        const shown = q.quantity === 'value' ? after.values[q.node] : after.adjoints[q.node];
        expect(shown, `step ${k} ${q.prompt}`).toBe(q.expected);
        if (q.quantity === 'value') expect(frameAt(t, k - 1).values[q.node], 'not yet shown before the step').toBeNull();
      }
    }
    const ops = t.graph.nodes.filter((n) => n.kind === 'op').length;
    const valueQuestions = t.steps.flatMap((_, i) => questionsFor(t, i + 1)).filter((q) => q.quantity === 'value');
    expect(valueQuestions).toHaveLength(ops);
  });

  it('inputs and the seed are given, with the reason', () => {
    const t = traceOf('x*y', { x: 2, y: 3 });
    const kinds = t.steps.map((s) => s.kind);
    const seedAt = kinds.indexOf('seed-adjoint') + 1;
    expect(questionsFor(t, 1)).toEqual([]);
    expect(questionsFor(t, seedAt)).toEqual([]);
    expect(givenReason(t, 1)).toMatch(/input v₋₁ = x = 2 is given/);
    expect(givenReason(t, seedAt)).toMatch(/seed v̄₁ = ∂f\/∂f = 1/);
  });

  it('a reverse step asks one adjoint per argument, the running sum after the step', () => {
    const t = traceOf('x*x + x', { x: 3 });
    const mulStep = t.steps.findIndex((s) => s.kind === 'propagate' && t.graph.nodes[s.node]!.op === 'mul') + 1;
    const qs = questionsFor(t, mulStep);
    expect(qs).toHaveLength(1); // both edges of x*x go to x: one question, their sum
    expect(qs[0]!.expected).toBe(7); // 1 (from +) + 3 + 3
    expect(qs[0]!.prompt).toBe('Adjoint v̄₀ after this step');
    expect(qs[0]!.hint).toMatch(/holds 1 now.*each of its 2 edges/);
    const sub = traceOf('x - y', { x: 1, y: 1 });
    const last = questionsFor(sub, sub.steps.length);
    expect(last.map((q) => q.expected)).toEqual([1, -1]);
  });

  it('forward mode asks the value, then the tangent', () => {
    const t = traceOf('x*y', { x: 2, y: 3 }, 'forward');
    const qs = questionsFor(t, 3);
    expect(qs.map((q) => q.quantity)).toEqual(['value', 'tangent']);
    expect(qs.map((q) => q.expected)).toEqual([6, 3]);
    expect(givenReason(t, 1)).toBe('Step 1: input v₋₁ = x = 2, its seed tangent v̇₋₁ = 1 is given.');
  });

  it('out of range asks nothing', () => {
    const t = traceOf('x', { x: 1 });
    expect(questionsFor(t, 0)).toEqual([]);
    expect(questionsFor(t, 99)).toEqual([]);
  });
});

describe('workedLines', () => {
  it('keeps only the lines computing the asked quantity, so the next question is not given away', () => {
    const t = traceOf('x - y', { x: 1, y: 1 });
    const k = t.steps.length;
    const [qx, qy] = questionsFor(t, k);
    const lines = explainStep(t, k).lines;
    expect(lines.length).toBe(2);
    expect(workedLines(lines, qx!)).toEqual([lines[0]]);
    expect(workedLines(lines, qy!)).toEqual([lines[1]]);
    const fwd = traceOf('x*y', { x: 2, y: 3 }, 'forward');
    const [value, tangent] = questionsFor(fwd, 3);
    const flines = explainStep(fwd, 3).lines;
    expect(workedLines(flines, value!)).toHaveLength(1);
    expect(workedLines(flines, value!)[0]).toMatch(/^v₁ = v₋₁ · v₀/);
    expect(workedLines(flines, tangent!)[0]).toMatch(/^v̇₁ = /);
  });

  it('falls back to the whole step when no line names the quantity', () => {
    expect(workedLines(['a', 'b'], { symbol: 'v₉' })).toEqual(['a', 'b']);
  });
});

describe('feedbackLead', () => {
  const at = (t: Trace, pred: (q: ReturnType<typeof questionsFor>[number]) => boolean) =>
    t.steps.flatMap((_, i) => questionsFor(t, i + 1)).find(pred)!;

  it('a wrong adjoint first shows the symbolic local derivative, then the chain rule', () => {
    // x/y: ∂(a/b)/∂b = −a/b², here −v₋₁/v₀².
    const t = traceOf('x/y', { x: 3, y: 2 });
    const q = at(t, (k) => k.quantity === 'adjoint' && k.symbol === 'v̄₀');
    expect(feedbackLead(t, q)).toEqual({
      local: ['∂v₁/∂v₀ = −v₋₁/v₀²'],
      intro: 'Times the adjoint flowing back, the chain rule gives:',
    });
  });

  it('names the slots when one argument fills both (x*x)', () => {
    const t = traceOf('x*x', { x: 3 });
    const q = at(t, (k) => k.quantity === 'adjoint');
    expect(feedbackLead(t, q).local).toEqual([
      '∂v₁/∂v₀ (first factor) = v₀',
      '∂v₁/∂v₀ (second factor) = v₀',
    ]);
  });

  it('a wrong value is evaluated, not derived by the chain rule', () => {
    const t = traceOf('sin(x)', { x: 1 });
    const lead = feedbackLead(t, at(t, (k) => k.quantity === 'value'));
    expect(lead.local).toEqual([]);
    expect(lead.intro).toMatch(/^Evaluate/);
    expect(lead.intro).not.toMatch(/chain rule/);
  });

  it('a wrong tangent shows the node’s local derivatives and the chain rule', () => {
    const t = traceOf('x*y', { x: 2, y: 5 }, 'forward');
    const lead = feedbackLead(t, at(t, (k) => k.quantity === 'tangent'));
    expect(lead.local).toEqual(['∂v₁/∂v₋₁ = v₀', '∂v₁/∂v₀ = v₋₁']);
    expect(lead.intro).toMatch(/chain rule/);
  });
});
