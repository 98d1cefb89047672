// The picture of a large graph (one the view paints on a canvas): every node and edge, drawn from
// the layout and the frame as canvasPaint paints them, at the drawing's own size (1 layout unit =
// 1 px), whatever part of it is on screen. The SVG is written here from the same scene and the
// same status colours; the PNG is canvasPaint's `paint` itself, into an offscreen canvas, with the
// node symbols written over it when they are legible at the PNG's scale.
import type { Graph } from '../../ad-core/index.ts';
import {
  canvasSceneOf,
  paint,
  statusOf,
  strokeFor,
  type CanvasEdge,
  type CanvasNode,
  type CanvasScene,
  type Palette,
  type PaintState,
} from '../graph/canvasPaint.ts';
import { FONT, textWidth } from '../graph/geometry.ts';
import type { Layout } from '../graph/layout.ts';
import { frameOf, SANS_STACK, type Box } from './graphImage.ts';

/**
 * Past this many nodes an SVG is no use on a slide: a file of megabytes that editors and
 * browsers open slowly and that shows, at any size a slide has, only dots. The PNG still works.
 */
export const SVG_NODE_LIMIT = 5000;
/** The PNG's largest side and area: browsers refuse bigger canvases (or run out of memory). */
export const PNG_MAX_SIDE = 16_384;
export const PNG_MAX_PIXELS = 40_000_000;
/** The printed picture's room in dots (its box on an A4 page, 18 × 13 cm, at about 300 dpi). */
export const PAPER_WIDTH = 2400;
export const PAPER_HEIGHT = 1600;
/** Symbols smaller than this on the PNG (px) are not written: they could not be read. */
export const LEGIBLE_PX = 8;

const ARROW_LENGTH = 11;
const ARROW_HALF_WIDTH = 5;

export function svgTooLarge(nodeCount: number): boolean {
  return nodeCount > SVG_NODE_LIMIT;
}

/** The state a picture shows: every node painted (none left to DOM elements); on paper no
 * current step or contribution in flight, as the printed DOM drawing shows none. */
export function pictureState(state: PaintState, paper: boolean): PaintState {
  const none = new Set<number>();
  return paper
    ? { ...state, current: none, activeEdges: none, selected: null, skip: none }
    : { ...state, skip: none };
}

/** The frame of the whole drawing (nodes and edges), with the export's margin. */
export function drawingFrame(scene: CanvasScene): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of scene.nodes) {
    x0 = Math.min(x0, n.x - n.w / 2);
    y0 = Math.min(y0, n.y - n.h / 2);
    x1 = Math.max(x1, n.x + n.w / 2);
    y1 = Math.max(y1, n.y + n.h / 2);
  }
  for (const e of scene.edges) {
    x0 = Math.min(x0, e.x0);
    y0 = Math.min(y0, e.y0);
    x1 = Math.max(x1, e.x1);
    y1 = Math.max(y1, e.y1);
  }
  return frameOf([{ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }]);
}

/** The PNG's scale: `wanted` (2×, sharp on a projector) unless the canvas would be too big. */
export function pngScale(frame: Box, wanted = 2, maxPixels = PNG_MAX_PIXELS): number {
  return Math.min(
    wanted,
    PNG_MAX_SIDE / frame.width,
    PNG_MAX_SIDE / frame.height,
    Math.sqrt(maxPixels / (frame.width * frame.height)),
  );
}

/**
 * How a large graph goes on paper: as the SVG (sharp, with its symbols) when it fits the page at
 * half size or more; else as canvasPaint's picture at the page's size, where nodes too small to
 * see are painted as dots of at least a few dots wide, as the view paints them zoomed far out
 * (the SVG shrunk that far would print as a faint hairline).
 */
