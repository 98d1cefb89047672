import { describe, expect, it } from 'vitest';
import { compile } from '../../ad-core/index.ts';
import { derive, effectivePoint, seedVector, type Inputs } from './derive.ts';

const graphOf = (src: string) => {
  const r = compile(src);
  if (!r.ok) throw new Error('does not compile');
  return r.graph;
};

const inputs = (over: Partial<Inputs> = {}): Inputs => ({
  source: 'x*y',
  point: { x: 2, y: 3 },
  mode: 'reverse',
  seed: { kind: 'variable', name: 'x' },
  method: 'central',
  h: null,
  merge: false,
  ...over,
});

describe('derive helpers', () => {
  it('effectivePoint keeps set values, defaults the rest to 1, ignores non-finite ones', () => {
    const g = graphOf('a + b + c');
    expect(effectivePoint(g, { a: 5, c: Number.NaN, z: 9 })).toEqual({ a: 5, b: 1, c: 1 });
  });

  it('seedVector is a unit vector, falling back to the first variable when the chosen one is gone', () => {
    const g = graphOf('a*b');
    expect(seedVector(g, { kind: 'variable', name: 'b' })).toEqual({ a: 0, b: 1 });
    expect(seedVector(g, { kind: 'variable', name: 'gone' })).toEqual({ a: 1, b: 0 });
    expect(seedVector(g, { kind: 'custom', vector: { b: 2 } })).toEqual({ a: 0, b: 2 });
  });
});

describe('derive', () => {
  it('reuses the graph when only the point changes, and everything when nothing does', () => {
    const first = derive(null, inputs());
    const same = derive(first, inputs());
    expect(same.graph).toBe(first.graph);
    expect(same.trace).toBe(first.trace);
    const moved = derive(first, inputs({ point: { x: 4, y: 3 } }));
    expect(moved.graph).toBe(first.graph);
    expect(moved.trace).not.toBe(first.trace);
    expect(moved.evaluation!.values[moved.graph!.output]).toBe(12);
  });

  it('a mode switch rebuilds the trace but keeps the evaluation object', () => {
    const first = derive(null, inputs());
    const fwd = derive(first, inputs({ mode: 'forward' }));
    expect(fwd.trace?.mode).toBe('forward');
    expect(fwd.evaluation).toBe(first.evaluation);
  });

  it('merging compiles a DAG with fewer nodes and the same value; switching back restores the tree', () => {
    const tree = derive(null, inputs({ source: 'sin(x*y) + cos(x*y)' }));
    const merged = derive(tree, inputs({ source: 'sin(x*y) + cos(x*y)', merge: true }));
    expect(merged.graph).not.toBe(tree.graph);
    expect(merged.graph!.nodes.length).toBe(tree.graph!.nodes.length - 1);
    expect(merged.evaluation!.values[merged.graph!.output]).toBe(tree.evaluation!.values[tree.graph!.output]);
    const back = derive(merged, inputs({ source: 'sin(x*y) + cos(x*y)' }));
    expect(back.graph!.nodes.length).toBe(tree.graph!.nodes.length);
  });

  it('an invalid source keeps the previous graph and reports diagnostics', () => {
    const first = derive(null, inputs());
    const broken = derive(first, inputs({ source: 'x*' }));
    expect(broken.stale).toBe(true);
    expect(broken.graph).toBe(first.graph);
    expect(broken.diagnostics.length).toBeGreaterThan(0);
    const fresh = derive(null, inputs({ source: 'x*' }));
    expect(fresh.graph).toBeNull();
    expect(fresh.trace).toBeNull();
  });
});
