import { describe, expect, it } from 'vitest';
import { graphOf } from '../test-support.ts';
import { tableOf } from './data.ts';
import { buildModel } from './model.ts';
import { findPrediction, predictMany } from './predict.ts';

function model(formula: string, params: string[], columns: string[]) {
  const built = buildModel(
    graphOf(formula),
    params,
    tableOf(columns, [[1, 2, 3].slice(0, columns.length)]),
  );
  if (!built.ok) throw new Error(built.diagnostics[0]!.message);
  return built.model;
}

describe('findPrediction', () => {
  it('finds w*x+b inside a squared error', () => {
    const m = model('(w*x + b - y)^2', ['w', 'b'], ['x', 'y']);
    const p = findPrediction(m)!;
    expect(p.inputs).toEqual(['x']);
    expect(p.target).toBe('y');
    expect(m.graph.nodes[p.node]!.op).toBe('add');
    const out = new Float64Array(3);
    predictMany(m, p, Float64Array.from([2, 1]), [Float64Array.from([0, 1, 2])], out);
    expect([...out]).toEqual([1, 3, 5]);
  });

  it('prefers the named binding p over later nodes such as log(1-p)', () => {
    const m = model(
      'p = sigmoid(a*x1 + b*x2 + c); -(y*log(p) + (1-y)*log(1-p))',
      ['a', 'b', 'c'],
      ['x1', 'x2', 'y'],
    );
    const p = findPrediction(m)!;
    expect(m.graph.nodes[p.node]!.binding).toBe('p');
    expect(p.inputs).toEqual(['x1', 'x2']);
    const out = new Float64Array(1);
    predictMany(m, p, Float64Array.from([0, 0, 0]), [Float64Array.of(5), Float64Array.of(-5)], out);
    expect(out[0]).toBe(0.5);
  });

  it('is null when the loss has no input column', () => {
    expect(findPrediction(model('(w - y)^2', ['w'], ['y']))).toBeNull();
  });
});
