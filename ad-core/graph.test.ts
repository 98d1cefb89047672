import { describe, expect, it } from 'vitest';
import { parse } from './parser.ts';
import {
  buildGraph,
  compile,
  OP_CONSTANT,
  OP_INPUT,
  outputAncestors,
  wengertName,
} from './graph.ts';
import { OPS_BY_INDEX } from './ops.ts';
import { graphOf } from './test-support.ts';
import type { Graph } from './types.ts';

const names = (g: Graph) => g.nodes.map((n) => n.name);

describe('the tape', () => {
  it('puts all inputs first, in order of first appearance, then ops by level, ties left to right', () => {
    const g = graphOf('sin(x*y) + exp(x)/y');
    expect(g.variables).toEqual(['x', 'y']);
    expect(g.inputs).toEqual([0, 1]);
    // Level 1: x*y, exp(x); level 2: sin, /; level 3: +.
    expect(g.nodes.map((n) => n.op)).toEqual(['input', 'input', 'mul', 'exp', 'sin', 'div', 'add']);
    expect(names(g)).toEqual(['v₋₁', 'v₀', 'v₁', 'v₂', 'v₃', 'v₄', 'v₅']);
    expect(g.output).toBe(6);
    g.nodes.forEach((n) => n.args.forEach((a) => expect(a).toBeLessThan(n.id)));
  });

  it('names n inputs v₁₋ₙ … v₀ with Unicode subscripts, and gives TeX-safe indices', () => {
    const g = graphOf(Array.from({ length: 11 }, (_, i) => `p${i}`).join('*'));
    const inputs = g.nodes.filter((n) => n.kind === 'input');
    expect(inputs.map((n) => n.name)).toEqual([
      'v₋₁₀',
      'v₋₉',
      'v₋₈',
      'v₋₇',
      'v₋₆',
      'v₋₅',
      'v₋₄',
      'v₋₃',
      'v₋₂',
      'v₋₁',
      'v₀',
    ]);
    expect(inputs.map((n) => n.wengertIndex)).toEqual([-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0]);
    expect(g.nodes.filter((n) => n.kind === 'op').map((n) => n.wengertIndex)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
    expect(wengertName(12)).toBe('v₁₂');
  });

  it('keeps one node per variable, with the span of every use', () => {
    const g = graphOf('x*x + x');
    const x = g.nodes[0]!;
    expect(g.nodes.filter((n) => n.kind === 'input')).toHaveLength(1);
    expect(x.spans).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 3 },
      { start: 6, end: 7 },
    ]);
    expect(x.label).toBe('x');
    expect(x.variable).toBe('x');
  });

  it('x*x keeps two edges, one per argument', () => {
    const g = graphOf('x*x');
    expect(g.edges).toEqual([
      { id: 0, from: 0, to: 1, argIndex: 0 },
      { id: 1, from: 0, to: 1, argIndex: 1 },
    ]);
    expect(g.inEdges).toEqual([[], [0, 1]]);
    expect(g.outEdges).toEqual([[0, 1], []]);
  });

  it('constants take their literal as name and no Wengert index; -3 folds into one constant', () => {
    const g = graphOf('-3*x + 2.5 + pi');
    const constants = g.nodes.filter((n) => n.kind === 'constant');
    expect(constants.map((n) => [n.name, n.constant, n.wengertIndex])).toEqual([
      ['−3', -3, null],
      ['2.5', 2.5, null],
      ['π', Math.PI, null],
    ]);
    expect(g.nodes.some((n) => n.op === 'neg')).toBe(false);
    expect(constants[0]!.spans).toEqual([{ start: 0, end: 2 }]);
    // Ops are numbered without the constants in between.
    expect(g.nodes.filter((n) => n.kind === 'op').map((n) => n.name)).toEqual(['v₁', 'v₂', 'v₃']);
  });

  it('negation of a name stays an op; unary plus adds no node', () => {
    expect(graphOf('-x').nodes.map((n) => n.op)).toEqual(['input', 'neg']);
    expect(graphOf('+x').nodes.map((n) => n.op)).toEqual(['input']);
    expect(graphOf('+x').output).toBe(0);
  });

  it('bindings are shared nodes that remember their name', () => {
    const g = graphOf('a = x*y\nb = sin(a)\na + b');
    const a = g.nodes.find((n) => n.binding === 'a')!;
    expect(a.op).toBe('mul');
    expect(g.nodes.filter((n) => n.op === 'mul')).toHaveLength(1);
    expect(g.outEdges[a.id]).toHaveLength(2);
    expect(g.nodes.find((n) => n.binding === 'b')!.op).toBe('sin');
    expect(g.variables).toEqual(['x', 'y']);
  });

  it('repeated subexpressions stay separate unless merging is asked for', () => {
    expect(graphOf('sin(x) + sin(x)').nodes.filter((n) => n.op === 'sin')).toHaveLength(2);
    const merged = graphOf('sin(x) + sin(x)', { mergeCommonSubexpressions: true });
    const sins = merged.nodes.filter((n) => n.op === 'sin');
    expect(sins).toHaveLength(1);
    expect(sins[0]!.spans).toEqual([
      { start: 0, end: 6 },
      { start: 9, end: 15 },
    ]);
    // Constants merge by value; the different op does not merge.
    const g = graphOf('x*2 + x*2 + x/2', { mergeCommonSubexpressions: true });
    expect(g.nodes.filter((n) => n.kind === 'constant')).toHaveLength(1);
    expect(g.nodes.map((n) => n.op)).toEqual(['input', 'const', 'mul', 'div', 'add', 'add']);
  });

  it('fills the typed-array tape consistently with the node list', () => {
    const g = graphOf('x^2 + atan2(y, 3)');
    const { opIndex, arg0, arg1, edge0, edge1, constant } = g.tape;
    for (const n of g.nodes) {
      const k = opIndex[n.id]!;
      if (n.kind === 'input') expect(k).toBe(OP_INPUT);
      else if (n.kind === 'constant') {
        expect(k).toBe(OP_CONSTANT);
        expect(constant[n.id]).toBe(n.constant);
      } else {
        expect(OPS_BY_INDEX[k]!.id).toBe(n.op);
        expect([arg0[n.id], arg1[n.id]]).toEqual([n.args[0], n.args[1] ?? -1]);
        expect([edge0[n.id], edge1[n.id]]).toEqual([
          g.inEdges[n.id]![0],
          g.inEdges[n.id]![1] ?? -1,
        ]);
      }
    }
  });

  it('knows which nodes the output depends on', () => {
    const g = graphOf('a = sqrt(x)\nx*y');
    const live = outputAncestors(g);
    expect(g.nodes.filter((n) => live[n.id] === 1).map((n) => n.label)).toEqual(['x', 'y', '×']);
  });

  it('reports a program it cannot build as a diagnostic, never by throwing', () => {
    const r = buildGraph({ source: '', statements: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('empty-formula');
    const bad = compile('sin(x');
    expect(bad.ok).toBe(false);
  });

  it('builds a 1,000,000-character x+x+… without overflowing the stack', () => {
    const source = 'x' + '+x'.repeat(499_999);
    const parsed = parse(source);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const built = buildGraph(parsed.program);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.graph.nodes).toHaveLength(500_000);
    expect(built.graph.outEdges[0]).toHaveLength(500_000);
    expect(built.graph.nodes.at(-1)!.name).toBe(wengertName(499_999));
  });
});
