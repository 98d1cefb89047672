import { describe, expect, it } from 'vitest';
import { graphOf } from '../../ad-core/test-support.ts';
import { layoutInputOf } from './graphInput.ts';
import { computeLayout } from './layout.ts';
import {
  LIGHT_PALETTE,
  canvasSceneOf,
  nodeAt,
  paint,
  type Ctx2D,
  type PaintState,
} from './canvasPaint.ts';

/** A 2D context that records every call, and the style in force at each fill and stroke. */
class RecordingContext implements Ctx2D {
  calls: { name: string; args: unknown[] }[] = [];
  /** Each fill/stroke with its style and the shape calls of its path. */
  draws: {
    op: 'fill' | 'stroke';
    style: string;
    width: number;
    dash: number[];
    shapes: string[];
  }[] = [];
  fillStyle: CanvasRenderingContext2D['fillStyle'] = '#000';
  strokeStyle: CanvasRenderingContext2D['strokeStyle'] = '#000';
  lineWidth = 1;
  globalAlpha = 1;
  lineJoin: CanvasLineJoin = 'miter';
  private path: string[] = [];
  private dash: number[] = [];
  private record(name: string, args: unknown[]) {
    this.calls.push({ name, args });
  }
  setTransform(...args: unknown[]) {
    this.record('setTransform', args);
  }
  clearRect(...args: unknown[]) {
    this.record('clearRect', args);
  }
  beginPath() {
    this.path = [];
  }
  moveTo() {
    this.path.push('move');
  }
  lineTo() {
    this.path.push('line');
  }
  arc(...args: unknown[]) {
    this.path.push(`arc:${String(args[2])}`);
  }
  arcTo() {
    this.path.push('arcTo');
  }
  rect() {
    this.path.push('rect');
  }
  closePath() {}
  setLineDash(segments: number[]) {
    this.dash = segments;
  }
  fill() {
    this.draws.push({
      op: 'fill',
      style: String(this.fillStyle),
      width: this.lineWidth,
      dash: this.dash,
      shapes: this.path,
    });
  }
  stroke() {
    this.draws.push({
      op: 'stroke',
      style: String(this.strokeStyle),
      width: this.lineWidth,
      dash: this.dash,
      shapes: this.path,
    });
  }
}

const graph = graphOf('sin(x*y) + 2*x');
const layout = computeLayout(layoutInputOf(graph));
const scene = canvasSceneOf(graph, layout);
const size = { width: 800, height: 600 };
const P = LIGHT_PALETTE;

function state(over: Partial<PaintState> = {}): PaintState {
  const none = graph.nodes.map(() => null);
  return {
    values: none,
    adjoints: none,
    tangents: none,
    forwardMode: false,
    current: new Set(),
    activeEdges: new Set(),
    selected: null,
    skip: new Set(),
    ...over,
  };
}

const circles = (shapes: string[]) => shapes.filter((s) => s.startsWith('arc:')).length;
const roundRects = (shapes: string[]) => shapes.filter((s) => s === 'arcTo').length / 4;

