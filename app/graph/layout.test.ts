import { describe, expect, it } from 'vitest';
import { graphOf, referenceCases } from '../../ad-core/test-support.ts';
import { layoutInputOf } from './graphInput.ts';
import { nodeGeometry } from './geometry.ts';
import { computeLayoutD3Dag } from './layout-d3dag.ts';
import { computeLayout, crossings, type Layout, type LayoutInput } from './layout.ts';
import { EXAMPLES } from '../examples.ts';
import { TapeBuilder, fanOut, randomSum, warmUp } from './testGraphs.ts';

function compiled(formula: string): LayoutInput {
  return layoutInputOf(graphOf(formula));
}

function pos(layout: Layout, id: number) {
  const p = layout.nodes.find((n) => n.id === id);
  if (!p) throw new Error(`node ${id} not laid out`);
  return p;
}

/** The properties every layout must have, whatever the graph. */
function expectWellFormed(input: LayoutInput, layout: Layout) {
  expect(Number.isFinite(layout.width) && layout.width > 0).toBe(true);
  expect(Number.isFinite(layout.height) && layout.height > 0).toBe(true);
  expect(layout.nodes.map((n) => n.id).sort((a, b) => a - b)).toEqual(
    input.nodes.map((n) => n.id).sort((a, b) => a - b),
  );
  for (const n of layout.nodes) {
    expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    expect(n.x).toBeGreaterThanOrEqual(0);
    expect(n.x).toBeLessThanOrEqual(layout.width);
    expect(n.y).toBeGreaterThanOrEqual(0);
    expect(n.y).toBeLessThanOrEqual(layout.height);
  }
  // Arguments are left of their consumers (so inputs are left of everything they feed).
  for (const e of input.edges) expect(pos(layout, e.from).x).toBeLessThan(pos(layout, e.to).x);
  // The output is alone in the rightmost column (unless something consumes it: an input that an
  // unused binding reads stays with the inputs).
  const out = pos(layout, input.output);
  if (!input.edges.some((e) => e.from === input.output)) {
    for (const n of layout.nodes) if (n.id !== input.output) expect(n.x).toBeLessThan(out.x);
  }
  // Every edge, repeated ones included, has a finite point list running left to right.
  expect(layout.edges.map((e) => e.id).sort((a, b) => a - b)).toEqual(
    input.edges.map((e) => e.id).sort((a, b) => a - b),
  );
  for (const e of layout.edges) {
    expect(e.points.length).toBeGreaterThanOrEqual(2);
    for (const [x, y] of [...e.points, e.mid, e.tail]) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    }
    const first = e.points[0]!;
    const last = e.points[e.points.length - 1]!;
    expect(first[0]).toBeLessThan(last[0]);
  }
}

