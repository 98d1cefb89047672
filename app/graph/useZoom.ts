// d3-zoom is the graph view's one imperative island: bound once to the element under the drawing
// (which React renders but never gives pan or zoom handlers), it reports the transform as React
// state; React applies it to the drawing as a CSS transform.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { reducedMotionNow } from './useReducedMotion.ts';
import { startsZoomGesture } from './zoomGesture.ts';
import { fitMagnified } from '../layout/graphScale.ts';
import { useGraphTextScale } from '../layout/viewStore.ts';

export interface Size {
  width: number;
  height: number;
}

export interface View {
  k: number;
  x: number;
  y: number;
}

/** Zooming out goes far enough for Fit to view to show all of a 20,000-node graph (its column of
 * inputs is about a million pixels tall), drawn as the canvas overview. */
const SCALE_EXTENT: [number, number] = [0.0005, 4];
/** Fitting (automatic and "Fit to view" alike) magnifies a small graph to fill a big screen, as a
 * projector needs, but never past this: a 3-node graph should not turn into three blobs. */
export const MAX_FIT_SCALE = 1.8;
/**
 * Graph text is never drawn below 14 px (DESIGN.md). The smallest text in the drawing is 15 px
 * (tags, "name =" prefixes, badges and rules; see graph.css), so any scale under 14/15 would break
 * the rule: automatic fitting never goes below it (a bigger graph is shown in part, at full size,
 * and the view follows the current step along it; the blocks of bindings collapse first, see
 * autoCollapse), and where the user zooms out further, or asks to see it all with Fit to view, the
 * drawing becomes an overview without text.
 */
export const SMALLEST_GRAPH_FONT_PX = 15;
export const MIN_GRAPH_TEXT_PX = 14;
export const WHOLE_MIN_SCALE = MIN_GRAPH_TEXT_PX / SMALLEST_GRAPH_FONT_PX;
export const LEGIBLE_SCALE = 1;
const FIT_PADDING = 16;
/** The height of the view's own buttons (Fit to view, +, −) from the top of the view, and a gap. */
const CONTROLS_CLEARANCE = 64;
/** Below a followed step's centre: its shape's half, two label lines and the view's bottom note. */
const BELOW_STEP = 120;
/** A fitted drawing starts below the view's buttons, so that no label hides under them. */
const TOP_BAND = 52;
const ANIMATION_MS = 450;

export const prefersReducedMotion = reducedMotionNow;

/**
 * The transform that shows `content` centred in `view` (`legible`: see WHOLE_MIN_SCALE); where it
 * is then too wide, its left end (the inputs) is shown. Pure, for testing.
 */
export function fitTransform(content: Size, view: Size, legible = false): View {
  if (content.width <= 0 || content.height <= 0 || view.width <= 0 || view.height <= 0) {
    return { k: 1, x: 0, y: 0 };
  }
  const whole = wholeScale(content, view);
  const k = legible && whole < WHOLE_MIN_SCALE ? LEGIBLE_SCALE : Math.max(SCALE_EXTENT[0], whole);
  // Too wide: start at the left, where the inputs are. Too tall: the middle, where they tend to be.
  const x =
    k * content.width + 2 * FIT_PADDING <= view.width
      ? (view.width - k * content.width) / 2
      : FIT_PADDING;
  return { k, x, y: centredY(k * content.height, view.height) };
}

/** Where content `h` px tall starts so as to sit centred between the buttons and the bottom. */
function centredY(h: number, v: number): number {
  const room = v - TOP_BAND - FIT_PADDING;
  return h <= room ? TOP_BAND + (room - h) / 2 : (v - h) / 2;
}

/** The scale that shows all of `content` in `view` (at most MAX_FIT_SCALE). */
export function wholeScale(content: Size, view: Size): number {
  if (content.width <= 0 || content.height <= 0) return MAX_FIT_SCALE;
  return Math.min(
    MAX_FIT_SCALE,
    (view.width - 2 * FIT_PADDING) / content.width,
    (view.height - TOP_BAND - FIT_PADDING) / content.height,
  );
}

/** Whether all of `content` fits in `view` with its text at 14 px or more. */
export function fitsLegibly(content: Size, view: Size): boolean {
  return wholeScale(content, view) >= WHOLE_MIN_SCALE;
}

/** Below this scale the drawing's text would be under 14 px: it is hidden (an overview). */
export function isOverview(k: number): boolean {
  return k < WHOLE_MIN_SCALE - 1e-9;
}

/**
 * The transform, at the same scale, that brings `point` (content coordinates) into view: unchanged
 * if it is already well inside, else centred on it as far as the content's edges allow.
 */
