import { describe, expect, it } from 'vitest';
import { buildTrace, frameAt } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { isForwardMode, stepView } from './frameView.ts';

describe('stepView', () => {
  const g = graphOf('x*x + x');
  const reverse = buildTrace(g, { x: 3 }, 'reverse');

  it('shows nothing current before the first step', () => {
    const v = stepView(frameAt(reverse, 0));
    expect(v.currentNodes.size).toBe(0);
    expect(v.flows.size).toBe(0);
  });

  it('sends each reverse contribution back along its own edge with its amount', () => {
    for (let k = 1; k <= reverse.steps.length; k++) {
      const step = reverse.steps[k - 1]!;
      if (step.kind !== 'propagate') continue;
      const v = stepView(frameAt(reverse, k));
      expect([...v.currentNodes]).toEqual([step.node]);
      expect(v.flows.size).toBe(step.contributions.length);
      for (const c of step.contributions) {
        expect(v.flows.get(c.edge)).toEqual({ kind: 'adjoint', amount: c.amount });
      }
    }
  });

  it('sends values forward along the edges of an evaluated node', () => {
    const k =
      reverse.steps.findIndex((s) => s.kind === 'evaluate' && g.nodes[s.node]!.kind === 'op') + 1;
    const frame = frameAt(reverse, k);
    const v = stepView(frame);
    expect(frame.activeEdges.length).toBeGreaterThan(0);
    for (const e of frame.activeEdges)
      expect(v.flows.get(e)).toEqual({ kind: 'value', amount: null });
  });
});

describe('isForwardMode', () => {
  const g = graphOf('sin(x*y)');
  it('is true once tangents are seeded in forward mode and never in reverse mode', () => {
    const fwd = buildTrace(g, { x: 1, y: 2 }, 'forward', { x: 1, y: 0 });
    const rev = buildTrace(g, { x: 1, y: 2 }, 'reverse');
    expect(isForwardMode(frameAt(fwd, fwd.steps.length))).toBe(true);
    for (let k = 0; k <= rev.steps.length; k++) expect(isForwardMode(frameAt(rev, k))).toBe(false);
  });
});
