import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphOf } from '../../ad-core/test-support.ts';
import { computeLayout, postableLayout } from './layout.ts';
import { packLayout, transferablesOf } from './packedLayout.ts';
import type { LayoutRequest } from './layout.worker.ts';
import {
  WORKER_THRESHOLD,
  WORKER_TIMEOUT_MS,
  layoutInWorker,
  layoutTimeoutMs,
  layoutNow,
  needsWorker,
} from './layoutService.ts';

describe('layoutTimeoutMs', () => {
  it('gives a big graph more time than a small one, but never waits without bound', () => {
    expect(layoutTimeoutMs(10)).toBeGreaterThanOrEqual(WORKER_TIMEOUT_MS);
    expect(layoutTimeoutMs(20_000)).toBeGreaterThan(layoutTimeoutMs(5_000));
    expect(layoutTimeoutMs(20_000)).toBeGreaterThanOrEqual(20_000);
    expect(layoutTimeoutMs(10_000_000)).toBeLessThanOrEqual(60_000);
  });
});

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

describe('layoutInWorker', () => {
  /** A stand-in Worker that records what it is sent and answers only when told to. */
  class FakeWorker {
    static made: FakeWorker[] = [];
    terminated = false;
    sent: LayoutRequest[] = [];
    private listeners = new Map<string, Set<(event: unknown) => void>>();
    constructor() {
      FakeWorker.made.push(this);
    }
    addEventListener(type: string, fn: (event: unknown) => void) {
      if (!this.listeners.has(type)) this.listeners.set(type, new Set());
      this.listeners.get(type)!.add(fn);
    }
    removeEventListener(type: string, fn: (event: unknown) => void) {
      this.listeners.get(type)?.delete(fn);
    }
    postMessage(request: LayoutRequest) {
      this.sent.push(request);
    }
    terminate() {
      this.terminated = true;
    }
    emit(type: string, event: unknown) {
      for (const fn of [...(this.listeners.get(type) ?? [])]) fn(event);
    }
    answer() {
      const request = this.sent[this.sent.length - 1]!;
      // What layout.worker.ts posts.
      const posted = postableLayout(computeLayout(request.input));
      const packed = packLayout(posted.layout, posted.bulged);
      const data = structuredClone(
        { id: request.id, packed },
        { transfer: transferablesOf(packed) },
      );
      this.emit('message', { data });
    }
  }

  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('delivers the layout the worker computes', async () => {
    const promise = layoutInWorker(graphOf('sin(a) * cos(b) + 1'));
    FakeWorker.made.at(-1)!.answer();
    const layout = await promise;
    expect(layout.nodes).toHaveLength(graphOf('sin(a) * cos(b) + 1').nodes.length);
  });

  it('abandons an older request when a newer one comes, terminating its work', async () => {
    const older = layoutInWorker(graphOf('a*b + c*d + 2'));
    const first = FakeWorker.made.at(-1)!;
    const newer = layoutInWorker(graphOf('a*b + c*d + 3*e'));
    await expect(older).rejects.toMatchObject({ superseded: true });
    expect(first.terminated).toBe(true);
    FakeWorker.made.at(-1)!.answer();
    await expect(newer).resolves.toHaveProperty('nodes');
  });

  it('terminates and replaces a worker that takes too long, and says so', async () => {
    const hungGraph = graphOf('exp(p) + q*r - 4');
    const hung = layoutInWorker(hungGraph);
    const first = FakeWorker.made.at(-1)!;
    vi.advanceTimersByTime(layoutTimeoutMs(hungGraph.nodes.length) - 1);
    expect(first.terminated).toBe(false);
    vi.advanceTimersByTime(2);
    await expect(hung).rejects.toMatchObject({ superseded: false });
    expect(first.terminated).toBe(true);
    const next = layoutInWorker(graphOf('exp(p) + q*r - 5'));
    expect(FakeWorker.made.at(-1)).not.toBe(first);
    FakeWorker.made.at(-1)!.answer();
    await expect(next).resolves.toHaveProperty('nodes');
  });

  it('replaces a worker that errors, and fails the request instead of hanging', async () => {
    const broken = layoutInWorker(graphOf('tanh(u*v) + 6'));
    const first = FakeWorker.made.at(-1)!;
    first.emit('error', { message: 'boom' });
    await expect(broken).rejects.toThrow('boom');
    expect(first.terminated).toBe(true);
    layoutInWorker(graphOf('tanh(u*v) + 7')).catch(() => {});
    expect(FakeWorker.made.at(-1)).not.toBe(first);
  });
});
