import { useLayoutEffect, useState } from 'react';

/**
 * The content height of an element in CSS pixels, following resizes; 0 until it is measured or
 * while it is hidden. The drawer's plots are sized from it so they fit without scrolling.
 */
export function useHeight(el: HTMLElement | null): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => setHeight(Math.floor(el.clientHeight));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return height;
}

/** Plot height that fits `available` pixels after `chrome` pixels of titles and notes, within limits. */
export function fitPlotHeight(available: number, chrome: number, min: number, max: number): number {
  if (!(available > 0)) return max;
  return Math.min(max, Math.max(min, available - chrome));
}