describe('paint', () => {
  it('clears the canvas and applies the view transform scaled by the pixel ratio', () => {
    const ctx = new RecordingContext();
    paint(ctx, scene, state(), { k: 0.5, x: 10, y: 20 }, size, P, 2);
    expect(ctx.calls[0]).toEqual({ name: 'setTransform', args: [2, 0, 0, 2, 0, 0] });
    expect(ctx.calls[1]).toEqual({ name: 'clearRect', args: [0, 0, 800, 600] });
    expect(ctx.calls[2]).toEqual({ name: 'setTransform', args: [1, 0, 0, 1, 20, 40] });
  });

  it('batches all edges into one stroke and every node of a shape and status into one path', () => {
    const ctx = new RecordingContext();
    paint(ctx, scene, state(), { k: 1, x: 0, y: 0 }, size, P);
    const edgeStrokes = ctx.draws.filter((d) => d.op === 'stroke' && d.style === P.muted);
    expect(edgeStrokes[0]!.shapes.filter((s) => s === 'line').length).toBeGreaterThanOrEqual(
      layout.edges.length,
    );
    // Before any step: operations are circles outlined in the text colour, inputs rounded
    // rectangles, constants dashed pills.
    const ops = graph.nodes.filter((n) => n.kind === 'op').length;
    const opStroke = ctx.draws.find((d) => d.op === 'stroke' && circles(d.shapes) === ops);
    expect(opStroke?.style).toBe(P.fg);
    const inputs = ctx.draws.find(
      (d) => d.op === 'stroke' && d.style === P.fg && roundRects(d.shapes) === graph.inputs.length,
    );
    expect(inputs).toBeDefined();
    const constant = ctx.draws.find((d) => d.op === 'stroke' && d.dash.length === 2);
    expect(constant?.style).toBe(P.muted);
  });

  it('strokes and fills many edges a few hundred per path (one path of 20,000 froze the page)', () => {
    const wide = graphOf(Array.from({ length: 400 }, (_, i) => `x${i}`).join(' + '));
    const wideLayout = computeLayout(layoutInputOf(wide));
    const wideScene = canvasSceneOf(wide, wideLayout);
    const ctx = new RecordingContext();
    // Zoomed out so that every edge is in view, and near enough for arrowheads.
    const box = { width: 100_000, height: 100_000 };
    paint(
      ctx,
      wideScene,
      state({
        values: wide.nodes.map(() => null),
        adjoints: wide.nodes.map(() => null),
        tangents: wide.nodes.map(() => null),
      }),
      { k: 1, x: 0, y: 0 },
      box,
      P,
    );
    const edgeStrokes = ctx.draws.filter(
      (d) => d.op === 'stroke' && d.style === P.muted && d.dash.length === 0,
    );
    const lines = (d: { shapes: string[] }) => d.shapes.filter((s) => s === 'move').length;
    expect(wideScene.edges.length).toBeGreaterThan(512);
    const strokedEdges = edgeStrokes.reduce((n, d) => n + lines(d), 0);
    expect(strokedEdges).toBe(wideScene.edges.length);
    expect(Math.max(...edgeStrokes.map(lines))).toBeLessThanOrEqual(256);
    const arrowFills = ctx.draws.filter((d) => d.op === 'fill' && d.style === P.muted);
    expect(arrowFills.reduce((n, d) => n + lines(d), 0)).toBe(wideScene.edges.length);
    expect(Math.max(...arrowFills.map(lines))).toBeLessThanOrEqual(256);
  });

  it('outlines nodes with a value in blue and with an adjoint in vermillion', () => {
    const values = graph.nodes.map(() => 1);
    const adjoints = graph.nodes.map((n) => (n.id === graph.output ? 1 : null));
    const ctx = new RecordingContext();
    paint(ctx, scene, state({ values, adjoints }), { k: 1, x: 0, y: 0 }, size, P);
    const strokes = ctx.draws.filter((d) => d.op === 'stroke');
    const adjoint = strokes.find((d) => d.style === P.adjoint);
    expect(adjoint && circles(adjoint.shapes)).toBe(1);
    const value = strokes.filter((d) => d.style === P.value);
    const valueNodes = value.reduce((s, d) => s + circles(d.shapes) + roundRects(d.shapes), 0);
    const constants = graph.nodes.filter((n) => n.kind === 'constant').length;
    expect(valueNodes).toBe(graph.nodes.length - 1 - constants);
  });

  it('uses the tangent colour for derivatives in forward mode', () => {
    const values = graph.nodes.map(() => 1);
    const tangents = graph.nodes.map(() => 0.5);
    const ctx = new RecordingContext();
    paint(
      ctx,
      scene,
      state({ values, tangents, forwardMode: true }),
      { k: 1, x: 0, y: 0 },
      size,
      P,
    );
    expect(ctx.draws.some((d) => d.style === P.tangent)).toBe(true);
    expect(ctx.draws.some((d) => d.style === P.adjoint)).toBe(false);
  });

  it('rings the current step in orange, with a marker that stays visible far out', () => {
    const current = new Set([graph.output]);
    const near = new RecordingContext();
    paint(near, scene, state({ current }), { k: 1, x: 0, y: 0 }, size, P);
    const rings = near.draws.filter((d) => d.op === 'stroke' && d.style === P.current);
    expect(rings).toHaveLength(1);
    expect(rings[0]!.width).toBe(4.5);
    expect(near.draws.some((d) => d.op === 'fill' && d.style === P.currentBg)).toBe(true);

    const far = new RecordingContext();
    paint(far, scene, state({ current }), { k: 0.05, x: 0, y: 0 }, size, P);
    const marker = far.draws.find(
      (d) => d.op === 'stroke' && d.style === P.current && d.width === 3 / 0.05,
    );
    expect(marker).toBeDefined();
  });

  it('paints the current step’s edges on top in orange', () => {
    const edge = layout.edges[0]!;
    const ctx = new RecordingContext();
    paint(ctx, scene, state({ activeEdges: new Set([edge.id]) }), { k: 1, x: 0, y: 0 }, size, P);
    const active = ctx.draws.find((d) => d.op === 'stroke' && d.style === P.current);
    expect(active?.shapes.filter((s) => s === 'line').length).toBe(edge.points.length - 1);
  });

  it('leaves out nodes drawn as DOM elements, and marks the selected node with a dashed ring', () => {
    const skip = new Set(graph.nodes.filter((n) => n.kind === 'op').map((n) => n.id));
    const ctx = new RecordingContext();
    paint(ctx, scene, state({ skip, selected: graph.inputs[0]! }), { k: 1, x: 0, y: 0 }, size, P);
    expect(ctx.draws.some((d) => circles(d.shapes) > 0)).toBe(false);
    const ring = ctx.draws.find((d) => d.op === 'stroke' && d.style === P.current);
    expect(ring?.dash).toEqual([7, 4]);
  });

  it('paints far-out nodes as squares, and nothing outside the view', () => {
    const far = new RecordingContext();
    paint(far, scene, state(), { k: 0.05, x: 0, y: 0 }, size, P);
    const squares = far.draws
      .filter((d) => d.op === 'fill')
      .reduce((s, d) => s + d.shapes.filter((x) => x === 'rect').length, 0);
    expect(squares).toBe(graph.nodes.length);

    const away = new RecordingContext();
    paint(away, scene, state(), { k: 1, x: -100_000, y: 0 }, size, P);
    expect(away.draws.every((d) => d.shapes.length === 0)).toBe(true);
  });
});

describe('nodeAt', () => {
  it('finds the node under a point, and none between nodes', () => {
    const p = layout.nodes.find((n) => n.id === graph.output)!;
    expect(nodeAt(scene, p.x + 3, p.y - 3)).toBe(graph.output);
    expect(nodeAt(scene, -1000, -1000)).toBeNull();
  });
});
