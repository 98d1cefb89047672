// d3-zoom is the graph view's one imperative island: bound once to the <svg> (which React
// renders but never gives event handlers or a transform), it reports the transform as React
// state; React applies it to the content group.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';

export interface Size {
  width: number;
  height: number;
}

export interface View {
  k: number;
  x: number;
  y: number;
}

const SCALE_EXTENT: [number, number] = [0.05, 4];
/** Fitting never magnifies past this: a 3-node graph should not fill a projector. */
const MAX_FIT_SCALE = 1.5;
/**
 * Automatic fitting never shrinks text below about 14px (16px × this): a long chain then shows
 * in part, and the view follows the current step along it. "Fit to view" still shows it all.
 */
export const LEGIBLE_SCALE = 0.85;
const FIT_PADDING = 16;
const ANIMATION_MS = 450;

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The transform that shows `content` centred in `view`, at no less than `minScale`; where it is
 * then too big, its start (top/left: the inputs) is shown. Pure, for testing.
 */
export function fitTransform(content: Size, view: Size, minScale = SCALE_EXTENT[0]): View {
  if (content.width <= 0 || content.height <= 0 || view.width <= 0 || view.height <= 0) {
    return { k: 1, x: 0, y: 0 };
  }
  const whole = Math.min(
    MAX_FIT_SCALE,
    (view.width - 2 * FIT_PADDING) / content.width,
    (view.height - 2 * FIT_PADDING) / content.height,
  );
  const k = Math.max(SCALE_EXTENT[0], minScale, whole);
  const place = (c: number, v: number) => (k * c + 2 * FIT_PADDING <= v ? (v - k * c) / 2 : FIT_PADDING);
  return { k, x: place(content.width, view.width), y: place(content.height, view.height) };
}

/**
 * The transform, at the same scale, that brings `point` (content coordinates) into view: unchanged
 * if it is already well inside, else centred on it as far as the content's edges allow.
 */
export function panToShow(t: View, point: readonly [number, number], content: Size, view: Size): View {
  const margin = 48;
  const axis = (offset: number, p: number, c: number, v: number) => {
    const s = offset + t.k * p;
    if (s >= margin && s <= v - margin) return offset;
    if (t.k * c + 2 * FIT_PADDING <= v) return (v - t.k * c) / 2;
    const centred = v / 2 - t.k * p;
    return Math.min(FIT_PADDING, Math.max(v - FIT_PADDING - t.k * c, centred));
  };
  return {
    k: t.k,
    x: axis(t.x, point[0], content.width, view.width),
    y: axis(t.y, point[1], content.height, view.height),
  };
}

export function useZoom(svgRef: RefObject<SVGSVGElement | null>) {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  /** The transform being shown or animated towards (the state lags behind an animation). */
  const target = useRef<ZoomTransform>(zoomIdentity);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent(SCALE_EXTENT)
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        if (event.sourceEvent) target.current = event.transform;
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
    (v: View, animate: boolean) => {
      const svg = svgRef.current;
      const z = behaviour.current;
      if (!svg || !z) return;
      const t = zoomIdentity.translate(v.x, v.y).scale(v.k);
      target.current = t;
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

  /** Show all of `content` (`legible`: at a readable scale, starting from its inputs). */
  const fit = useCallback(
    (content: Size, view: Size, animate: boolean, legible = false) => {
      apply(fitTransform(content, view, legible ? LEGIBLE_SCALE : undefined), animate);
    },
    [apply],
  );

  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      const z = behaviour.current;
      if (!svg || !z) return;
      const root = select(svg);
      root.interrupt();
      const t = target.current.scale(factor);
      const k = Math.max(SCALE_EXTENT[0], Math.min(SCALE_EXTENT[1], t.k));
      // Scale about the view's centre, as the buttons promise.
      const node = svg.getBoundingClientRect();
      const cx = node.width / 2;
      const cy = node.height / 2;
      const c = target.current.invert([cx, cy]);
      apply({ k, x: cx - k * c[0], y: cy - k * c[1] }, true);
    },
    [svgRef, apply],
  );

  /** Pan (never zoom) so that `point` is on screen, if it is not already. */
  const reveal = useCallback(
    (point: readonly [number, number] | undefined, content: Size, view: Size) => {
      if (!point || view.width === 0 || view.height === 0) return;
      const t = target.current;
      const next = panToShow({ k: t.k, x: t.x, y: t.y }, point, content, view);
      if (Math.abs(next.x - t.x) > 0.5 || Math.abs(next.y - t.y) > 0.5) apply(next, true);
    },
    [apply],
  );

  return { transform, fit, zoomBy, reveal };
}
