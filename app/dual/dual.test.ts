import { describe, expect, it } from 'vitest';
import { buildTrace, OPS } from '../../ad-core/index.ts';
import { graphOf, referenceCases } from '../../ad-core/test-support.ts';
import { dualLines, epsilonSquaredStep } from './dualLines.ts';
import { dualRuleOf, dualText, substitute } from './dualRules.ts';

const rule = (id: string) => dualRuleOf(OPS.find((o) => o.id === id)!).text;

describe('dual rules from the ops table', () => {
  it('writes the textbook rules', () => {
    expect(rule('mul')).toBe('(a + bε)·(c + dε) = a·c + (b·c + d·a)ε');
    expect(rule('sin')).toBe('sin(a + bε) = sin(a) + b·cos(a)ε');
    expect(rule('add')).toBe('(a + bε) + (c + dε) = a + c + (b + d)ε');
    expect(rule('neg')).toBe('−(a + bε) = −a − bε');
    expect(rule('abs')).toBe('|a + bε| = |a| + b·sign(a)ε');
  });

  it('gives every op a rule with one dual argument per argument and nothing left unfilled', () => {
    for (const op of OPS) {
      const text = dualRuleOf(op).text;
      expect(text, op.id).toContain('a + bε');
      expect(text.includes('c + dε'), op.id).toBe(op.arity === 2);
      expect(text, op.id).not.toContain('?');
      expect(text, op.id).not.toMatch(/\(\(a \+ bε\)\)/);
    }
  });

  it('writes dual numbers with the sign of the ε part', () => {
    expect(dualText(2, 0.5)).toBe('2 + 0.5ε');
    expect(dualText(2, -0.5)).toBe('2 − 0.5ε');
    expect(substitute('max(a,c)', ['1 + 0ε', '2 + 1ε'])).toBe('max(1 + 0ε, 2 + 1ε)');
  });
});

describe.each(referenceCases.cases.map((c) => [c.name, c] as const))(
  'dual lines, %s',
  (_name, c) => {
    const trace = buildTrace(graphOf(c.formula), c.at, 'forward');

    it('every forward step ends in its value + tangent·ε', () => {
      trace.steps.forEach((step, i) => {
        const lines = dualLines(trace, i + 1);
        if (step.kind !== 'evaluate') return;
        const numeric = lines.find((l) => l.startsWith(trace.graph.nodes[step.node]!.name));
        expect(numeric, `step ${i + 1}`).toBeDefined();
        expect(numeric!.endsWith(dualText(step.value, step.tangent!)), numeric).toBe(true);
      });
    });

    it('says ε² = 0 exactly once', () => {
      const all = trace.steps.flatMap((_, i) => dualLines(trace, i + 1));
      const said = all.filter((l) => l.startsWith('ε² = 0'));
      expect(said).toHaveLength(epsilonSquaredStep(trace) > 0 ? 1 : 0);
    });
  },
);

describe('where ε² = 0 is said', () => {
  it('at the first product of two dual numbers, even after a nonlinear op', () => {
    const trace = buildTrace(graphOf('ln(x1) + x1*x2 - sin(x2)'), { x1: 2, x2: 5 }, 'forward');
    const k = epsilonSquaredStep(trace);
    const step = trace.steps[k - 1]!;
    expect(step.kind === 'evaluate' && trace.graph.nodes[step.node]!.op).toBe('mul');
    expect(dualLines(trace, k).at(-1)).toContain('b·d·ε²');
  });

  it('at the first nonlinear op when nothing is multiplied', () => {
    const trace = buildTrace(graphOf('sin(x) + 1'), { x: 1 }, 'forward');
    expect(dualLines(trace, epsilonSquaredStep(trace)).at(-1)).toContain('Taylor');
  });

  it('nothing in reverse mode', () => {
    const trace = buildTrace(graphOf('x*y'), { x: 1, y: 2 }, 'reverse');
    expect(trace.steps.flatMap((_, i) => dualLines(trace, i + 1))).toEqual([]);
  });
});
