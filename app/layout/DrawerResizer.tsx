import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useApp } from '../store/appStore.ts';
import { DRAWER_MIN, drawerHeightForKey } from './prefs.ts';
import { useView, viewPrefs } from './viewStore.ts';

/** The tallest the drawer may be: the graph keeps at least this much of the area above it. */
const GRAPH_KEEPS = 160;

function maxHeight(row: HTMLElement | null): number {
  const main = row?.closest('.app-main');
  const available = main instanceof HTMLElement ? main.clientHeight : window.innerHeight;
  const stacked = getComputedStyle(main ?? document.body).display !== 'grid';
  return Math.max(
    DRAWER_MIN,
    Math.round(stacked ? window.innerHeight * 0.85 : available - GRAPH_KEEPS),
  );
}

function currentHeight(row: HTMLElement | null): number {
  const drawer = row?.querySelector('.drawer');
  return drawer instanceof HTMLElement
    ? Math.round(drawer.getBoundingClientRect().height)
    : DRAWER_MIN;
}

/** The drawer's height as drawn, following every resize (the separator announces it). */
function useDrawerHeight(handle: { current: HTMLElement | null }, open: boolean): number {
  const [height, setHeight] = useState(DRAWER_MIN);
  useLayoutEffect(() => {
    const drawer = handle.current?.parentElement?.querySelector('.drawer');
    if (!open || !(drawer instanceof HTMLElement)) return;
    const measure = () => setHeight(Math.round(drawer.getBoundingClientRect().height));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(drawer);
    return () => observer.disconnect();
  }, [handle, open]);
  return height;
}

/**
 * The drawer's top edge: drag it, or focus it and use ↑/↓ (PageUp/PageDown, Home/End), to give the
 * teaching panels more or less of the height. Shown only while the drawer is open.
 */
export function DrawerResizer() {
  const open = useApp((s) => s.drawerOpen);
  const chosen = useView((s) => s.drawerHeight);
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ startY: number; startHeight: number; max: number } | null>(null);
  const measured = useDrawerHeight(ref, open);
  if (!open) return null;

  const row = () => ref.current?.parentElement ?? null;
  const max = maxHeight(row());
  const now = Math.min(max, chosen ?? measured);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = drawerHeightForKey(e.key, currentHeight(row()), maxHeight(row()));
    if (next === null) return;
    // preventDefault also keeps the player's Home/End and arrows from acting on the same key.
    e.preventDefault();
    viewPrefs.getState().setDrawerHeight(next);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startY: e.clientY, startHeight: currentHeight(row()), max: maxHeight(row()) };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const h = Math.min(d.max, Math.max(DRAWER_MIN, d.startHeight + (d.startY - e.clientY)));
    viewPrefs.getState().setDrawerHeight(h);
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  return (
    <div
      ref={ref}
      className="drawer-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the teaching panels"
      aria-valuemin={DRAWER_MIN}
      aria-valuemax={max}
      aria-valuenow={now}
      aria-valuetext={`${now} pixels high`}
      tabIndex={0}
      title="Drag, or use ↑ and ↓, to resize the panels"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
