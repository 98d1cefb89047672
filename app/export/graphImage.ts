// The graph as a picture for slides: a standalone SVG (or a 2× PNG of it) of the drawing alone —
// nodes, edges, their labels and the edge-label layer — without the Fit/+/− buttons, notes or the
// selected node's detail card, in the drawing's own coordinates (not the on-screen pan and zoom).
// The page's stylesheets do not travel with a file, so every element gets the computed styles it
// is drawn with written onto it. A large graph, painted on a canvas with only a few DOM nodes, is
// drawn whole from its layout and frame instead (lodPicture.ts), never as the DOM's fragment.

import { LIGHT_PALETTE, type Palette } from '../graph/canvasPaint.ts';
import { resolvedPalette } from '../graph/themePalette.ts';
import { fullDrawingOf, type FullDrawing } from './fullDrawing.ts';
import {
  largeGraphFrame,
  largeGraphSvg,
  paintLargeGraph,
  pictureState,
  pngScale,
  pngSize,
  svgTooLarge,
  type PictureCtx,
} from './lodPicture.ts';
import { saveBlob } from './saveFile.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Fonts every slide deck's machine has; the page's own stack may name fonts a projector lacks. */
export const SANS_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";
export const MONO_STACK =
  "ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace";

/** The computed properties a drawing needs to look the same without the page's stylesheets. */
export const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'opacity',
  'visibility',
  'marker-start',
  'marker-mid',
  'marker-end',
] as const;

/** White around a drawing, so that no node touches the slide's edge. */
export const MARGIN = 16;

export const FILE_NAMES = { svg: 'autodiff-graph.svg', png: 'autodiff-graph.png' } as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The picture's frame: the union of the boxes plus a margin, on whole pixels (so that the PNG
 * at 2× has exactly twice the SVG's size). Null when there is nothing to draw. */
export function frameOf(boxes: readonly Box[], margin = MARGIN): Box | null {
  const drawn = boxes.filter(
    (b) => b.width > 0 && b.height > 0 && [b.x, b.y, b.width, b.height].every(Number.isFinite),
  );
  if (drawn.length === 0) return null;
  const x0 = Math.floor(Math.min(...drawn.map((b) => b.x)) - margin);
  const y0 = Math.floor(Math.min(...drawn.map((b) => b.y)) - margin);
  const x1 = Math.ceil(Math.max(...drawn.map((b) => b.x + b.width)) + margin);
  const y1 = Math.ceil(Math.max(...drawn.map((b) => b.y + b.height)) + margin);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** A font stack that every machine can show, of the same kind (monospaced or not) as `family`. */
export function safeFontStack(family: string): string {
  return /mono/i.test(family) ? MONO_STACK : SANS_STACK;
}

/** A computed url(...) may be absolute (`url("http://host/page#id")`); a standalone file needs
 * the bare fragment. */
export function localUrls(value: string): string {
  // The page's own address may hold '#', '(' and ')' (the formula is in its hash): the reference
  // is the quoted text's last fragment.
  return value.replace(
    /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"']*))\s*\)/g,
    (whole, dq?: string, sq?: string, bare?: string) => {
      const target = dq ?? sq ?? bare ?? '';
      const hash = target.lastIndexOf('#');
      return hash < 0 ? whole : `url(${target.slice(hash)})`;
    },
  );
}

/** The path data of a computed CSS `d` (`path("M0 0L…")`), or null if there is none. */
export function pathOfCssD(value: string): string | null {
  const m = /^path\(\s*["'](.*)["']\s*\)$/.exec(value.trim());
  return m?.[1] ?? null;
}

/** The `style` text to write on a cloned element, from a lookup of its computed properties. */
export function inlineStyle(get: (property: string) => string, showText: boolean): string {
  const parts: string[] = [];
  for (const property of INLINED) {
    let value = get(property).trim();
    if (value === '') continue;
    if (property === 'font-family') value = safeFontStack(value);
    // Zoomed far out, the page hides all text (too small to read); a slide shows it full size.
    if (property === 'visibility' && showText) continue;
    parts.push(`${property}: ${localUrls(value)}`);
  }
  return parts.join('; ');
}

/** Whether the page is drawn dark now: the app's theme switch, else the system's preference. */
export function pageIsDark(doc: Document): boolean {
  const theme = doc.documentElement.dataset['theme'];
  if (theme === 'dark') return true;
  if (theme === 'light') return false;
  const view = doc.defaultView;
  return view !== null && typeof view.matchMedia === 'function'
    ? view.matchMedia('(prefers-color-scheme: dark)').matches
    : false;
}

/** Elements of the live view that are interaction state, not part of the drawing. */
const CHROME = '.gv-focus-ring, .gv-detail';

/** Copy the computed styles of `original` and its descendants onto `clone` (same shape). */
function inlineTree(original: Element, clone: Element, showText: boolean): void {
  const view = original.ownerDocument.defaultView;
  if (!view) return;
  const computed = view.getComputedStyle(original);
  const style = inlineStyle((p) => computed.getPropertyValue(p), showText);
  // A node is placed by a CSS transform (so that it can glide to a new place); a file needs the
  // same as an attribute. Likewise a morphing edge's CSS `d`.
  const transform = computed.getPropertyValue('transform');
  if (transform && transform !== 'none') clone.setAttribute('transform', transform);
  if (original.localName === 'path') {
    const d = pathOfCssD(computed.getPropertyValue('d'));
    if (d !== null) clone.setAttribute('d', d);
  }
  for (const name of ['class', 'style', 'tabindex', 'focusable', 'role'])
    clone.removeAttribute(name);
  if (style) clone.setAttribute('style', style);
  const chrome: Element[] = [];
  for (let i = 0; i < original.children.length; i++) {
    const o = original.children[i];
    const c = clone.children[i];
    if (!o || !c) continue;
    if (o.matches(CHROME)) chrome.push(c);
    else inlineTree(o, c, showText);
  }
  for (const c of chrome) c.remove();
}

function styledClone(original: Element, showText: boolean): Element {
  const clone = original.cloneNode(true) as Element;
  inlineTree(original, clone, showText);
  return clone;
}

/** The page's background colour in the picture. */
function backgroundOf(doc: Document): string {
  return pageIsDark(doc) ? '#121417' : '#ffffff';
}

/** The theme's colours as the browser resolves them inside `host` now (the custom properties
 * hold `light-dark(…)`, which only a real property resolves). */
function paletteIn(host: Element): Palette {
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  if (!view) return LIGHT_PALETTE;
  const probe = doc.createElement('span');
  probe.hidden = true;
  host.appendChild(probe);
  const resolved = resolvedPalette(probe);
  probe.remove();
  return resolved;
}

/** The graph view's whole drawing when it paints it on a canvas (a large graph), else undefined. */
export function largeDrawing(
  doc: Document = document,
): (FullDrawing & { view: Element }) | undefined {
  const view = doc.querySelector('.gv-svg')?.closest('.gv');
  const drawing = fullDrawingOf(view);
  return view && drawing ? { ...drawing, view } : undefined;
}

/** Whether the graph drawn now is too large for an SVG (then only the PNG is offered). */
export function svgRefused(doc: Document = document): number | null {
  const large = largeDrawing(doc);
  return large && svgTooLarge(large.layout.nodes.length) ? large.layout.nodes.length : null;
}

/**
 * The graph view's drawing as a standalone SVG document, or null when nothing is drawn (or the
 * graph is past the SVG limit: see svgRefused). A large graph painted on a canvas is drawn whole
 * from its layout and frame (lodPicture.ts); `paper` leaves its current step out.
 */
export function graphSvg(doc: Document = document, paper = false): string | null {
  const large = largeDrawing(doc);
  if (large) {
    if (svgTooLarge(large.layout.nodes.length)) return null;
    return largeGraphSvg(
      large.graph,
      large.layout,
      pictureState(large.state, paper),
      paletteIn(large.view),
      backgroundOf(doc),
    );
  }
  const graph = doc.querySelector<SVGSVGElement>('.gv-svg');
  if (!graph) return null;
  const view = graph.closest('.gv');
  const labels = view?.querySelector<SVGGElement>('.gv-overlay--labels .gv-edge-label-layer');
  const showText = view?.classList.contains('gv--overview') ?? false;
  const boxes: Box[] = [];
  for (const el of [graph, labels]) {
    if (!el) continue;
    const b = el.getBBox();
    boxes.push({ x: b.x, y: b.y, width: b.width, height: b.height });
  }
  const frame = frameOf(boxes);
  if (!frame) return null;

  const out = doc.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(frame.width));
  out.setAttribute('height', String(frame.height));
  out.setAttribute('viewBox', `${frame.x} ${frame.y} ${frame.width} ${frame.height}`);
  out.setAttribute('font-family', SANS_STACK);
  const bg = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries(frame)) bg.setAttribute(k, String(v));
  bg.setAttribute('fill', backgroundOf(doc));
  out.appendChild(bg);

  const drawing = doc.createElementNS(SVG_NS, 'g');
  for (const child of Array.from(graph.children)) drawing.appendChild(styledClone(child, showText));
  out.appendChild(drawing);
  if (labels) out.appendChild(styledClone(labels, showText));
  return new XMLSerializer().serializeToString(out);
}

function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
}

