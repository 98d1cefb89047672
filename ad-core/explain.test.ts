import { describe, expect, it } from 'vitest';
import { explainStep, texIdentifier, texNumber } from './explain.ts';
import { compile } from './graph.ts';
import { buildTrace } from './trace.ts';
import type { Mode, Point, Trace } from './types.ts';

function traceOf(source: string, point: Point, mode: Mode, seed?: Point): Trace {
  const built = compile(source);
  if (!built.ok) throw new Error(built.diagnostics[0]?.message);
  return buildTrace(built.graph, point, mode, seed);
}

const allLines = (t: Trace) => t.steps.map((_, i) => explainStep(t, i + 1).lines);

describe('explainStep, reverse mode', () => {
  it('x*y at (2, 5), word for word', () => {
    const t = traceOf('x*y', { x: 2, y: 5 }, 'reverse');
    expect(explainStep(t, 0)).toEqual({
      title: 'Start',
      lines: [
        'Nothing computed yet. The reverse pass will compute values forward, then adjoints backward.',
      ],
      tex: [],
    });
    expect(t.steps.map((_, i) => explainStep(t, i + 1).title)).toEqual([
      'Input x',
      'Input y',
      'Evaluate v₁',
      'Seed the output adjoint',
      'Propagate v̄₁ = 1',
    ]);
    expect(allLines(t)).toEqual([
      ['v₋₁ = x = 2'],
      ['v₀ = y = 5'],
      ['v₁ = v₋₁ · v₀ = 2 · 5 = 10'],
      ['v̄₁ = 1 (∂f/∂f)'],
      ['v̄₋₁ += v̄₁ · ∂v₁/∂v₋₁ = 1 · 5 = 5', 'v̄₀ += v̄₁ · ∂v₁/∂v₀ = 1 · 2 = 2'],
    ]);
    expect(explainStep(t, 5).tex).toEqual([
      '\\bar{v}_{-1} \\mathrel{+}= \\bar{v}_{1} \\cdot \\frac{\\partial v_{1}}{\\partial v_{-1}} = \\bar{v}_{1} \\cdot v_{0} = 1 \\cdot 5 = 5',
      '\\bar{v}_{0} \\mathrel{+}= \\bar{v}_{1} \\cdot \\frac{\\partial v_{1}}{\\partial v_{0}} = \\bar{v}_{1} \\cdot v_{-1} = 1 \\cdot 2 = 2',
    ]);
    expect(explainStep(t, 3).tex).toEqual(['v_{1} = v_{-1} \\cdot v_{0} = 2 \\cdot 5 = 10']);
  });

  it('functions, negative numbers and 4 significant digits', () => {
    const t = traceOf('sin(x*y) - y', { x: 2, y: 5 }, 'reverse');
    expect(explainStep(t, 4).lines).toEqual(['v₂ = sin(v₁) = sin(10) = −0.5440']);
    expect(explainStep(t, 5).lines).toEqual(['v₃ = v₂ − v₀ = −0.5440 − 5 = −5.544']);
    expect(explainStep(t, 7).lines).toEqual([
      'v̄₂ += v̄₃ · ∂v₃/∂v₂ = 1 · 1 = 1',
      'v̄₀ += v̄₃ · ∂v₃/∂v₀ = 1 · (−1) = −1',
      'v̄₀ = 0 + (−1) = −1',
    ]);
  });

  it('x*x: names the slot of each contribution, shows the running sum, and states the total 2v₀', () => {
    const t = traceOf('x*x', { x: 3 }, 'reverse');
    const e = explainStep(t, t.steps.length);
    expect(e.lines).toEqual([
      'v̄₀ += v̄₁ · ∂v₁/∂(first factor) = v̄₁ · v₀ = 1 · 3 = 3',
      'v̄₀ = 0 + 3 = 3',
      'v̄₀ += v̄₁ · ∂v₁/∂(second factor) = v̄₁ · v₀ = 1 · 3 = 3',
      'v̄₀ = 3 + 3 = 6',
      'v₀ fills both slots, so ∂v₁/∂v₀ = v₀ + v₀ = 2v₀ = 6: v̄₀ gets 1 · 6 = 6 from v₁',
    ]);
    expect(e.tex[0]).toContain('\\text{(first factor)}');
    expect(e.tex[2]).toContain('\\text{(second factor)}');
    expect(e.tex[4]).toBe('\\frac{\\partial v_{1}}{\\partial v_{0}} = v_{0} + v_{0} = 6');
  });

  it('one argument in both slots of other ops: terms, numerator and denominator, base and exponent', () => {
    const last = (f: string) => {
      const t = traceOf(f, { x: 3 }, 'reverse');
      return explainStep(t, t.steps.length).lines;
    };
    expect(last('x+x').at(-1)).toBe(
      'v₀ fills both slots, so ∂v₁/∂v₀ = 1 + 1 = 2: v̄₀ gets 1 · 2 = 2 from v₁',
    );
    expect(last('x/x')[0]).toBe('v̄₀ += v̄₁ · ∂v₁/∂(numerator) = v̄₁ · (1/v₀) = 1 · 0.3333 = 0.3333');
    expect(last('x/x')[2]).toContain('∂v₁/∂(denominator) = v̄₁ · (−v₀/v₀²)');
    expect(last('x^x')[0]).toContain('∂v₁/∂(base)');
    expect(last('x^x')[2]).toContain('∂v₁/∂(exponent)');
    // Different arguments keep the plain ∂vⱼ/∂vᵢ form.
    const t = traceOf('x*y', { x: 3, y: 2 }, 'reverse');
    const lines = explainStep(t, t.steps.length).lines;
    expect(lines[0]).toBe('v̄₋₁ += v̄₁ · ∂v₁/∂v₋₁ = 1 · 2 = 2');
    expect(lines.join('\n')).not.toContain('slots');
  });

  it('names the convention used at a node', () => {
    const t = traceOf('abs(x)', { x: 0 }, 'reverse');
    expect(explainStep(t, t.steps.length).convention).toBe(
      "abs has no derivative at 0; by convention abs'(0) = 0",
    );
    expect(explainStep(t, 2).convention).toBeUndefined();
  });
});

