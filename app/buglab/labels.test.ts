import { describe, expect, it } from 'vitest';
import { buildTrace, buggyPass } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { departureText, siteLabel } from './labels.ts';

describe('bug lab words', () => {
  it('names the departing step, its node and the first adjoint that differs', () => {
    const correct = buildTrace(graphOf('(a+b)*(b+1)'), { a: 2, b: 1 }, 'reverse');
    const pass = buggyPass(correct, { kind: 'assign' });
    const text = departureText(correct.graph, pass, correct.steps.length);
    expect(text).toContain(`step ${pass.departure!.step}`);
    expect(text).toContain('v₁ = v₋₁ + v₀');
    expect(text).toContain('v̄₀ is the first adjoint that differs');
  });

  it('says why a bug changes nothing, and names the second pass', () => {
    const correct = buildTrace(graphOf('(x+y)*z'), { x: 1, y: 2, z: 3 }, 'reverse');
    expect(
      departureText(correct.graph, buggyPass(correct, { kind: 'assign' }), correct.steps.length),
    ).toContain('no value is used twice');
    const twice = buggyPass(correct, { kind: 'twice' });
    expect(departureText(correct.graph, twice, correct.steps.length)).toContain(
      'second backward pass',
    );
  });

  it('labels a dropped edge and a wrong rule', () => {
    const g = graphOf('sin(x)*y');
    const sin = g.nodes.find((n) => n.op === 'sin')!;
    const edge = g.inEdges[sin.id]![0]!;
    expect(siteLabel(g, 'drop', edge)).toContain(
      `(edge ${g.nodes[g.inputs[0]!]!.name} → ${sin.name})`,
    );
    expect(siteLabel(g, 'wrong-rule', sin.id)).toContain('∂sin(a)/∂a = −cos(a)');
  });
});
