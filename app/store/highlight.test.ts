import { describe, expect, it } from 'vitest';
import { compile } from '../../ad-core/index.ts';
import { nodesForSelection } from '../editor/selection.ts';
import { formulaFocusNode, highlightedNodes } from './highlight.ts';

const graphOf = (src: string) => {
  const r = compile(src);
  if (!r.ok) throw new Error('does not compile');
  return r.graph;
};

describe('highlight', () => {
  const g = graphOf('sin(x*y) + y');
  const mul = g.nodes.find((n) => n.op === 'mul')!.id;
  const sin = g.nodes.find((n) => n.op === 'sin')!.id;

  it('joins the node under the pointer to those under the text cursor, once', () => {
    const caret = { start: 4, end: 7 }; // selects x*y
    const picked = nodesForSelection(g, caret);
    expect(picked).toContain(mul);
    expect(picked).not.toContain(sin);
    expect(highlightedNodes(g, caret, false, null)).toEqual(picked);
    expect(highlightedNodes(g, caret, false, sin)).toEqual([...picked, sin]);
    expect(highlightedNodes(g, caret, false, mul)).toEqual(picked);
  });

  it('ignores the text cursor on a stale graph and a hovered id the graph does not have', () => {
    expect(highlightedNodes(g, { start: 5, end: 5 }, true, null)).toEqual([]);
    expect(highlightedNodes(g, null, false, 999)).toEqual([]);
    expect(highlightedNodes(null, null, false, 1)).toEqual([]);
  });

  it('the formula boxes the hovered node first, else the outermost node the selection picks', () => {
    expect(formulaFocusNode(g, { start: 0, end: 8 }, false, null)).toBe(sin);
    expect(formulaFocusNode(g, { start: 4, end: 7 }, false, null)).toBe(mul);
    expect(formulaFocusNode(g, { start: 0, end: 8 }, false, mul)).toBe(mul);
    expect(formulaFocusNode(g, null, false, null)).toBeNull();
    expect(formulaFocusNode(g, { start: 5, end: 5 }, true, null)).toBeNull();
  });
});
