// A last line with several outputs: how it parses, what the graph keeps, and what is refused.
import { describe, expect, it } from 'vitest';
import { compile } from './graph.ts';
import { MAX_OUTPUTS, parse } from './parser.ts';

function graphOf(source: string) {
  const built = compile(source);
  if (!built.ok) throw new Error(built.diagnostics[0]!.message);
  return built.graph;
}

describe('several outputs', () => {
  it('parses a last line `x*y, sin(x), x + y` into three outputs, the first as expr', () => {
    const parsed = parse('x*y, sin(x), x + y');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const s = parsed.program.statements[0]!;
    expect(s.kind).toBe('expr');
    if (s.kind !== 'expr') return;
    expect(s.outputs?.map((e) => e.span)).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 11 },
      { start: 13, end: 18 },
    ]);
    expect(s.expr).toBe(s.outputs?.[0]);
    expect(s.span).toEqual({ start: 0, end: 18 });
  });

  it('gives the graph one output node per entry, output = the first', () => {
    const g = graphOf('x*y, sin(x), x + y');
    expect(g.outputs).toHaveLength(3);
    expect(g.output).toBe(g.outputs[0]);
    expect(g.outputs.map((id) => g.nodes[id]!.op)).toEqual(['mul', 'sin', 'add']);
    expect(g.variables).toEqual(['x', 'y']);
  });

  it('keeps a single-output formula as it was: outputs = [output], no outputs on the statement', () => {
    const g = graphOf('sin(x*y) + exp(x)/y');
    expect(g.outputs).toEqual([g.output]);
    const parsed = parse('a = x*y\na + 1');
    expect(parsed.ok && parsed.program.statements[1]).not.toHaveProperty('outputs');
  });

  it('finds variables that appear only in a later output', () => {
    expect(graphOf('x, y, z').variables).toEqual(['x', 'y', 'z']);
  });

  it('allows the same node twice and bindings as outputs', () => {
    const g = graphOf('a = x*y\na, a, x');
    expect(g.outputs[0]).toBe(g.outputs[1]);
    expect(g.nodes[g.outputs[0]!]!.binding).toBe('a');
    expect(g.outputs[2]).toBe(g.inputs[0]);
  });

  it('still reads a glued `2,5` as a decimal comma, but `2, 5` as two outputs', () => {
    const glued = parse('x*2,5');
    expect(glued.ok).toBe(false);
    if (!glued.ok) expect(glued.diagnostics[0]!.code).toBe('decimal-comma');
    expect(graphOf('x*2, 5').outputs).toHaveLength(2);
  });

  it('refuses several outputs on a binding or an earlier line, with the place marked', () => {
    const binding = parse('a = x, y\na');
    expect(binding.ok).toBe(false);
    if (!binding.ok) {
      expect(binding.diagnostics[0]).toMatchObject({
        code: 'misplaced-outputs',
        span: { start: 5, end: 6 },
      });
    }
    const earlier = parse('x, y\nx + y');
    expect(earlier.ok).toBe(false);
    if (!earlier.ok) {
      expect(earlier.diagnostics[0]).toMatchObject({
        code: 'misplaced-outputs',
        span: { start: 0, end: 4 },
        message: 'Only the last line can list several outputs.',
      });
    }
  });

  it('refuses a trailing comma and more than MAX_OUTPUTS outputs with a message', () => {
    const trailing = parse('x, y,');
    expect(trailing.ok).toBe(false);
    const many = parse(Array.from({ length: MAX_OUTPUTS + 1 }, () => 'x').join(', '));
    expect(many.ok).toBe(false);
    if (!many.ok) {
      expect(many.diagnostics[0]!.code).toBe('too-many-outputs');
      expect(many.diagnostics[0]!.message).toContain('101 outputs');
    }
    const enough = parse(Array.from({ length: MAX_OUTPUTS }, () => 'x').join(', '));
    expect(enough.ok).toBe(true);
  });

  it('resolves names in every output: a binding used before it is defined is still an error', () => {
    const parsed = parse('x, b\nb = 2');
    expect(parsed.ok).toBe(false);
  });
});

describe('printing several outputs', () => {
  it('prints them back as one line with commas', async () => {
    const { printProgram } = await import('./print.ts');
    const parsed = parse('a = x*y\na, sin(x),x+y');
    expect(parsed.ok && printProgram(parsed.program)).toBe('a = x * y\na, sin(x), x + y');
  });
});

describe('several outputs with functions of your own', () => {
  it('each call is inlined and each output is its own node', () => {
    const g = graphOf('sq(t) = t^2\nsq(x), sq(y), x');
    expect(g.outputs).toHaveLength(3);
    expect(new Set(g.outputs).size).toBe(3);
    expect(g.variables).toEqual(['x', 'y']);
  });
});