describe('computeLayout', () => {
  it('lays out the warm-up example left to right with edges ending on node borders', () => {
    const input = warmUp();
    const layout = computeLayout(input);
    expectWellFormed(input, layout);
    for (const e of layout.edges) {
      const edge = input.edges.find((d) => d.id === e.id)!;
      const to = pos(layout, edge.to);
      const g = nodeGeometry(input.nodes[edge.to]!);
      const end = e.points[e.points.length - 1]!;
      // Op nodes are circles: the arrow tip touches the rim, not the centre.
      expect(Math.hypot(end[0] - to.x, end[1] - to.y)).toBeCloseTo(g.w / 2, 6);
    }
  });

  it('puts all inputs in the first column', () => {
    const input = warmUp();
    const layout = computeLayout(input);
    const xs = input.nodes.filter((n) => n.kind === 'input').map((n) => pos(layout, n.id).x);
    const minX = Math.min(...layout.nodes.map((n) => n.x));
    for (const x of xs) expect(x).toBe(minX);
  });

  it('draws both edges of x*x, as separate curves', () => {
    const input = fanOut();
    const layout = computeLayout(input);
    expectWellFormed(input, layout);
    const square = input.edges.filter((e) => e.to === 1);
    expect(square).toHaveLength(2);
    const [a, b] = square.map((e) => layout.edges.find((l) => l.id === e.id)!);
    expect(a!.points).not.toEqual(b!.points);
    // Neither start nor end is shared, so the two arrowheads do not sit on top of each other.
    expect(a!.points[0]).not.toEqual(b!.points[0]);
    expect(a!.points.at(-1)).not.toEqual(b!.points.at(-1));
  });

  it('keeps the output rightmost even when a binding is never used', () => {
    const t = new TapeBuilder();
    const x = t.input('x');
    const y = t.input('y');
    const unused = t.op('×', x, y);
    const s = t.op('sin', x);
    const input = t.build(s);
    const layout = computeLayout(input);
    expectWellFormed(input, layout);
    expect(pos(layout, unused).x).toBeLessThan(pos(layout, s).x);
  });

  it('lays out every reference case', () => {
    for (const c of referenceCases.cases) {
      const input = compiled(c.formula);
      expectWellFormed(input, computeLayout(input));
    }
  });

  it('lays out degenerate formulas: one node, an input as the output, unused bindings', () => {
    for (const formula of ['x', '3', 'a = y*2; x', 'a = x*y; sin(x)', 'x*x*x*x']) {
      const input = compiled(formula);
      const layout = computeLayout(input);
      if (input.nodes.length === 1) {
        expect(layout.nodes).toHaveLength(1);
        expect(Number.isFinite(layout.nodes[0]!.x)).toBe(true);
      } else {
        expectWellFormed(input, layout);
      }
    }
  });

  it('lays out `z = w*x + b` then `x`: an output that an unused binding reads (no cycle)', () => {
    const input = compiled('z = w*x + b\nx');
    const layout = computeLayout(input);
    expectWellFormed(input, layout);
    // x stays in the first column with w, left of the binding that reads it (b waits beside the
    // + it feeds).
    const x = input.nodes.find((n) => n.label === 'x')!;
    const w = input.nodes.find((n) => n.label === 'w')!;
    expect(input.output).toBe(x.id);
    expect(pos(layout, x.id).x).toBe(pos(layout, w.id).x);
    const reader = input.nodes.find((n) => n.kind === 'op')!;
    expect(pos(layout, x.id).x).toBeLessThan(pos(layout, reader.id).x);
  });

  it('lays out unused bindings, an input, a constant or a binding as the output, and no variables', () => {
    const cases = [
      'a = x*y\nb = sin(a)\nx + 1', // unused bindings
      'a = y*2\nb = a + y\nx', // output = an input nobody reads
      'a = x*y\ny', // output = an input an unused binding reads
      'a = x*2\n3', // output = a constant
      'a = 3\n4', // only constants, one unused
      'a = x*2\nb = a + 1\na', // a binding as the output, read by an unused one
      'a = x*2\na', // a binding as the output
      'x', // one node
      '7', // one constant
      '2*3 + 1', // no variables
      'sin(1)', // an operation on a constant alone
    ];
    for (const formula of cases) {
      const input = compiled(formula);
      const layout = computeLayout(input);
      if (input.nodes.length === 1) {
        expect(layout.nodes, formula).toHaveLength(1);
        expect(Number.isFinite(layout.nodes[0]!.x) && Number.isFinite(layout.nodes[0]!.y)).toBe(
          true,
        );
      } else {
        expectWellFormed(input, layout);
      }
    }
  });

  it('routes a long edge with a few points, however many columns it skips', () => {
    // x feeds every step of a chain: one edge per step, up to ~600 columns long.
    const lines = ['a1 = x*2'];
    for (let k = 2; k <= 300; k++) lines.push(`a${k} = a${k - 1}*x + 1`);
    lines.push('a300');
    const input = compiled(lines.join('\n'));
    const layout = computeLayout(input);
    expectWellFormed(input, layout);
    const points = layout.edges.reduce((s, e) => s + e.points.length, 0);
    // (The d3-dag layout used one waypoint per skipped column: ~90,000 here.)
    expect(points).toBeLessThan(12 * layout.edges.length);
  });

  it('is deterministic', () => {
    const input = randomSum(20, 4, 7);
    expect(computeLayout(input)).toEqual(computeLayout(input));
  });

  it('lays out a 500-node graph', () => {
    // How fast is for `npm run bench:ui` to say; a test only checks the drawing is sound.
    const input = randomSum(125, 5);
    expect(input.nodes.length).toBeGreaterThan(500);
    expectWellFormed(input, computeLayout(input));
  });

  it('draws the example formulas with at most one crossing, or about as few as d3-dag', () => {
    // The 2-2-1 network's shared inputs cross other edges in any layered drawing: d3-dag's
    // Sugiyama (the layout this one replaced) leaves 5 crossings there, this one 7.
    for (const example of EXAMPLES) {
      const input = compiled(example.formula);
      const baseline = crossings(computeLayoutD3Dag(input));
      expect(crossings(computeLayout(input)), example.formula).toBeLessThanOrEqual(
        Math.max(1, baseline + 2),
      );
    }
  });

  it('returns an empty layout for an empty graph', () => {
    expect(computeLayout({ nodes: [], edges: [], output: 0 })).toEqual({
      width: 0,
      height: 0,
      nodes: [],
      edges: [],
    });
  });
});
