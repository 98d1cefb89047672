import { geoPath, geoTransform } from 'd3';
import { useId, useMemo, useState } from 'react';
import { batchLoss, formatNumber, type TrainModel } from '../../ad-core/index.ts';
import {
  contourLevels,
  contourPolygons,
  gridSize,
  gridToData,
  sampleGrid,
  type Window,
} from '../teach/slice.ts';
import { useTraining } from '../store/training.ts';
import { frameScales, PlotAxes } from './PlotAxes.tsx';

const W = 300;
const H = 250;
const M = { left: 56, right: 12, top: 12, bottom: 44 };
const FRAME = { left: M.left, right: W - M.right, top: M.top, bottom: H - M.bottom };
const MAX_PATH_POINTS = 400;

/** The path's bounding box, padded, never narrower than `min` (a path that has not moved yet). */
function windowsOf(path: readonly number[]): { x: Window; y: Window } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i + 1 < path.length; i += 2) {
    const a = path[i]!;
    const b = path[i + 1]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, a);
    y0 = Math.min(y0, b);
    y1 = Math.max(y1, b);
  }
  if (!Number.isFinite(x0)) return { x: { lo: -1, hi: 1 }, y: { lo: -1, hi: 1 } };
  const pad = (lo: number, hi: number): Window => {
    const half = Math.max((hi - lo) * 0.65, 0.5);
    const mid = (lo + hi) / 2;
    return { lo: mid - half, hi: mid + half };
  };
  return { x: pad(x0, x1), y: pad(y0, y1) };
}

const contains = (w: Window, v: number) => v >= w.lo && v <= w.hi;

/**
 * With exactly two parameters: level curves of the training loss over them, and the path gradient
 * descent has taken from the start (square) to now (circle). The window follows the path, and is
 * redrawn only when the path leaves it, so the contours stay still while training runs.
 */
export function DescentPath({ model }: { model: TrainModel }) {
  const run = useTraining((s) => s.run);
  useTraining((s) => s.version);
  const [xv = '', yv = ''] = model.params;
  const path = run?.path ?? [];
  const [kept, setKept] = useState<{ run: unknown; x: Window; y: Window } | null>(null);
  const clipId = `${useId()}-clip`;
  const last = path.length - 2;
  const cx = path[last] ?? NaN;
  const cy = path[last + 1] ?? NaN;
  let windows = kept;
  if (
    !windows ||
    windows.run !== run ||
    (Number.isFinite(cx) &&
      Number.isFinite(cy) &&
      !(contains(windows.x, cx) && contains(windows.y, cy)))
  ) {
    // Adjusting state while rendering (React's pattern for state derived from props).
    windows = { run, ...windowsOf(path) };
    setKept(windows);
  }
  const { x: xw, y: yw } = windows;
  const n = gridSize(model.graph.nodes.length * Math.max(1, model.table.rowCount));
  const grid = useMemo(() => {
    const probe = new Float64Array(2);
    const f = (p: Record<string, number>) => {
      probe[0] = p[xv]!;
      probe[1] = p[yv]!;
      return batchLoss(model, probe, null);
    };
    return sampleGrid(f, {}, xv, yv, xw, yw, n);
  }, [model, xv, yv, xw, yw, n]);
  const polygons = useMemo(() => contourPolygons(grid, contourLevels(grid.values, 10)), [grid]);
  const { x, y } = frameScales(FRAME, [xw.lo, xw.hi], [yw.lo, yw.hi]);
  const project = geoTransform({
    point(gx, gy) {
      this.stream.point(x(gridToData(gx, grid.nx, xw)), y(gridToData(gy, grid.ny, yw)));
    },
  });
  const shape = geoPath(project);
  const points = path.length / 2;
  const every = Math.max(1, Math.ceil(points / MAX_PATH_POINTS));
  let d = '';
  for (let k = 0; k < points; k++) {
    if (k % every !== 0 && k !== points - 1) continue;
    const a = path[2 * k]!;
    const b = path[2 * k + 1]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) break;
    d += `${d === '' ? 'M' : 'L'}${x(a).toFixed(1)},${y(b).toFixed(1)}`;
  }
  const sx = path[0] ?? NaN;
  const sy = path[1] ?? NaN;
  const steps = Math.max(0, points - 1);
  const label = `Descent path on the level curves of the training loss over ${xv} and ${yv}: ${steps} ${steps === 1 ? 'step' : 'steps'} from (${formatNumber(sx)}, ${formatNumber(sy)}) to (${formatNumber(cx)}, ${formatNumber(cy)}).`;
  return (
    <svg
      className="train-plot train-contour"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      data-testid="descent-path"
      data-steps={steps}
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={M.left} y={M.top} width={W - M.left - M.right} height={H - M.top - M.bottom} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`} aria-hidden="true">
        {polygons.map((p, k) => (
          <path
            key={k}
            d={shape(p) ?? ''}
            className="level"
            fillOpacity={0.05 + (0.45 * k) / Math.max(1, polygons.length)}
          />
        ))}
        {d && <path d={d} className="descent" />}
        {Number.isFinite(sx) && Number.isFinite(sy) && (
          <rect x={x(sx) - 5} y={y(sy) - 5} width={10} height={10} className="descent-start" />
        )}
        {Number.isFinite(cx) && Number.isFinite(cy) && (
          <circle cx={x(cx)} cy={y(cy)} r={6} className="descent-now" />
        )}
      </g>
      <rect
        x={M.left}
        y={M.top}
        width={W - M.left - M.right}
        height={H - M.top - M.bottom}
        className="frame"
      />
      <PlotAxes
        frame={FRAME}
        xTicks={{ at: x, values: x.ticks(4) }}
        yTicks={{ at: y, values: y.ticks(4) }}
        xTitle={{ text: xv, y: H - 4 }}
        yTitle={yv}
      />
    </svg>
  );
}