export function paperPicture(
  frame: Box,
  nodeCount: number,
): { kind: 'svg' } | { kind: 'png'; scale: number } {
  const scale = Math.min(1, PAPER_WIDTH / frame.width, PAPER_HEIGHT / frame.height);
  return scale >= 0.5 && !svgTooLarge(nodeCount) ? { kind: 'svg' } : { kind: 'png', scale };
}

/** The PNG's size in pixels for a frame at a scale. */
export function pngSize(frame: Box, scale: number): { width: number; height: number } {
  return { width: Math.round(frame.width * scale), height: Math.round(frame.height * scale) };
}

/** A node's symbol as the DOM view writes it: its size, weight and colour. */
function symbolStyle(n: CanvasNode, label: string): { size: number; weight: number } {
  if (n.shape === 'pill') return { size: FONT.constant, weight: 400 };
  if (n.shape === 'circle' && textWidth(label, FONT.symbol) > n.w - 10) {
    return { size: FONT.symbolLong, weight: 600 };
  }
  return { size: FONT.symbol, weight: 600 };
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

const r2 = (v: number) => String(Math.round(v * 100) / 100);

function shapeSvg(n: CanvasNode, grow = 0): string {
  if (n.shape === 'circle') {
    return `<circle cx="${r2(n.x)}" cy="${r2(n.y)}" r="${r2(n.w / 2 + grow)}"`;
  }
  const w = n.w + 2 * grow;
  const h = n.h + 2 * grow;
  const rx = grow > 0 ? 10 : n.shape === 'pill' ? h / 2 : 8;
  return `<rect x="${r2(n.x - w / 2)}" y="${r2(n.y - h / 2)}" width="${r2(w)}" height="${r2(h)}" rx="${r2(Math.min(rx, w / 2, h / 2))}"`;
}

function edgePath(e: CanvasEdge): string {
  return e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r2(p[0])} ${r2(p[1])}`).join('');
}

function arrowPoints(e: CanvasEdge): string | null {
  const end = e.points[e.points.length - 1];
  const before = e.points[e.points.length - 2];
  if (!end || !before) return null;
  const dx = end[0] - before[0];
  const dy = end[1] - before[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return null;
  const ux = dx / len;
  const uy = dy / len;
  const bx = end[0] - ux * ARROW_LENGTH;
  const by = end[1] - uy * ARROW_LENGTH;
  return [
    [end[0], end[1]],
    [bx - uy * ARROW_HALF_WIDTH, by + ux * ARROW_HALF_WIDTH],
    [bx + uy * ARROW_HALF_WIDTH, by - ux * ARROW_HALF_WIDTH],
  ]
    .map(([x, y]) => `${r2(x!)},${r2(y!)}`)
    .join(' ');
}

/**
 * The standalone SVG of a large graph: one `<g data-node-id>` per node (its shape outlined in its
 * status colour, as the canvas paints it, and its symbol), every edge with its arrowhead.
 */
export function largeGraphSvg(
  graph: Graph,
  layout: Layout,
  state: PaintState,
  palette: Palette,
  background: string,
): string | null {
  const scene = canvasSceneOf(graph, layout);
  const frame = drawingFrame(scene);
  if (!frame) return null;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="${frame.x} ${frame.y} ${frame.width} ${frame.height}" font-family="${esc(SANS_STACK)}" data-nodes="${scene.nodes.length}">`,
    `<rect x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}" fill="${esc(background)}"/>`,
  );
  const muted = esc(palette.muted);
  const current = esc(palette.current);
  out.push(
    `<g class="edges" fill="none" stroke="${muted}" stroke-width="1.75" stroke-opacity="0.75" stroke-linejoin="round">`,
  );
  const arrows: string[] = [];
  for (const e of scene.edges) {
    const active = state.activeEdges.has(e.id);
    out.push(
      active
        ? `<path data-edge-id="${e.id}" d="${edgePath(e)}" stroke="${current}" stroke-width="4" stroke-opacity="1"/>`
        : `<path data-edge-id="${e.id}" d="${edgePath(e)}"/>`,
    );
    const arrow = active ? null : arrowPoints(e);
    if (arrow) arrows.push(`<polygon points="${arrow}"/>`);
  }
  out.push('</g>', `<g class="arrowheads" fill="${muted}" fill-opacity="0.75">`, ...arrows, '</g>');

  out.push(`<g class="nodes" fill="${esc(palette.panel)}" text-anchor="middle">`);
  for (const n of scene.nodes) {
    const label = graph.nodes[n.id]?.label ?? '';
    const status = statusOf(n, state);
    const isCurrent = state.current.has(n.id);
    const stroke = isCurrent ? current : esc(strokeFor(status, state.forwardMode, palette));
    const width = isCurrent ? 4.5 : status === 'constant' ? 1.5 : status === 'pending' ? 2 : 3;
    const dash = status === 'constant' && !isCurrent ? ' stroke-dasharray="4 3"' : '';
    const fill = isCurrent ? ` fill="${esc(palette.currentBg)}"` : '';
    const { size, weight } = symbolStyle(n, label);
    const colour = esc(n.shape === 'pill' ? palette.muted : palette.fg);
    out.push(
      `<g data-node-id="${n.id}">`,
      `${shapeSvg(n)}${fill} stroke="${stroke}" stroke-width="${width}"${dash}/>`,
      state.selected === n.id
        ? `${shapeSvg(n, 6)} fill="none" stroke="${current}" stroke-width="3" stroke-dasharray="7 4"/>`
        : '',
      label === ''
        ? ''
        : `<text x="${r2(n.x)}" y="${r2(n.y)}" dy="0.35em" font-size="${size}" font-weight="${weight}" fill="${colour}">${esc(label)}</text>`,
      '</g>',
    );
  }
  out.push('</g></svg>');
  return out.join('');
}

