// The graph's colours as the page's theme gives them now, for drawings that cannot use CSS
// themselves (the canvas layer, the exported picture of a large graph).
import { LIGHT_PALETTE, type Palette } from './canvasPaint.ts';

const PALETTE_VARS: Record<keyof Palette, string> = {
  fg: '--fg',
  muted: '--muted',
  panel: '--panel',
  value: '--c-value',
  adjoint: '--c-adjoint',
  tangent: '--c-tangent',
  current: '--c-current',
  currentBg: '--c-current-bg',
};

/**
 * The theme's colours as the browser resolves them inside `el` (the custom properties hold
 * `light-dark(…)`, which only a real property resolves): `el`'s own colour is set to each in turn
 * and read back, then restored.
 */
export function resolvedPalette(el: HTMLElement): Palette {
  const view = el.ownerDocument.defaultView;
  if (!view) return LIGHT_PALETTE;
  const before = el.style.color;
  const resolved = { ...LIGHT_PALETTE };
  for (const [name, variable] of Object.entries(PALETTE_VARS) as [keyof Palette, string][]) {
    el.style.color = `var(${variable}, ${LIGHT_PALETTE[name]})`;
    const colour = view.getComputedStyle(el).color;
    if (colour) resolved[name] = colour;
  }
  el.style.color = before;
  return resolved;
}
