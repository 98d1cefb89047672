import { describe, expect, it } from 'vitest';
import { graphOf } from '../../ad-core/test-support.ts';
import type { LayoutNode } from './layout.ts';
import {
  CANVAS_THRESHOLD,
  DOM_CAP,
  DRAW_LIMIT,
  consumersOf,
  domNodeIds,
  inView,
  sameIds,
  tooLargeToDraw,
  usesCanvas,
} from './lodSelect.ts';

/** `a1 = x*2; a2 = a1*x + 1; …`: x feeds every binding. */
function chain(steps: number): string {
  const lines = ['a1 = x*2'];
  for (let k = 2; k <= steps; k++) lines.push(`a${k} = a${k - 1}*x + 1`);
  lines.push(`a${steps}`);
  return lines.join('\n');
}

/** Node i at (100·i, 0): a row, so what is "in view" is easy to say. */
function row(count: number): LayoutNode[] {
  return Array.from({ length: count }, (_, id) => ({ id, x: 100 * id, y: 0 }));
}

describe('usesCanvas / tooLargeToDraw', () => {
  it('switches to the canvas past the threshold and stops drawing past the limit', () => {
    expect(usesCanvas(CANVAS_THRESHOLD)).toBe(false);
    expect(usesCanvas(CANVAS_THRESHOLD + 1)).toBe(true);
    expect(tooLargeToDraw(DRAW_LIMIT)).toBe(false);
    expect(tooLargeToDraw(DRAW_LIMIT + 1)).toBe(true);
    expect(DRAW_LIMIT).toBeGreaterThanOrEqual(20_000);
  });
});

describe('domNodeIds', () => {
  const graph = graphOf('sin(x*y) + y');
  const byOp = (op: string) => graph.nodes.find((n) => n.op === op)!.id;

  it('keeps the current node, its arguments and consumers, and the output', () => {
    const mul = byOp('mul');
    const ids = domNodeIds({
      graph,
      positions: row(graph.nodes.length),
      current: new Set([mul]),
      selected: null,
      focused: null,
      view: null,
    });
    const x = graph.nodes.find((n) => n.label === 'x')!.id;
    const y = graph.nodes.find((n) => n.label === 'y')!.id;
    expect([...ids].sort()).toEqual([mul, x, y, byOp('sin'), graph.output].sort());
  });

  it('keeps the selected node with its neighbours and the focused node', () => {
    const sin = byOp('sin');
    const ids = domNodeIds({
      graph,
      positions: row(graph.nodes.length),
      current: new Set(),
      selected: sin,
      focused: graph.inputs[1]!,
      view: null,
    });
    expect(ids.has(sin)).toBe(true);
    expect(ids.has(byOp('mul'))).toBe(true);
    expect(ids.has(byOp('add'))).toBe(true);
    expect(ids.has(graph.inputs[1]!)).toBe(true);
  });

  it('before the first step keeps the first input, where the story starts', () => {
    const ids = domNodeIds({
      graph,
      positions: row(graph.nodes.length),
      current: new Set(),
      selected: null,
      focused: null,
      view: null,
    });
    expect(ids).toEqual(new Set([graph.inputs[0], graph.output]));
  });

  it('adds the nodes in view when zoomed in, and none when the view is an overview', () => {
    const g = graphOf(chain(40));
    const positions = row(g.nodes.length);
    const base = { graph: g, positions, current: new Set<number>(), selected: null, focused: null };
    // The view shows x from 1000 to 1400 (nodes 10–14) at scale 1.
    const view = { transform: { k: 1, x: -1000, y: 200 }, size: { width: 400, height: 400 } };
    const zoomed = domNodeIds({ ...base, view });
    for (const id of [10, 11, 12, 13, 14]) expect(zoomed.has(id)).toBe(true);
    expect(zoomed.has(30)).toBe(false);
    expect(domNodeIds({ ...base, view: null }).has(12)).toBe(false);
  });

  it('caps a widely used node’s consumers at the ones nearest it in the tape', () => {
    const g = graphOf(chain(200));
    const x = g.inputs[0]!;
    expect(consumersOf(g)[x]!.length).toBe(200);
    const ids = domNodeIds({
      graph: g,
      positions: row(g.nodes.length),
      current: new Set([x]),
      selected: null,
      focused: null,
      view: null,
    });
    expect(ids.size).toBeLessThan(20);
    const consumers = [...ids].filter((id) => g.nodes[id]!.args.includes(x));
    expect(consumers.length).toBe(12);
    // Nearest in the tape: the first bindings' multiplications.
    expect(Math.max(...consumers)).toBeLessThan(60);
  });

  it('never keeps more than DOM_CAP nodes, however many are in view', () => {
    const g = graphOf(chain(400));
    const positions = g.nodes.map((n) => ({ id: n.id, x: 0, y: 0 }));
    const ids = domNodeIds({
      graph: g,
      positions,
      current: new Set([g.output]),
      selected: null,
      focused: null,
      view: { transform: { k: 1, x: 100, y: 100 }, size: { width: 800, height: 600 } },
    });
    expect(ids.size).toBe(DOM_CAP);
    expect(ids.has(g.output)).toBe(true);
  });
});

describe('inView', () => {
  it('lists the nodes inside the view, nearest its centre first', () => {
    const ids = inView(row(50), { k: 0.5, x: 0, y: 100 }, { width: 200, height: 200 });
    // Content x from 0 to 400 (plus a margin of 40): nodes 0–4, the centre (200) is node 2.
    expect(ids[0]).toBe(2);
    expect([...ids].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
  });

  it('is empty for an empty view', () => {
    expect(inView(row(5), { k: 1, x: 0, y: 0 }, { width: 0, height: 0 })).toEqual([]);
  });
});

describe('sameIds', () => {
  it('compares members, not identity', () => {
    expect(sameIds(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(sameIds(new Set([1, 2]), new Set([1, 3]))).toBe(false);
    expect(sameIds(new Set([1]), new Set([1, 2]))).toBe(false);
  });
});
