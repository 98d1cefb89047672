// One place that decides where a layout is computed: cached by graph shape, synchronously for
// small graphs, in a Web Worker for large ones. A newer request for a large graph abandons the
// older one (its worker is terminated), so a burst of keystrokes costs one layout, not many.
import type { Graph } from '../../ad-core/index.ts';
import { layoutInputOf, shapeKey } from './graphInput.ts';
import { computeLayout, type Layout } from './layout.ts';
import type { LayoutRequest, LayoutResponse } from './layout.worker.ts';

/** Graphs with more nodes than this are laid out in a worker. */
export const WORKER_THRESHOLD = 150;
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

let worker: Worker | null = null;
let pending: { id: number; reject(reason: Error): void } | null = null;
let nextId = 1;

export function layoutInWorker(graph: Graph, key = shapeKey(graph)): Promise<Layout> {
  const hit = cachedLayout(key);
  if (hit) return Promise.resolve(hit);
  if (pending) {
    // The old request is for a formula the user has already moved past.
    pending.reject(new Error('superseded'));
    pending = null;
    worker?.terminate();
    worker = null;
  }
  const w = (worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), {
    type: 'module',
  }));
  const id = nextId++;
  return new Promise<Layout>((resolve, reject) => {
    pending = { id, reject };
    const finish = () => {
      if (pending?.id === id) pending = null;
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<LayoutResponse>) => {
      if (event.data.id !== id) return;
      finish();
      if ('layout' in event.data) resolve(remember(key, event.data.layout));
      else reject(new Error(event.data.error));
    };
    const onError = () => {
      finish();
      // A worker that cannot start (old browser, CSP) must not leave the graph blank.
      worker = null;
      try {
        resolve(layoutNow(graph, key));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const request: LayoutRequest = { id, input: layoutInputOf(graph) };
    w.postMessage(request);
  });
}
