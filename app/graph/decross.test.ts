import {
  coordCenter,
  decrossDfs,
  graph as dagGraph,
  sugiyama,
  type Decross,
  type MutGraphNode,
} from 'd3-dag';
import { describe, expect, it } from 'vitest';
import { sweepDecross } from './decross.ts';
import { formulaLayering } from './layering.ts';
import { randomSum } from './testGraphs.ts';

type Node = { children(): Iterable<Node> };

/** Edge crossings between neighbouring columns, by counting inverted pairs of edges. */
function crossings(layers: readonly (readonly Node[])[]): number {
  let total = 0;
  for (let i = 0; i + 1 < layers.length; i++) {
    const next = new Map(layers[i + 1]!.map((node, k) => [node, k]));
    const ends: [number, number][] = [];
    layers[i]!.forEach((node, k) => {
      for (const child of node.children()) {
        const j = next.get(child);
        if (j !== undefined) ends.push([k, j]);
      }
    });
    for (let a = 0; a < ends.length; a++) {
      for (let b = a + 1; b < ends.length; b++) {
        const [p, q] = ends[a]!;
        const [r, s] = ends[b]!;
        if ((p - r) * (q - s) < 0) total++;
      }
    }
  }
  return total;
}

/** Runs `decross` on the layers d3-dag builds for a random formula; returns them before/after. */
function run(decross: Decross<unknown, unknown>, seed: number) {
  const input = randomSum(40, 4, seed);
  const dag = dagGraph<number, undefined>();
  const nodes: MutGraphNode<number, undefined>[] = input.nodes.map((_, i) => dag.node(i));
  const linked = new Set<string>();
  for (const e of input.edges) {
    if (linked.has(`${e.from}>${e.to}`)) continue;
    linked.add(`${e.from}>${e.to}`);
    dag.link(nodes[e.from]!, nodes[e.to]!);
  }
  let before: Node[][] = [];
  let after: Node[][] = [];
  const recording: Decross<number, undefined> = (layers) => {
    before = layers.map((l) => [...l]);
    decross(layers);
    after = layers.map((l) => [...l]);
  };
  sugiyama()
    .layering(formulaLayering(input.nodes.map((n) => n.kind)))
    .decross(recording)
    .coord(coordCenter())
    .nodeSize([10, 10])(dag);
  return { before, after };
}

describe('sweepDecross', () => {
  it('reorders each column without losing or adding a node', () => {
    const { before, after } = run(sweepDecross(), 3);
    expect(after.map((l) => l.length)).toEqual(before.map((l) => l.length));
    after.forEach((layer, i) => expect(new Set(layer)).toEqual(new Set(before[i])));
  });

  it('leaves fewer crossings than the depth-first order it starts from', () => {
    let swept = 0;
    let dfs = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      swept += crossings(run(sweepDecross(), seed).after);
      dfs += crossings(run(decrossDfs().topDown(false), seed).after);
    }
    expect(swept).toBeLessThan(dfs);
  });
});
