import { describe, expect, it } from 'vitest';
import { graphOf } from '../../ad-core/test-support.ts';
import { layoutInputOf, shapeKey } from './graphInput.ts';

describe('shapeKey', () => {
  it('is the same for two compilations of one formula and differs for another formula', () => {
    expect(shapeKey(graphOf('sin(x*y) + y'))).toBe(shapeKey(graphOf('sin(x*y) + y')));
    expect(shapeKey(graphOf('sin(x*y) + y'))).not.toBe(shapeKey(graphOf('sin(x*y) - y')));
    expect(shapeKey(graphOf('x*y'))).not.toBe(shapeKey(graphOf('y*x')));
  });
});

describe('layoutInputOf', () => {
  it('keeps every node and edge, repeated edges included', () => {
    const g = graphOf('x*x + x');
    const input = layoutInputOf(g);
    expect(input.nodes.map((n) => n.id)).toEqual(g.nodes.map((n) => n.id));
    expect(input.edges).toHaveLength(g.edges.length);
    expect(input.output).toBe(g.output);
  });
});
