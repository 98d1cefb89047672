import { describe, expect, it } from 'vitest';
import { graph as dagGraph } from 'd3-dag';
import type { NodeKind } from '../../ad-core/index.ts';
import { formulaLayering, formulaLayers } from './layering.ts';
import { randomSum, warmUp } from './testGraphs.ts';
import type { LayoutInput } from './layout.ts';

function layersOf(input: LayoutInput): {
  kinds: NodeKind[];
  links: [number, number][];
  layers: number[];
} {
  const kinds = input.nodes.map((n) => n.kind);
  const links: [number, number][] = input.edges.map((e) => [e.from, e.to]);
  return { kinds, links, layers: formulaLayers(kinds, links) };
}

describe('formulaLayers', () => {
  it('puts inputs first and every argument in an earlier column than its consumer', () => {
    for (const input of [warmUp(), randomSum(30, 4, 3), randomSum(120, 5, 9)]) {
      const { kinds, links, layers } = layersOf(input);
      kinds.forEach((k, i) => {
        if (k === 'input') expect(layers[i]).toBe(0);
      });
      for (const [from, to] of links) expect(layers[from]).toBeLessThan(layers[to]!);
    }
  });

  it('places a constant in the column just before its consumer', () => {
    // x, 2, x*2 (1 layer), exp(x*2), sin(2): the constant 2 feeds layer 1 and layer ≥ 1.
    const kinds: NodeKind[] = ['input', 'constant', 'op', 'op', 'op', 'op'];
    const links: [number, number][] = [
      [0, 2],
      [1, 2],
      [2, 3],
      [1, 4],
      [3, 5],
      [4, 5],
    ];
    const layers = formulaLayers(kinds, links);
    expect(layers[1]).toBe(Math.min(layers[2]!, layers[4]!) - 1);
  });

  it('keeps an operation on constants alone right of the inputs', () => {
    // x + sin(3): sin(3) must not share the inputs' column.
    const kinds: NodeKind[] = ['input', 'constant', 'op', 'op'];
    const links: [number, number][] = [
      [1, 2],
      [0, 3],
      [2, 3],
    ];
    const layers = formulaLayers(kinds, links);
    expect(layers[2]).toBeGreaterThan(0);
    expect(layers[1]).toBeLessThan(layers[2]!);
    // x waits beside sin(3), just before the + that reads it, like a constant.
    expect(layers[0]).toBe(layers[3]! - 1);
  });

  it('puts an input read only late beside its consumer, not in a first column of its own', () => {
    // A neuron's last weight: x, w, x*w, b, (x*w)*x, + b: b waits beside the product it is added to.
    const kinds: NodeKind[] = ['input', 'input', 'op', 'input', 'op', 'op'];
    const links: [number, number][] = [
      [0, 2],
      [1, 2],
      [2, 4],
      [0, 4],
      [4, 5],
      [3, 5],
    ];
    const layers = formulaLayers(kinds, links);
    expect(layers[0]).toBe(0);
    expect(layers[1]).toBe(0);
    expect(layers[3]).toBe(layers[5]! - 1);
    for (const [from, to] of links) expect(layers[from]).toBeLessThan(layers[to]!);
  });

  it('lets an input that is the output (the d3-dag layout links unused bindings into it) follow them', () => {
    // `a = y*2; x`: y, 2, y*2, x — the d3-dag comparison layout links the unused binding into x.
    const kinds: NodeKind[] = ['input', 'constant', 'op', 'input'];
    const links: [number, number][] = [
      [0, 2],
      [1, 2],
      [2, 3],
    ];
    const layers = formulaLayers(kinds, links);
    expect(layers[3]).toBeGreaterThan(layers[2]!);
  });

  it('chooses the shorter of the early and late layerings', () => {
    // x, y; m = x*y; a chain x → a → b → c; output = c + m. As early as possible puts m next to
    // the inputs, with one long edge to the output; as late as possible puts it next to the
    // output, with one long edge from x.
    const kinds: NodeKind[] = ['input', 'input', 'op', 'op', 'op', 'op', 'op'];
    const links: [number, number][] = [
      [0, 2],
      [1, 2],
      [0, 3],
      [3, 4],
      [4, 5],
      [5, 6],
      [2, 6],
    ];
    const layers = formulaLayers(kinds, links);
    // With y waiting beside m either way, both have 9 columns of edge; the tie goes to the late
    // one, which keeps m next to the + it feeds.
    const span = links.reduce((sum, [a, b]) => sum + layers[b]! - layers[a]!, 0);
    expect(span).toBe(9);
    for (const [from, to] of links) expect(layers[from]).toBeLessThan(layers[to]!);
  });

  it('puts an output that an unused binding reads with the inputs, without a cycle', () => {
    // `z = w*x + b` then `x`: w, x, b, w*x, +; the output x is read by the unused binding z.
    const kinds: NodeKind[] = ['input', 'input', 'input', 'op', 'op'];
    const links: [number, number][] = [
      [0, 3],
      [1, 3],
      [3, 4],
      [2, 4],
    ];
    const layers = formulaLayers(kinds, links, 1);
    // w and the output x in the first column; b beside the + it feeds.
    expect(layers.slice(0, 3)).toEqual([0, 0, 1]);
    for (const [from, to] of links) expect(layers[from]).toBeLessThan(layers[to]!);
  });

  it('keeps unused bindings and constants left of an output nobody reads', () => {
    // `a = x*2` then `3`: x, 2, x*2, 3 — the output 3 alone in the last column.
    const layers = formulaLayers(
      ['input', 'constant', 'op', 'constant'],
      [
        [0, 2],
        [1, 2],
      ],
      3,
    );
    for (const i of [0, 1, 2]) expect(layers[i]).toBeLessThan(layers[3]!);
    // `a = y*2` then `x`: the output input x goes right of the unused binding.
    const other = formulaLayers(
      ['input', 'constant', 'op', 'input'],
      [
        [0, 2],
        [1, 2],
      ],
      3,
    );
    expect(other[3]).toBeGreaterThan(other[2]!);
  });

  it('rejects a cycle rather than looping', () => {
    expect(() =>
      formulaLayers(
        ['op', 'op'],
        [
          [0, 1],
          [1, 0],
        ],
      ),
    ).toThrow(/cycle/);
  });
});

describe('formulaLayering', () => {
  it('sets y so that consecutive layers are separated as d3-dag asks, and returns the height', () => {
    const input = warmUp();
    const dag = dagGraph<number, undefined>();
    const nodes = input.nodes.map((_, i) => dag.node(i));
    for (const e of input.edges) dag.link(nodes[e.from]!, nodes[e.to]!);
    const sep = () => 10;
    const height = formulaLayering(input.nodes.map((n) => n.kind))(dag, sep);
    const layers = formulaLayers(
      input.nodes.map((n) => n.kind),
      input.edges.map((e) => [e.from, e.to] as [number, number]),
    );
    for (const node of nodes) expect(node.y).toBe(10 + 10 * layers[node.data]!);
    expect(height).toBe(10 + 10 * Math.max(...layers) + 10);
  });
});
