// The layout for the graph on screen. Small graphs are laid out during render; large ones in a
// worker, and until theirs arrives the previous layout (with the graph it belongs to) stays. If the
// worker fails or hangs, the previous drawing stays too, and `failed` says why (never an endless
// "Laying out…").
import { useEffect, useMemo, useState } from 'react';
import type { Graph } from '../../ad-core/index.ts';
import { shapeKey } from './graphInput.ts';
import type { Layout } from './layout.ts';
import {
  LayoutAbandoned,
  cachedLayout,
  layoutInWorker,
  layoutNow,
  needsWorker,
} from './layoutService.ts';

export interface Laid {
  graph: Graph;
  layout: Layout;
  /** Identifies the graph's shape: changes exactly when the drawing must change. */
  key: string;
}

export interface LayoutState {
  /** What to draw: the current graph's layout, or the previous one while it is computed. */
  laid: Laid | null;
  /** True while a worker is computing the current graph's layout. */
  pending: boolean;
  /** Why the current graph could not be laid out (the previous drawing is shown), or null. */
  failed: string | null;
}

export function useLayout(graph: Graph): LayoutState {
  const key = useMemo(() => shapeKey(graph), [graph]);
  const immediate = useMemo<Laid | { error: string } | null>(() => {
    if (needsWorker(graph)) {
      const hit = cachedLayout(key);
      return hit ? { graph, layout: hit, key } : null;
    }
    try {
      return { graph, layout: layoutNow(graph, key), key };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [graph, key]);

  const [arrived, setArrived] = useState<Laid | null>(null);
  const [failure, setFailure] = useState<{ graph: Graph; message: string } | null>(null);
  useEffect(() => {
    if (immediate) return;
    let live = true;
    layoutInWorker(graph, key).then(
      (layout) => {
        if (live) setArrived({ graph, layout, key });
      },
      (error: unknown) => {
        // Superseded: the newer formula's request will deliver.
        if (!live || (error instanceof LayoutAbandoned && error.superseded)) return;
        setFailure({ graph, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [graph, key, immediate]);

  const laidNow = immediate && 'layout' in immediate ? immediate : null;
  const current = laidNow ?? (arrived?.graph === graph ? arrived : null);
  const [shown, setShown] = useState<Laid | null>(current);
  if (current && current !== shown) setShown(current);
  const failed =
    immediate && 'error' in immediate
      ? immediate.error
      : !current && failure?.graph === graph
        ? failure.message
        : null;
  return { laid: current ?? shown, pending: current === null && failed === null, failed };
}
