import { describe, expect, it } from 'vitest';
import { graphOf } from '../../ad-core/test-support.ts';
import { LIGHT_PALETTE, canvasSceneOf, type PaintState } from '../graph/canvasPaint.ts';
import { layoutInputOf } from '../graph/graphInput.ts';
import { computeLayout } from '../graph/layout.ts';
import { usesCanvas } from '../graph/lodSelect.ts';
import {
  PAPER_HEIGHT,
  PAPER_WIDTH,
  PNG_MAX_PIXELS,
  PNG_MAX_SIDE,
  SVG_NODE_LIMIT,
  drawingFrame,
  largeGraphSvg,
  paintLargeGraph,
  paperPicture,
  pictureState,
  pngScale,
  svgTooLarge,
  type PictureCtx,
} from './lodPicture.ts';

const N = 1000;
/** `x0 + x1 + … + x999`: 1,000 inputs and 999 sums, drawn on a canvas. */
const graph = graphOf(Array.from({ length: N }, (_, i) => `x${i}`).join(' + '));
const layout = computeLayout(layoutInputOf(graph));

function stateOf(partial: Partial<PaintState> = {}): PaintState {
  return {
    values: graph.nodes.map((_, i) => (i % 2 === 0 ? 1 : null)),
    adjoints: [],
    tangents: [],
    forwardMode: false,
    current: new Set(),
    activeEdges: new Set(),
    selected: null,
    skip: new Set(),
    ...partial,
  };
}

describe('the SVG of a large graph', () => {
  it('has one node element per graph node, with its symbol, and every edge', () => {
    expect(graph.nodes.length).toBe(2 * N - 1);
    expect(usesCanvas(layout.nodes.length)).toBe(true);
    // As on screen, where most nodes are left to the canvas: the picture draws them all.
    const onScreen = stateOf({ skip: new Set(graph.nodes.map((n) => n.id)) });
    const svg = largeGraphSvg(graph, layout, pictureState(onScreen, false), LIGHT_PALETTE, '#fff');
    expect(svg).not.toBeNull();
    const ids = [...svg!.matchAll(/<g data-node-id="(\d+)">/g)].map((m) => Number(m[1]));
    expect(ids.sort((a, b) => a - b)).toEqual(graph.nodes.map((n) => n.id));
    expect(svg!.match(/<path data-edge-id=/g)?.length).toBe(
      canvasSceneOf(graph, layout).edges.length,
    );
    expect(svg).toContain('>x999</text>');
    expect(svg!.match(/>\+<\/text>/g)?.length).toBe(N - 1);
    // Statuses keep their colours: evaluated nodes blue, the rest pending.
    expect(svg).toContain(`stroke="${LIGHT_PALETTE.value}"`);
    expect(svg).toContain(`stroke="${LIGHT_PALETTE.fg}"`);
  });

  it('is framed to the whole drawing, on whole pixels', () => {
    const svg = largeGraphSvg(graph, layout, stateOf(), LIGHT_PALETTE, '#fff')!;
    const frame = drawingFrame(canvasSceneOf(graph, layout))!;
    expect(svg).toContain(`width="${frame.width}" height="${frame.height}"`);
    expect(Number.isInteger(frame.width) && Number.isInteger(frame.height)).toBe(true);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThan(frame.x);
      expect(n.x).toBeLessThan(frame.x + frame.width);
      expect(n.y).toBeGreaterThan(frame.y);
      expect(n.y).toBeLessThan(frame.y + frame.height);
    }
  });

  it('shows the current step and selection on screen, and neither on paper', () => {
    const out = graph.output;
    const live = stateOf({ current: new Set([out]), selected: out });
    const screen = largeGraphSvg(graph, layout, pictureState(live, false), LIGHT_PALETTE, '#fff')!;
    expect(screen).toContain(`stroke="${LIGHT_PALETTE.current}" stroke-width="4.5"`);
    expect(screen).toContain('stroke-dasharray="7 4"');
    const paper = largeGraphSvg(graph, layout, pictureState(live, true), LIGHT_PALETTE, '#fff')!;
    expect(paper).not.toContain('stroke-width="4.5"');
    expect(paper).not.toContain('stroke-dasharray="7 4"');
  });

  it('escapes what it writes', () => {
    const svg = largeGraphSvg(graph, layout, stateOf(), { ...LIGHT_PALETTE, fg: '"><x' }, '#fff')!;
    expect(svg).not.toContain('"><x');
  });

  it('is refused past the limit', () => {
    expect(svgTooLarge(SVG_NODE_LIMIT)).toBe(false);
    expect(svgTooLarge(SVG_NODE_LIMIT + 1)).toBe(true);
  });
});

describe('a large graph on paper', () => {
  it('is the SVG when it fits the page at half size or more, else a picture at the page size', () => {
    expect(paperPicture({ x: 0, y: 0, width: 4000, height: 1000 }, 2000)).toEqual({ kind: 'svg' });
    expect(paperPicture({ x: 0, y: 0, width: 4000, height: 1000 }, SVG_NODE_LIMIT + 1)).toEqual({
      kind: 'png',
      scale: PAPER_WIDTH / 4000,
    });
    const wide = paperPicture(drawingFrame(canvasSceneOf(graph, layout))!, graph.nodes.length);
    expect(wide.kind).toBe('png');
    if (wide.kind === 'png') expect(wide.scale).toBeLessThan(0.5);
    expect(paperPicture({ x: 0, y: 0, width: 500, height: 30_000 }, 100)).toEqual({
      kind: 'png',
      scale: PAPER_HEIGHT / 30_000,
    });
  });
});

describe('the PNG of a large graph', () => {
  it('is at twice the size unless the canvas would be too big', () => {
    expect(pngScale({ x: 0, y: 0, width: 800, height: 600 })).toBe(2);
    const tall = pngScale({ x: 0, y: 0, width: 400, height: 60_000 });
    expect(tall * 60_000).toBeCloseTo(PNG_MAX_SIDE);
    const big = pngScale({ x: 0, y: 0, width: 12_000, height: 12_000 });
    expect(big * big * 144e6).toBeCloseTo(PNG_MAX_PIXELS);
  });

  it("is canvasPaint's painting of every node, with their symbols and a background", () => {
    const calls: string[] = [];
    let shapes = 0;
    const texts: string[] = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get(target, key: string) {
        if (key in target) return target[key];
        return (...args: unknown[]) => {
          calls.push(key);
          if (key === 'arc' || key === 'arcTo') shapes++;
          if (key === 'fillText') texts.push(String(args[0]));
        };
      },
      set(target, key: string, value) {
        target[key] = value;
        return true;
      },
    }) as unknown as PictureCtx;
    const ok = paintLargeGraph(
      ctx,
      graph,
      layout,
      pictureState(stateOf({ skip: new Set([0, 1, 2]) }), false),
      LIGHT_PALETTE,
      '#fff',
      2,
    );
    expect(ok).toBe(true);
    // A circle is one arc, an input's rounded rectangle four arcTo.
    expect(shapes).toBe(N - 1 + 4 * N);
    expect(texts).toHaveLength(graph.nodes.length);
    expect(calls.at(-1)).toBe('fillRect');
  });
});
