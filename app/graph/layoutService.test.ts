import { describe, expect, it } from 'vitest';
import { graphOf } from '../../ad-core/test-support.ts';
import { WORKER_THRESHOLD, layoutNow, needsWorker } from './layoutService.ts';

describe('layoutNow', () => {
  it('lays out a formula once, however many Graph objects the store hands over for it', () => {
    const a = layoutNow(graphOf('sin(x) * cos(y)'));
    const b = layoutNow(graphOf('sin(x) * cos(y)'));
    expect(b).toBe(a);
    expect(layoutNow(graphOf('sin(x) * cos(x)'))).not.toBe(a);
  });
});

describe('needsWorker', () => {
  it('keeps small graphs on the main thread, and everything where workers do not exist', () => {
    expect(needsWorker(graphOf('x*y + 1'))).toBe(false);
    const big = graphOf(
      Array.from({ length: WORKER_THRESHOLD }, (_, i) => `sin(${i + 1}*x)`).join(' + '),
    );
    expect(big.nodes.length).toBeGreaterThan(WORKER_THRESHOLD);
    // Vitest runs in Node without a Worker global: the layout must still happen, synchronously.
    expect(needsWorker(big)).toBe(typeof Worker !== 'undefined');
  });
});
