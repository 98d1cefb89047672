import { describe, expect, it } from 'vitest';
import { focusOutput } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { createAppStore } from '../store/store.ts';
import { followedOutputOf, outputLabels } from './JacobianOutputs.ts';

const THREE = 'x*y, sin(x), x + y';

describe('followedOutputOf', () => {
  it('names the followed output by its place, its name and its text', () => {
    const graph = graphOf(THREE);
    expect(followedOutputOf(graph, THREE)?.text).toBe('Output 1 of 3: y₁ = x*y');
    const second = followedOutputOf(focusOutput(graph, 1), THREE);
    expect(second).toEqual({
      index: 1,
      count: 3,
      labels: ['y₁ = x*y', 'y₂ = sin(x)', 'y₃ = x + y'],
      text: 'Output 2 of 3: y₂ = sin(x)',
    });
  });

  it('follows the store: choosing an output changes what every panel is told', () => {
    const store = createAppStore();
    store.getState().setSource(THREE);
    const text = () =>
      followedOutputOf(store.getState().derived.graph, store.getState().source)?.text;
    expect(text()).toBe('Output 1 of 3: y₁ = x*y');
    store.getState().setOutput(2);
    expect(text()).toBe('Output 3 of 3: y₃ = x + y');
    store.getState().setSource('sin(x)');
    expect(text()).toBeUndefined();
  });

  it('says nothing for one output or no graph', () => {
    expect(followedOutputOf(graphOf('x*y'), 'x*y')).toBeNull();
    expect(followedOutputOf(null, '')).toBeNull();
  });

  it('shortens a long output and falls back to the names when the text cannot be read', () => {
    const long = 'a*b*c*d*e*f*g*h*i*j*k*l*m*n, x';
    expect(outputLabels(long, 2)[0]).toBe('y₁ = a*b*c*d*e*f*g*h*i*j*k*l…');
    // A source that does not end in that many outputs (a stale text): names only.
    expect(followedOutputOf(graphOf(THREE), 'x*y')?.text).toBe('Output 1 of 3: y₁');
  });
});
