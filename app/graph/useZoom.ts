// d3-zoom is the graph view's one imperative island: bound once to the <svg> (which React
// renders but never gives event handlers or a transform), it reports the transform as React
// state; React applies it to the content group.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';

export interface Size {
  width: number;
  height: number;
}

const SCALE_EXTENT: [number, number] = [0.05, 4];
/** Fitting never magnifies past this: a 3-node graph should not fill a projector. */
const MAX_FIT_SCALE = 1.5;
const FIT_PADDING = 16;
const ANIMATION_MS = 450;

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The transform that shows all of `content` centred in `view`. Pure, for testing. */
export function fitTransform(content: Size, view: Size): { k: number; x: number; y: number } {
  if (content.width <= 0 || content.height <= 0 || view.width <= 0 || view.height <= 0) {
    return { k: 1, x: 0, y: 0 };
  }
  const k = Math.max(
    SCALE_EXTENT[0],
    Math.min(
      MAX_FIT_SCALE,
      (view.width - 2 * FIT_PADDING) / content.width,
      (view.height - 2 * FIT_PADDING) / content.height,
    ),
  );
  return { k, x: (view.width - k * content.width) / 2, y: (view.height - k * content.height) / 2 };
}

export function useZoom(svgRef: RefObject<SVGSVGElement | null>) {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const current = useRef<ZoomTransform>(zoomIdentity);
  /** True once the user has panned or zoomed by hand since the last fit. */
  const adjusted = useRef(false);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent(SCALE_EXTENT)
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        if (event.sourceEvent) adjusted.current = true;
        current.current = event.transform;
        setTransform(event.transform);
      });
    const root = select(svg);
    root.call(z).on('dblclick.zoom', null);
    behaviour.current = z;
    return () => {
      root.interrupt();
      root.on('.zoom', null);
      behaviour.current = null;
    };
  }, [svgRef]);

  const apply = useCallback(
    (t: ZoomTransform, animate: boolean) => {
      const svg = svgRef.current;
      const z = behaviour.current;
      if (!svg || !z) return;
      const root = select(svg);
      root.interrupt();
      if (animate && !prefersReducedMotion()) {
        root.transition().duration(ANIMATION_MS).call(z.transform, t);
      } else {
        root.call(z.transform, t);
      }
    },
    [svgRef],
  );

  const fit = useCallback(
    (content: Size, view: Size, animate: boolean) => {
      const { k, x, y } = fitTransform(content, view);
      adjusted.current = false;
      apply(zoomIdentity.translate(x, y).scale(k), animate);
    },
    [apply],
  );

  const zoomBy = useCallback((factor: number) => {
    const svg = svgRef.current;
    const z = behaviour.current;
    if (!svg || !z) return;
    adjusted.current = true;
    const root = select(svg);
    if (prefersReducedMotion()) root.call(z.scaleBy, factor);
    else root.transition().duration(200).call(z.scaleBy, factor);
  }, [svgRef]);

  /**
   * After the user has zoomed in, keep the current step on screen: if any of `points` (graph
   * coordinates) is outside the view, pan (never zoom) to centre the first of them.
   */
  const reveal = useCallback(
    (points: readonly [number, number][], view: Size) => {
      const svg = svgRef.current;
      const z = behaviour.current;
      const first = points[0];
      if (!svg || !z || !first || !adjusted.current) return;
      const t = current.current;
      const margin = 40;
      const outside = points.some(([x, y]) => {
        const sx = t.applyX(x);
        const sy = t.applyY(y);
        return sx < margin || sy < margin || sx > view.width - margin || sy > view.height - margin;
      });
      if (!outside) return;
      const root = select(svg);
      root.interrupt();
      if (prefersReducedMotion()) root.call(z.translateTo, first[0], first[1]);
      else root.transition().duration(ANIMATION_MS).call(z.translateTo, first[0], first[1]);
    },
    [svgRef],
  );

  return { transform, fit, zoomBy, reveal };
}
