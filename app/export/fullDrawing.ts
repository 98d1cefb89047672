// A large graph's whole drawing, for the picture downloads and paper. Past CANVAS_THRESHOLD nodes
// the view paints the graph on a canvas and keeps only a few nodes as DOM elements, so the DOM is
// no longer the drawing: the view leaves here what its canvas paints (graph, layout, frame state),
// keyed by its element, and the export draws every node from that.
import { useEffect, type RefObject } from 'react';
import type { Graph } from '../../ad-core/index.ts';
import type { PaintState } from '../graph/canvasPaint.ts';
import type { Layout } from '../graph/layout.ts';

export interface FullDrawing {
  graph: Graph;
  layout: Layout;
  state: PaintState;
}

const drawings = new WeakMap<Element, FullDrawing>();

/** The view at `ref` draws `drawing` on a canvas now (null: it draws every node in the DOM). */
export function useFullDrawing(ref: RefObject<Element | null>, drawing: FullDrawing | null): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (drawing) drawings.set(el, drawing);
    else drawings.delete(el);
  });
}

/** What the graph view `view` paints on its canvas, if it paints one. */
export function fullDrawingOf(view: Element | null | undefined): FullDrawing | undefined {
  return view ? drawings.get(view) : undefined;
}