export function panToShow(
  t: View,
  point: readonly [number, number],
  content: Size,
  view: Size,
): View {
  const margin = 48;
  // `lead`: the room left before the content's first edge. At the top it is the height of the
  // view's buttons, so that a step at the very top of the drawing is not shown under them.
  // `trail`: the room a node needs after its centre: its labels hang below it (and the view's
  // "part of the graph" note sits at the bottom), so a step there is not shown half cut off.
  const axis = (
    offset: number,
    p: number,
    c: number,
    v: number,
    lead: number,
    trail: number,
    centre: (h: number, v: number) => number,
  ) => {
    const s = offset + t.k * p;
    if (s >= Math.max(margin, lead) && s <= v - trail) return offset;
    if (t.k * c + lead + FIT_PADDING <= v) return centre(t.k * c, v);
    const centred = v / 2 - t.k * p;
    return Math.min(lead, Math.max(v - FIT_PADDING - t.k * c, centred));
  };
  return {
    k: t.k,
    x: axis(
      t.x,
      point[0],
      content.width,
      view.width,
      FIT_PADDING,
      margin + 32,
      (w, v) => (v - w) / 2,
    ),
    y: axis(t.y, point[1], content.height, view.height, CONTROLS_CLEARANCE, BELOW_STEP, centredY),
  };
}

export function useZoom(surfaceRef: RefObject<HTMLElement | null>, size: Size) {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const textScale = useGraphTextScale();
  const behaviour = useRef<ZoomBehavior<HTMLElement, unknown> | null>(null);
  /** The transform being shown or animated towards (the state lags behind an animation). */
  const target = useRef<ZoomTransform>(zoomIdentity);
  const extent = useRef<Size>(size);
  extent.current = size;

  // A layout effect, so that the first fit happens before the first paint (no jump).
  useLayoutEffect(() => {
    const el = surfaceRef.current;
    if (!el) return;
    const z = zoom<HTMLElement, unknown>()
      .scaleExtent(SCALE_EXTENT)
      .filter(startsZoomGesture)
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        if (event.sourceEvent) target.current = event.transform;
        setTransform(event.transform);
      });
    const root = select(el);
    root.call(z).on('dblclick.zoom', null);
    behaviour.current = z;
    // d3-zoom would measure an HTML element itself (clientWidth) at every programmatic zoom,
    // forcing a synchronous style and layout of the page in the middle of React's commit.
    z.extent(() => [
      [0, 0],
      [extent.current.width, extent.current.height],
    ]);
    return () => {
      root.interrupt();
      root.on('.zoom', null);
      behaviour.current = null;
    };
  }, [surfaceRef]);

  const apply = useCallback(
    (v: View, animate: boolean) => {
      const el = surfaceRef.current;
      const z = behaviour.current;
      if (!el || !z) return;
      const t = zoomIdentity.translate(v.x, v.y).scale(v.k);
      target.current = t;
      const root = select(el);
      root.interrupt();
      if (animate && !prefersReducedMotion()) {
        root.transition().duration(ANIMATION_MS).call(z.transform, t);
      } else {
        root.call(z.transform, t);
      }
    },
    [surfaceRef],
  );

  /** Show all of `content` (`legible`: at a readable scale, starting from its inputs). */
  const fit = useCallback(
    (content: Size, view: Size, animate: boolean, legible = false) => {
      // The learner's text size magnifies the fitted drawing (app/layout/graphScale.ts).
      apply(
        fitMagnified((c) => fitTransform(c, view, legible), content, textScale),
        animate,
      );
    },
    [apply, textScale],
  );

  const zoomBy = useCallback(
    (factor: number) => {
      const el = surfaceRef.current;
      const z = behaviour.current;
      if (!el || !z) return;
      const root = select(el);
      root.interrupt();
      const t = target.current.scale(factor);
      const k = Math.max(SCALE_EXTENT[0], Math.min(SCALE_EXTENT[1], t.k));
      // Scale about the view's centre, as the buttons promise.
      const node = el.getBoundingClientRect();
      const cx = node.width / 2;
      const cy = node.height / 2;
      const c = target.current.invert([cx, cy]);
      apply({ k, x: cx - k * c[0], y: cy - k * c[1] }, true);
    },
    [surfaceRef, apply],
  );

  /** Pan (never zoom) so that `point` is on screen, if it is not already. */
  const reveal = useCallback(
    (point: readonly [number, number] | undefined, content: Size, view: Size, animate = true) => {
      if (!point || view.width === 0 || view.height === 0) return;
      const t = target.current;
      const next = panToShow({ k: t.k, x: t.x, y: t.y }, point, content, view);
      if (Math.abs(next.x - t.x) > 0.5 || Math.abs(next.y - t.y) > 0.5) apply(next, animate);
    },
    [apply],
  );

  return { transform, fit, zoomBy, reveal };
}