/** The 2D context calls the PNG makes beyond canvasPaint's own. */
export type PictureCtx = Parameters<typeof paint>[0] &
  Pick<
    CanvasRenderingContext2D,
    'fillText' | 'fillRect' | 'font' | 'textAlign' | 'textBaseline' | 'globalCompositeOperation'
  >;

/**
 * Paint the whole drawing into `ctx` (a canvas of `pngSize(frame, scale)`): canvasPaint's painter
 * with the frame as its view, the symbols where legible, and the background under it all.
 */
export function paintLargeGraph(
  ctx: PictureCtx,
  graph: Graph,
  layout: Layout,
  state: PaintState,
  palette: Palette,
  background: string,
  scale: number,
): boolean {
  const scene = canvasSceneOf(graph, layout);
  const frame = drawingFrame(scene);
  if (!frame) return false;
  // The scale as the painter's zoom (not its pixel ratio): a picture shrunk to fit the canvas
  // is painted as the view paints that zoom, with nodes as dots and lines a pixel wide at least.
  const size = pngSize(frame, scale);
  paint(ctx, scene, state, { k: scale, x: -frame.x * scale, y: -frame.y * scale }, size, palette);
  if (FONT.constant * scale >= LEGIBLE_PX) {
    ctx.setTransform(scale, 0, 0, scale, -frame.x * scale, -frame.y * scale);
    ctx.globalAlpha = 1;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const n of scene.nodes) {
      const label = graph.nodes[n.id]?.label ?? '';
      if (label === '') continue;
      const { size, weight } = symbolStyle(n, label);
      ctx.font = `${weight} ${size}px ${SANS_STACK}`;
      ctx.fillStyle = n.shape === 'pill' ? palette.muted : palette.fg;
      ctx.fillText(label, n.x, n.y);
    }
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'destination-over';
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.globalCompositeOperation = 'source-over';
  return true;
}

/** The frame of a large graph's picture (for sizing its canvas). */
export function largeGraphFrame(graph: Graph, layout: Layout): Box | null {
  return drawingFrame(canvasSceneOf(graph, layout));
}
