import { describe, expect, it } from 'vitest';
import { buildTrace, frameAt } from '../../ad-core/index.ts';
import { graphOf, referenceCases } from '../../ad-core/test-support.ts';
import { stepNode, traceTableModel } from './trace-rows.ts';

const baydin = referenceCases.cases.find((c) => c.name === 'baydin-2018');
if (!baydin) throw new Error('fixture lacks the Baydin case');

describe('traceTableModel', () => {
  const graph = graphOf(baydin.formula);
  const trace = buildTrace(graph, baydin.at, 'reverse');

  it('lists inputs and operations in tape order with Wengert operations', () => {
    const model = traceTableModel(trace, frameAt(trace, 0));
    expect(model.rows.map((r) => r.nodeId)).toEqual(
      graph.nodes.filter((n) => n.kind !== 'constant').map((n) => n.id),
    );
    expect(model.rows.map((r) => r.operation)).toEqual([
      'v₋₁ = x1',
      'v₀ = x2',
      // Baydin et al. 2018, Table 2, row by row.
      'v₁ = ln(v₋₁)',
      'v₂ = v₋₁ · v₀',
      'v₃ = sin(v₀)',
      'v₄ = v₁ + v₂',
      'v₅ = v₄ − v₃',
    ]);
  });

  it('leaves every cell unknown before the first step and fills them by the end', () => {
    const start = traceTableModel(trace, frameAt(trace, 0));
    expect(start.rows.every((r) => r.value === null && r.derivative === null)).toBe(true);
    expect(start.rows.flatMap((r) => r.partials).every((p) => p.value === null)).toBe(true);
    const end = traceTableModel(trace, frameAt(trace, trace.steps.length));
    expect(end.rows.every((r) => r.value !== null && r.derivative !== null)).toBe(true);
    const byVariable = new Map(
      end.rows.filter((r) => r.kind === 'input').map((r) => [r.operation.split(' = ')[1], r]),
    );
    for (const [name, g] of Object.entries(baydin.gradient)) {
      expect(byVariable.get(name)?.derivative).toBeCloseTo(g, 12);
    }
    expect(end.rows.at(-1)?.value).toBeCloseTo(baydin.value, 12);
  });

  it('gives the local partials of each edge once the node is evaluated', () => {
    const end = traceTableModel(trace, frameAt(trace, trace.steps.length));
    const mul = end.rows.find((r) => r.operation === 'v₂ = v₋₁ · v₀');
    // ∂(x1·x2)/∂x1 = x2 and ∂/∂x2 = x1.
    expect(mul?.partials.map((p) => [p.label, p.value])).toEqual([
      ['∂v₂/∂v₋₁', baydin.at.x2],
      ['∂v₂/∂v₀', baydin.at.x1],
    ]);
  });

  it('marks exactly the row of the current step, at every step', () => {
    for (let k = 0; k <= trace.steps.length; k++) {
      const frame = frameAt(trace, k);
      const model = traceTableModel(trace, frame);
      const current = model.rows.filter((r) => r.current).map((r) => r.nodeId);
      const expected = stepNode(frame.current);
      expect(current).toEqual(expected === null ? [] : [expected]);
    }
  });

  it('shows tangents in forward mode', () => {
    const forward = buildTrace(graph, baydin.at, 'forward', { x1: 1, x2: 0 });
    const end = traceTableModel(forward, frameAt(forward, forward.steps.length));
    expect(end.derivativeHeading).toMatch(/Tangent/);
    expect(end.rows.at(-1)?.derivative).toBeCloseTo(baydin.gradient.x1 ?? NaN, 12);
  });
});

describe('constants and repeated arguments', () => {
  it('omits constants as rows but names them inside operations', () => {
    const graph = graphOf('x*2 + 1');
    const trace = buildTrace(graph, { x: 3 }, 'reverse');
    const model = traceTableModel(trace, frameAt(trace, 0));
    expect(model.constantsOmitted).toBe(2);
    // A lone input is v₀ (inputs count up to 0).
    expect(model.rows.map((r) => r.operation)).toEqual(['v₀ = x', 'v₁ = v₀ · 2', 'v₂ = v₁ + 1']);
    expect(model.rows.flatMap((r) => r.partials.map((p) => p.label))).toEqual([
      '∂v₁/∂v₀',
      '∂v₂/∂v₁',
    ]);
  });

  it('labels the two partials of x*x by argument', () => {
    const graph = graphOf('x*x');
    const trace = buildTrace(graph, { x: 3 }, 'reverse');
    const model = traceTableModel(trace, frameAt(trace, trace.steps.length));
    const partials = model.rows.at(-1)?.partials ?? [];
    expect(partials.map((p) => p.label)).toEqual(['∂v₁/∂v₀ (1st arg)', '∂v₁/∂v₀ (2nd arg)']);
    expect(partials.map((p) => p.value)).toEqual([3, 3]);
  });

  it('marks the rows a propagate step sends contributions to', () => {
    const graph = graphOf('x*y');
    const trace = buildTrace(graph, { x: 2, y: 5 }, 'reverse');
    const k = trace.steps.findIndex((s) => s.kind === 'propagate') + 1;
    const model = traceTableModel(trace, frameAt(trace, k));
    expect(model.rows.filter((r) => r.updated).map((r) => r.operation)).toEqual([
      'v₋₁ = x',
      'v₀ = y',
    ]);
  });
});
