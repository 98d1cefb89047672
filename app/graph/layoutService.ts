// One place that decides where a layout is computed: cached by graph shape, synchronously for
// small graphs, in a Web Worker for large ones. A newer request for a large graph abandons the
// older one (its worker is terminated), so a burst of keystrokes costs one layout, not many; a
// worker that errors or takes longer than WORKER_TIMEOUT_MS is terminated and replaced, and the
// request fails (the view keeps its last drawing and says so).
import type { Graph } from '../../ad-core/index.ts';
import { layoutInputOf, shapeKey } from './graphInput.ts';
import { computeLayout, withLazyTails, type Layout } from './layout.ts';
import type { LayoutRequest, LayoutResponse } from './layout.worker.ts';
import { unpackLayout } from './packedLayout.ts';

/** Graphs with more nodes than this are laid out in a worker. */
export const WORKER_THRESHOLD = 400;
const CACHE_SIZE = 24;

const cache = new Map<string, Layout>();

function remember(key: string, layout: Layout): Layout {
  cache.delete(key);
  cache.set(key, layout);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return layout;
}

export function cachedLayout(key: string): Layout | undefined {
  const hit = cache.get(key);
  if (hit) remember(key, hit);
  return hit;
}

export function layoutNow(graph: Graph, key = shapeKey(graph)): Layout {
  return cachedLayout(key) ?? remember(key, computeLayout(layoutInputOf(graph)));
}

export function needsWorker(graph: Graph): boolean {
  return graph.nodes.length > WORKER_THRESHOLD && typeof Worker !== 'undefined';
}

/**
 * A layout that takes longer than this is abandoned: its worker is terminated and replaced.
 * The allowance grows with the graph (a 20,000-node layout legitimately takes seconds on a
 * slow school laptop) but stays bounded, so a hung worker is still noticed.
 */
export const WORKER_TIMEOUT_MS = 5000;
const TIMEOUT_PER_NODE_MS = 1;
const MAX_TIMEOUT_MS = 60_000;

export function layoutTimeoutMs(nodeCount: number): number {
  return Math.min(MAX_TIMEOUT_MS, WORKER_TIMEOUT_MS + TIMEOUT_PER_NODE_MS * nodeCount);
}

let worker: Worker | null = null;
let pending: { id: number; fail(reason: Error): void } | null = null;
let nextId = 1;

/** Why a layout did not arrive: a newer request replaced it, or the worker failed or hung. */
export class LayoutAbandoned extends Error {
  constructor(
    message: string,
    readonly superseded: boolean,
  ) {
    super(message);
  }
}

function dropWorker(): void {
  worker?.terminate();
  worker = null;
}

export function layoutInWorker(graph: Graph, key = shapeKey(graph)): Promise<Layout> {
  const hit = cachedLayout(key);
  if (hit) return Promise.resolve(hit);
  if (pending) {
    // The old request is for a formula the user has already moved past: stop its work.
    pending.fail(new LayoutAbandoned('superseded', true));
    dropWorker();
  }
  const w = (worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), {
    type: 'module',
  }));
  const id = nextId++;
  const timeoutMs = layoutTimeoutMs(graph.nodes.length);
  const input = layoutInputOf(graph);
  return new Promise<Layout>((resolve, reject) => {
    const finish = () => {
      if (pending?.id === id) pending = null;
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const fail = (reason: Error) => {
      finish();
      reject(reason);
    };
    pending = { id, fail };
    const onMessage = (event: MessageEvent<LayoutResponse>) => {
      if (event.data.id !== id) return;
      finish();
      if ('packed' in event.data) {
        const { layout, bulged } = unpackLayout(event.data.packed);
        resolve(remember(key, withLazyTails(layout, input, bulged)));
      } else reject(new LayoutAbandoned(event.data.error, false));
    };
    const onError = (event: ErrorEvent) => {
      // A worker that cannot start or throws is replaced for the next request.
      if (worker === w) dropWorker();
      fail(new LayoutAbandoned(event.message || 'the layout worker failed', false));
    };
    const timer = setTimeout(() => {
      if (worker === w) dropWorker();
      fail(new LayoutAbandoned(`no layout after ${Math.round(timeoutMs / 1000)} s`, false));
    }, timeoutMs);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const request: LayoutRequest = { id, input };
    w.postMessage(request);
  });
}
