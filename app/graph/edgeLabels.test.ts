import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TAG_HEIGHT,
  TAG_WIDTH,
  boxesNear,
  curveKnots,
  indexBoxes,
  placeTag,
  type Box,
  type Pt,
} from './edgeLabels.ts';

function distanceToPolyline(p: Pt, poly: Pt[]): number {
  let best = Infinity;
  for (let i = 1; i < poly.length; i++) {
    const [ax, ay] = poly[i - 1]!;
    const [bx, by] = poly[i]!;
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t =
      len2 === 0
        ? 0
        : Math.max(0, Math.min(1, ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / len2));
    best = Math.min(best, Math.hypot(p[0] - (ax + t * (bx - ax)), p[1] - (ay + t * (by - ay))));
  }
  return best;
}

describe('curveKnots', () => {
  it('keeps the ends and moves interior points to where the basis curve passes', () => {
    const pts: Pt[] = [
      [0, 0],
      [60, 60],
      [120, 0],
    ];
    expect(curveKnots(pts)).toEqual([
      [0, 0],
      [60, 40],
      [120, 0],
    ]);
    expect(curveKnots(pts.slice(0, 2))).toEqual(pts.slice(0, 2));
  });
});

describe('placeTag', () => {
  const straight: Pt[] = [
    [0, 0],
    [200, 0],
  ];

  it('puts the label near the requested end when nothing is in the way', () => {
    const start = placeTag(straight, 'start', []);
    const end = placeTag(straight, 'end', []);
    expect(start[0]).toBeLessThan(end[0]);
    expect(start[1]).toBe(0);
    expect(end[1]).toBe(0);
  });

  it('slides along the edge to keep off a node in the way, staying on the edge', () => {
    const blocker: Box = { x0: 60, y0: -30, x1: 140, y1: 30 };
    const p = placeTag(straight, 'end', [blocker]);
    const box: Box = {
      x0: p[0] - TAG_WIDTH / 2,
      y0: p[1] - TAG_HEIGHT / 2,
      x1: p[0] + TAG_WIDTH / 2,
      y1: p[1] + TAG_HEIGHT / 2,
    };
    const overlapW = Math.min(box.x1, blocker.x1) - Math.max(box.x0, blocker.x0);
    expect(overlapW).toBeLessThan(TAG_WIDTH);
    expect(distanceToPolyline(p, straight)).toBeLessThan(1e-9);
  });

  it('samples the drawn curve, not the control polygon, on a bent edge', () => {
    const bent: Pt[] = [
      [0, 0],
      [100, 90],
      [200, 90],
      [300, 0],
    ];
    const blocker: Box = { x0: 150, y0: -100, x1: 300, y1: 100 };
    const p = placeTag(bent, 'end', [blocker]);
    expect(distanceToPolyline(p, curveKnots(bent))).toBeLessThan(1e-9);
  });

  it('moves beside the edge when every place on it covers something, but not otherwise', () => {
    // A thin band along the whole edge (another edge's label, say): no place on the line is free.
    const band: Box = { x0: -10, y0: -2, x1: 210, y1: 2 };
    const p = placeTag(straight, 'end', [band]);
    expect(Math.abs(p[1])).toBeGreaterThan(TAG_HEIGHT / 2);
    expect(Math.abs(p[1])).toBeLessThan(TAG_HEIGHT);
    // A blocker that leaves part of the line free keeps the label on the line.
    const partial: Box = { x0: 60, y0: -30, x1: 210, y1: 30 };
    expect(distanceToPolyline(placeTag(straight, 'end', [partial]), straight)).toBeLessThan(1e-9);
  });

  it('finds through its index exactly the boxes a scan of all of them would', () => {
    const coord = fc.integer({ min: -400, max: 400 });
    const box = fc
      .tuple(coord, coord, fc.integer({ min: 1, max: 160 }), fc.integer({ min: 1, max: 90 }))
      .map(([x, y, w, h]): Box => ({ x0: x, y0: y, x1: x + w, y1: y + h }));
    fc.assert(
      fc.property(fc.array(box, { maxLength: 40 }), box, (boxes, region) => {
        const scanned = boxes.filter(
          (b) => b.x1 > region.x0 && b.x0 < region.x1 && b.y1 > region.y0 && b.y0 < region.y1,
        );
        const found = boxesNear(indexBoxes(boxes), region.x0, region.x1, region.y0, region.y1);
        const order = (a: Box, b: Box) => a.x0 - b.x0 || a.y0 - b.y0 || a.x1 - b.x1 || a.y1 - b.y1;
        expect([...found].sort(order)).toEqual([...scanned].sort(order));
      }),
      { numRuns: 500 },
    );
  });
});
