import { describe, expect, it } from 'vitest';
import { ARROW_HALF_WIDTH, ARROW_LENGTH, arrowhead, bundleOf, pathsOf } from './edgeBundle.ts';
import { edgePath } from './GraphEdge.tsx';
import { computeLayout } from './layout.ts';
import { randomSum } from './testGraphs.ts';

function corners(d: string): [[number, number], [number, number], [number, number]] {
  const m = /^M([^,]+),([^L]+)L([^,]+),([^L]+)L([^,]+),([^Z]+)Z$/.exec(d);
  if (!m) throw new Error(`not a triangle: ${d}`);
  const n = m.slice(1).map(Number);
  return [
    [n[0]!, n[1]!],
    [n[2]!, n[3]!],
    [n[4]!, n[5]!],
  ];
}

describe('arrowhead', () => {
  it('puts the tip on the end of the edge and the base behind it, across the last leg', () => {
    const [tip, a, b] = corners(
      arrowhead([
        [0, 0],
        [50, 80],
        [100, 80],
      ]),
    );
    expect(tip).toEqual([100, 80]);
    // The last leg runs in +x: the base is ARROW_LENGTH behind the tip, ARROW_HALF_WIDTH each side.
    expect(a[0]).toBeCloseTo(100 - ARROW_LENGTH, 1);
    expect(b[0]).toBeCloseTo(100 - ARROW_LENGTH, 1);
    expect(Math.abs(a[1] - 80)).toBeCloseTo(ARROW_HALF_WIDTH, 1);
    expect(a[1] - 80).toBeCloseTo(-(b[1] - 80), 1);
  });

  it('points along a slanted edge', () => {
    const [tip, a, b] = corners(
      arrowhead([
        [0, 0],
        [30, 40],
      ]),
    );
    const base: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    expect(Math.hypot(tip[0] - base[0], tip[1] - base[1])).toBeCloseTo(ARROW_LENGTH, 1);
    // Base points back toward the start: direction (3, 4)/5.
    expect((tip[0] - base[0]) / ARROW_LENGTH).toBeCloseTo(0.6, 2);
    expect((tip[1] - base[1]) / ARROW_LENGTH).toBeCloseTo(0.8, 2);
  });

  it('draws nothing for an edge without a direction', () => {
    expect(arrowhead([[5, 5]])).toBe('');
    expect(
      arrowhead([
        [5, 5],
        [5, 5],
      ]),
    ).toBe('');
  });
});

describe('bundleOf', () => {
  it('holds every edge of a layout: its line and its arrowhead, once per layout', () => {
    const layout = computeLayout(randomSum(20, 4, 3));
    const bundle = bundleOf(layout);
    for (const e of layout.edges) {
      expect(bundle.lines).toContain(edgePath(e.points));
      expect(bundle.heads).toContain(arrowhead(e.points));
    }
    expect(bundle.heads.match(/Z/g)).toHaveLength(layout.edges.length);
    expect(bundleOf(layout)).toBe(bundle);
  });
});

describe('pathsOf', () => {
  it("gives each edge's path by id, in any order of the layout's edges", () => {
    const layout = computeLayout(randomSum(20, 4, 3));
    const shuffled = { ...layout, edges: [...layout.edges].reverse() };
    for (const l of [layout, shuffled]) {
      const paths = pathsOf(l);
      for (const e of layout.edges) expect(paths.get(e.id)).toBe(edgePath(e.points));
      expect(paths.get(-1)).toBeUndefined();
      expect(pathsOf(l)).toBe(paths);
    }
  });

  it('draws only the paths asked for (the canvas draws the rest)', () => {
    const layout = computeLayout(randomSum(20, 4, 3));
    const read = new Set<number>();
    const watched = {
      ...layout,
      edges: layout.edges.map((e) => ({
        ...e,
        get points() {
          read.add(e.id);
          return e.points;
        },
      })),
    };
    const asked = layout.edges[3]!.id;
    expect(pathsOf(watched).get(asked)).toBe(edgePath(layout.edges[3]!.points));
    expect([...read]).toEqual([asked]);
  });
});
