import { describe, expect, it } from 'vitest';
import { compile } from '../../ad-core/index.ts';
import { EXAMPLES } from '../examples.ts';
import { autoCollapseFor, chooseAutoCollapse } from './autoCollapse.ts';

const sizes = [
  { name: 'a', size: 3 },
  { name: 'b', size: 6 },
  { name: 'c', size: 6 },
  { name: 'd', size: 1 },
];

describe('chooseAutoCollapse', () => {
  it('collapses nothing when the drawing fits', () => {
    expect(chooseAutoCollapse(sizes, new Map(), () => true)).toEqual([]);
  });

  it('collapses the largest blocks first, until it fits', () => {
    const tried: string[][] = [];
    const fits = (names: readonly string[]) => {
      tried.push([...names]);
      return names.length >= 2;
    };
    expect(chooseAutoCollapse(sizes, new Map(), fits)).toEqual(['b', 'c']);
    expect(tried).toEqual([[], ['b'], ['b', 'c']]);
  });

  it('collapses every candidate when nothing fits, but never a one-node block', () => {
    expect(chooseAutoCollapse(sizes, new Map(), () => false)).toEqual(['b', 'c', 'a']);
  });

  it('leaves the blocks the user chose alone', () => {
    const user = new Map([
      ['b', false],
      ['c', true],
    ]);
    expect(chooseAutoCollapse(sizes, user, () => false)).toEqual(['a']);
  });
});

describe('autoCollapseFor', () => {
  const network = EXAMPLES.find((e) => e.id === 'network')!;
  const built = compile(network.formula);
  if (!built.ok) throw new Error('the network example does not compile');
  const graph = built.graph;

  it('collapses the network on a projector-sized graph area, and nothing on a huge one', () => {
    const small = autoCollapseFor(graph, { width: 800, height: 420 }, new Map());
    expect(small.length).toBeGreaterThan(0);
    expect(autoCollapseFor(graph, { width: 6000, height: 4000 }, new Map())).toEqual([]);
  });

  it('never collapses a block the user expanded', () => {
    const user = new Map([['h1', false]]);
    expect(autoCollapseFor(graph, { width: 400, height: 300 }, user)).not.toContain('h1');
  });
});
