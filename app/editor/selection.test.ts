import { describe, expect, it } from 'vitest';
import type { Graph } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { nodesForSelection } from './selection.ts';

const ops = (g: Graph, ids: number[]) => ids.map((id) => g.nodes[id]!.op).sort();

describe('nodesForSelection', () => {
  const src = 'sin(x*y) + exp(x)/y';
  const g = graphOf(src);

  it('a caret picks the innermost node around it, not the whole expression', () => {
    const atStar = src.indexOf('*');
    expect(ops(g, nodesForSelection(g, { start: atStar, end: atStar }))).toEqual(['input']);
    const inExp = src.indexOf('exp') + 1;
    expect(ops(g, nodesForSelection(g, { start: inExp, end: inExp }))).toEqual(['exp']);
  });

  it('a selection picks every node lying inside it', () => {
    const start = src.indexOf('x*y');
    const ids = nodesForSelection(g, { start, end: start + 3 });
    expect(ops(g, ids)).toEqual(['input', 'input', 'mul']);
  });

  it('a selection inside one token falls back to the node around it', () => {
    const start = src.indexOf('sin');
    const ids = nodesForSelection(g, { start, end: start + 2 });
    expect(ops(g, ids)).toEqual(['sin']);
  });

  it('a shared variable is one node however often it is selected', () => {
    const ids = nodesForSelection(g, { start: 0, end: src.length });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(g.nodes.length);
  });
});
