// The layout for the graph on screen. Small graphs are laid out during render; large ones in a
// worker, and until theirs arrives the previous layout (with the graph it belongs to) stays.
import { useEffect, useMemo, useState } from 'react';
import type { Graph } from '../../ad-core/index.ts';
import { shapeKey } from './graphInput.ts';
import type { Layout } from './layout.ts';
import { cachedLayout, layoutInWorker, layoutNow, needsWorker } from './layoutService.ts';

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
}

export function useLayout(graph: Graph): LayoutState {
  const key = useMemo(() => shapeKey(graph), [graph]);
  const immediate = useMemo<Laid | null>(() => {
    if (needsWorker(graph)) {
      const hit = cachedLayout(key);
      return hit ? { graph, layout: hit, key } : null;
    }
    return { graph, layout: layoutNow(graph, key), key };
  }, [graph, key]);

  const [arrived, setArrived] = useState<Laid | null>(null);
  useEffect(() => {
    if (immediate) return;
    let live = true;
    layoutInWorker(graph, key).then(
      (layout) => {
        if (live) setArrived({ graph, layout, key });
      },
      () => {
        // Superseded by a newer formula; that request will deliver.
      },
    );
    return () => {
      live = false;
    };
  }, [graph, key, immediate]);

  const current = immediate ?? (arrived?.graph === graph ? arrived : null);
  const [shown, setShown] = useState<Laid | null>(current);
  if (current && current !== shown) setShown(current);
  return { laid: current ?? shown, pending: current === null };
}