/** Download the drawing as SVG: 'none' when there is no drawing, 'too-large' past the limit. */
export function downloadSvg(): 'saved' | 'none' | 'too-large' {
  if (svgRefused() !== null) return 'too-large';
  const svg = graphSvg();
  if (svg === null) return 'none';
  saveBlob(svgBlob(svg), FILE_NAMES.svg);
  return 'saved';
}

/**
 * A large graph's whole drawing, painted by canvasPaint into an offscreen canvas at `wanted`
 * scale (less if the canvas would be too big for the browser). Null: nothing to paint.
 */
export function largeGraphCanvas(
  doc: Document,
  wanted: number,
  paper: boolean,
  maxPixels?: number,
): HTMLCanvasElement | null {
  const large = largeDrawing(doc);
  if (!large) return null;
  const frame = largeGraphFrame(large.graph, large.layout);
  if (!frame) return null;
  const scale = pngScale(frame, wanted, maxPixels);
  const canvas = doc.createElement('canvas');
  const size = pngSize(frame, scale);
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0 || canvas.height === 0) return null;
  const painted = paintLargeGraph(
    context satisfies PictureCtx,
    large.graph,
    large.layout,
    pictureState(large.state, paper),
    paletteIn(large.view),
    backgroundOf(doc),
    scale,
  );
  return painted ? canvas : null;
}

/** Download the drawing as a PNG at twice its size (sharp on a projector; a large graph as big
 * as a browser canvas allows); false when there is no drawing or the browser could not paint it. */
export async function downloadPng(scale = 2): Promise<boolean> {
  if (largeDrawing()) {
    const canvas = largeGraphCanvas(document, scale, false);
    const png = canvas && (await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png')));
    if (!png) return false;
    saveBlob(png, FILE_NAMES.png);
    return true;
  }
  const svg = graphSvg();
  if (svg === null) return false;
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) return false;
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) return false;
    saveBlob(png, FILE_NAMES.png);
    return true;
  } catch {
    return false;
  } finally {
    URL.revokeObjectURL(url);
  }
}