describe('explainStep, forward mode', () => {
  it('x*y at (2, 5) with seed e₁: values, then tangents by the chain rule', () => {
    const t = traceOf('x*y', { x: 2, y: 5 }, 'forward');
    expect(allLines(t)).toEqual([
      ['v₋₁ = x = 2', 'v̇₋₁ = 1 (seed)'],
      ['v₀ = y = 5', 'v̇₀ = 0 (seed)'],
      ['v₁ = v₋₁ · v₀ = 2 · 5 = 10', 'v̇₁ = v̇₋₁·v₀ + v̇₀·v₋₁ = 1·5 + 0·2 = 5'],
    ]);
    expect(explainStep(t, 3).tex[1]).toBe(
      '\\dot{v}_{1} = \\dot{v}_{-1} \\cdot v_{0} + \\dot{v}_{0} \\cdot v_{-1} = 1 \\cdot 5 + 0 \\cdot 2 = 5',
    );
  });

  it('unary functions use their symbolic partial', () => {
    const t = traceOf('sin(x)', { x: 0 }, 'forward');
    expect(explainStep(t, 2).lines).toEqual([
      'v₁ = sin(v₀) = sin(0) = 0',
      'v̇₁ = v̇₀·cos(v₀) = 1·1 = 1',
    ]);
  });
});

describe('TeX is built from the graph, not from raw text', () => {
  it('escapes identifiers and writes special numbers', () => {
    expect(texIdentifier('w_0')).toBe('\\mathrm{w\\_0}');
    expect(texIdentifier('θ')).toBe('\\mathrm{θ}');
    expect(texIdentifier('x}\\evil{')).toBe('\\mathrm{xevil}');
    expect(texNumber(-Infinity)).toBe('-\\infty');
    expect(texNumber(NaN)).toBe('\\mathrm{NaN}');
    expect(texNumber(1.5e-7)).toBe('1.5 \\times 10^{-7}');
  });

  it('an input line names the variable safely', () => {
    const t = traceOf('w_0 * 2', { w_0: 1 }, 'reverse');
    expect(explainStep(t, 1).tex).toEqual(['v_{0} = \\mathrm{w\\_0} = 1']);
  });
});
