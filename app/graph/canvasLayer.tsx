// The <canvas> under a large graph's few DOM nodes (see lodSelect.ts). React renders the element;
// an effect paints it with canvasPaint's pure `paint` at most once per animation frame, however
// many commits (steps, pan and zoom events) arrive in between, with the latest props.
import { useEffect, useLayoutEffect, useRef, type JSX } from 'react';
import {
  LIGHT_PALETTE,
  paint,
  type CanvasScene,
  type Palette,
  type PaintState,
} from './canvasPaint.ts';
import { resolvedPalette } from './themePalette.ts';
import type { Size, View } from './useZoom.ts';

export interface CanvasLayerProps {
  scene: CanvasScene;
  state: PaintState;
  transform: View;
  size: Size;
  /** The accessible description of what the picture shows. */
  label: string;
}

export function CanvasLayer(props: CanvasLayerProps): JSX.Element {
  const ref = useRef<HTMLCanvasElement>(null);
  const latest = useRef(props);
  const frame = useRef<number | null>(null);
  const palette = useRef<{ key: string; palette: Palette } | null>(null);

  const paintNow = useRef(() => {
    frame.current = null;
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const { scene, state, transform, size } = latest.current;
    const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
    const w = Math.round(size.width * dpr);
    const h = Math.round(size.height * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    paint(ctx, scene, state, transform, size, paletteOf(canvas, palette), dpr);
  });
  const schedule = useRef(() => {
    if (frame.current !== null) return;
    frame.current =
      typeof requestAnimationFrame === 'function'
        ? requestAnimationFrame(() => paintNow.current())
        : null;
  });

  // Layout effect: the rAF it schedules runs before this commit's frame is painted, so the
  // canvas and the DOM nodes over it always show the same step.
  useLayoutEffect(() => {
    latest.current = props;
    schedule.current();
  });
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    },
    [],
  );
  // A change of theme repaints in the new colours.
  useEffect(() => {
    if (typeof MutationObserver === 'undefined' || typeof matchMedia === 'undefined') return;
    const repaint = () => {
      palette.current = null;
      schedule.current();
    };
    const observer = new MutationObserver(repaint);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    const media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', repaint);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', repaint);
    };
  }, []);

  return (
    <canvas
      ref={ref}
      className="gv-canvas"
      style={{ width: props.size.width, height: props.size.height }}
      role="img"
      aria-label={props.label}
      data-nodes={props.scene.nodes.length}
    />
  );
}

/**
 * The theme's colours as the browser resolves them (the custom properties hold `light-dark(…)`,
 * which only a real property resolves), read once per theme.
 */
function paletteOf(
  canvas: HTMLCanvasElement,
  cache: { current: { key: string; palette: Palette } | null },
): Palette {
  if (typeof getComputedStyle !== 'function') return LIGHT_PALETTE;
  const key = `${document.documentElement.dataset['theme'] ?? ''}:${String(
    typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches,
  )}`;
  if (cache.current?.key === key) return cache.current.palette;
  const resolved = resolvedPalette(canvas);
  cache.current = { key, palette: resolved };
  return resolved;
}
