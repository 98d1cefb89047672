import { useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react';
import { geoPath, geoTransform, line, scaleLinear } from 'd3';
import { evaluate, formatNumber } from '../../ad-core/index.ts';
import type { Graph, Point } from '../../ad-core/index.ts';
import {
  contourLevels,
  contourPolygons,
  contourWindows,
  drawable,
  gridSize,
  gridToData,
  keepWindow,
  newtonStep2,
  osculatingParabola,
  samePoint,
  sampleGrid,
  sampleSlice,
  tangentLine,
  yRange,
} from './slice.ts';
import type { Window } from './slice.ts';
import { useSafeId } from './use-safe-id.ts';
import { useWidth } from './use-width.ts';
import './teach.css';

export interface FunctionSliceProps {
  graph: Graph;
  point: Point;
  /** The AD gradient at `point` (variable → ∂f/∂variable). */
  gradient: Record<string, number>;
  variable: string;
  onVariableChange(variable: string): void;
  /** Height of the slice plot in CSS pixels (default 260); the app fits it to the space it has. */
  height?: number;
  /** The Hessian at `point` (rows and columns in `graph.variables` order), for the second-order views. */
  hessian?: number[][] | null;
  /** For a formula of several outputs: which one f is (the followed output), and its chooser. */
  output?: ReactNode;
}

const DEFAULT_SLICE_HEIGHT = 260;
const MIN_SLICE_HEIGHT = 160;
const BOX = { left: 64, right: 16, top: 14, bottom: 44 };
const SAMPLES = 200;

function outputOf(graph: Graph): (p: Point) => number {
  return (p) => evaluate(graph, p).values[graph.output] ?? NaN;
}

/** The same object for the same coordinates, so memoised samples survive a parent re-render. */
function useStablePoint(p: Point): Point {
  const [held, setHeld] = useState(p);
  if (held === p || samePoint(held, p)) return held;
  setHeld(p);
  return p;
}

/** Previous value of a window that should stay put while the point moves inside it. */
function useStableWindow(key: string, c: number): Window {
  const [state, setState] = useState<{ key: string; window: Window }>(() => ({
    key,
    window: keepWindow(null, c),
  }));
  const next = state.key === key ? keepWindow(state.window, c) : keepWindow(null, c);
  if (next !== state.window) setState({ key, window: next });
  return next;
}

/** The current point on a plot: the current-step orange, ringed so it reads without colour. */
function CurrentPoint({ cx, cy, r }: { cx: number; cy: number; r: number }) {
  return (
    <circle
      cx={cx}
      cy={cy}
      r={r}
      fill="var(--c-current, #E69F00)"
      stroke="var(--fg, #1b1d21)"
      strokeWidth={1.5}
    />
  );
}

export function FunctionSlice(props: FunctionSliceProps) {
  // Sampling f a few thousand times must never hold up typing: render with the previous graph and
  // point first, then catch up in a background render.
  const graph = useDeferredValue(props.graph);
  const point = useDeferredValue(useStablePoint(props.point));
  const gradient = useDeferredValue(props.gradient);
  const { variable, onVariableChange } = props;
  const SLICE_HEIGHT = Math.max(MIN_SLICE_HEIGHT, Math.round(props.height ?? DEFAULT_SLICE_HEIGHT));
  const selectId = useSafeId('teach-slice');
  const holder = useRef<HTMLDivElement>(null);
  const width = Math.max(320, useWidth(holder, 520));
  const f = useMemo(() => outputOf(graph), [graph]);
  const c = point[variable] ?? 0;
  const fc = useMemo(() => f(point), [f, point]);
  const slope = gradient[variable] ?? NaN;
  const xWindow = useStableWindow(`${variable}`, c);

  const samples = useMemo(
    () => sampleSlice(f, point, variable, xWindow, SAMPLES),
    [f, point, variable, xWindow],
  );
  const yWin = useMemo(() => yRange(samples, fc), [samples, fc]);
  const tangent = tangentLine(c, fc, slope, xWindow);
  const index = props.graph.variables.indexOf(variable);
  const curvature = index >= 0 ? (props.hessian?.[index]?.[index] ?? NaN) : NaN;
  const parabola = useMemo(
    () => osculatingParabola(c, fc, slope, curvature, xWindow),
    [c, fc, slope, curvature, xWindow],
  );

  const x0 = BOX.left;
  const x1 = width - BOX.right;
  const y0 = SLICE_HEIGHT - BOX.bottom;
  const y1 = BOX.top;
  const x = scaleLinear().domain([xWindow.lo, xWindow.hi]).range([x0, x1]);
  const y = scaleLinear().domain([yWin.lo, yWin.hi]).range([y0, y1]);
  // About one labelled tick per 45 px, so a short plot on a projector stays legible.
  const yTickCount = Math.max(3, Math.min(5, Math.floor((y0 - y1) / 40)));
  const curve =
    line<{ x: number; y: number }>()
      .defined((d) => drawable(d.y, yWin))
      .x((d) => x(d.x))
      .y((d) => y(d.y))(samples) ?? '';
  const hasGaps = samples.some((s) => !Number.isFinite(s.y));
  const clipId = `${selectId}-clip`;
  const pointVisible = Number.isFinite(fc) && fc >= yWin.lo && fc <= yWin.hi;

  return (
    <section className="teach-panel teach-plot teach-slice" aria-labelledby={`${selectId}-title`}>
      <div className="teach-header">
        <h3 id={`${selectId}-title`}>Function slice</h3>
        {graph.variables.length > 0 && (
          <label className="teach-field" htmlFor={selectId}>
            Along
            <select
              id={selectId}
              value={variable}
              onChange={(e) => onVariableChange(e.target.value)}
            >
              {graph.variables.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {props.output}
      <p className="teach-note">
        f along {variable}, the other variables held at the current point. Dashed: the tangent line,
        slope = ∂f/∂{variable} from AD.
      </p>
      <div ref={holder}>
        <svg
          role="img"
          aria-label={`Graph of f against ${variable} from ${formatNumber(xWindow.lo)} to ${formatNumber(xWindow.hi)}. At ${variable} = ${formatNumber(c)}, f = ${formatNumber(fc)} and the tangent slope ∂f/∂${variable} = ${formatNumber(slope)}.`}
          width={width}
          height={SLICE_HEIGHT}
          viewBox={`0 0 ${width} ${SLICE_HEIGHT}`}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={x0} y={y1} width={x1 - x0} height={y0 - y1} />
            </clipPath>
          </defs>
          <g className="grid" aria-hidden="true">
            {x.ticks(6).map((t) => (
              <line key={`gx${t}`} x1={x(t)} x2={x(t)} y1={y1} y2={y0} />
            ))}
            {y.ticks(yTickCount).map((t) => (
              <line key={`gy${t}`} x1={x0} x2={x1} y1={y(t)} y2={y(t)} />
            ))}
          </g>
          <g className="axis" aria-hidden="true">
            <line x1={x0} x2={x1} y1={y0} y2={y0} />
            <line x1={x0} x2={x0} y1={y1} y2={y0} />
            {x.ticks(6).map((t) => (
              <text key={`lx${t}`} x={x(t)} y={y0 + 20} textAnchor="middle">
                {formatNumber(t)}
              </text>
            ))}
            {y.ticks(yTickCount).map((t) => (
              <text key={`ly${t}`} x={x0 - 8} y={y(t) + 5} textAnchor="end">
                {formatNumber(t)}
              </text>
            ))}
          </g>
          <text
            className="teach-axis-title"
            x={(x0 + x1) / 2}
            y={SLICE_HEIGHT - 4}
            textAnchor="middle"
          >
            {variable}
          </text>
          <text className="teach-axis-title" x={x0 - 48} y={y1 + 4} textAnchor="start">
            f
          </text>
          <g clipPath={`url(#${clipId})`}>
            <path d={curve} fill="none" stroke="var(--c-value, #0072B2)" strokeWidth={2.5} />
            {tangent && (
              <line
                x1={x(tangent.x0)}
                y1={y(tangent.y0)}
                x2={x(tangent.x1)}
                y2={y(tangent.y1)}
                stroke="var(--c-tangent, #009E73)"
                strokeWidth={2}
                strokeDasharray="8 5"
              />
            )}
            {parabola && (
              <path
                className="teach-parabola"
                d={
                  line<{ x: number; y: number }>()
                    .defined((d) => drawable(d.y, yWin))
                    .x((d) => x(d.x))
                    .y((d) => y(d.y))(parabola) ?? ''
                }
                fill="none"
                stroke="#CC79A7"
                strokeWidth={2.5}
                strokeDasharray="1 5"
                strokeLinecap="round"
              />
            )}
          </g>
          {pointVisible && (
            <g>
              <CurrentPoint cx={x(c)} cy={y(fc)} r={6.5} />
            </g>
          )}
        </svg>
      </div>
      <p>
        At {variable} = <span className="teach-num">{formatNumber(c)}</span>: f ={' '}
        <span className="teach-num teach-value">{formatNumber(fc)}</span>, slope ∂f/∂{variable} ={' '}
        <span className="teach-num teach-tangent">{formatNumber(slope)}</span>.
        {!tangent && ' No tangent line: the value or the slope is not finite here.'}
        {parabola &&
          ` Dotted: the osculating parabola, curvature ∂²f/∂${variable}² = ${formatNumber(curvature)} from the Hessian.`}
        {!pointVisible && Number.isFinite(fc) && ' The point is outside the plotted range.'}
        {hasGaps && ' Gaps in the curve: f is NaN or infinite there.'}
      </p>
      {graph.variables.length === 2 && (
        <ContourView
          graph={graph}
          f={f}
          point={point}
          gradient={gradient}
          hessian={props.graph === graph ? (props.hessian ?? null) : null}
        />
      )}
    </section>
  );
}

interface ContourViewProps {
  graph: Graph;
  f: (p: Point) => number;
  point: Point;
  gradient: Record<string, number>;
  hessian: number[][] | null;
}

const CONTOUR_SIZE = 300;
const CONTOUR_BOX = { left: 56, right: 12, top: 12, bottom: 44 };
const ARROW_PX = 48;

/** Level sets of f over the two variables, with the gradient arrow at the current point. */
function ContourView({ graph, f, point, gradient, hessian }: ContourViewProps) {
  const [xv = 'x', yv = 'y'] = graph.variables;
  const cx = point[xv] ?? 0;
  const cy = point[yv] ?? 0;
  const markerId = useSafeId('teach-arrow');
  const clipId = `${markerId}-clip`;
  const xw = useStableWindow(`${xv}|${yv}|x`, cx);
  const yw = useStableWindow(`${xv}|${yv}|y`, cy);
  // Equal-width square windows keep the arrow perpendicular to the level curves on screen.
  const windows = useMemo(() => contourWindows((xw.lo + xw.hi) / 2, (yw.lo + yw.hi) / 2), [xw, yw]);
  const n = gridSize(graph.nodes.length);
  const grid = useMemo(
    () => sampleGrid(f, point, xv, yv, windows.x, windows.y, n),
    [f, point, xv, yv, windows, n],
  );
  const levels = useMemo(() => contourLevels(grid.values, 10), [grid]);
  const polygons = useMemo(() => contourPolygons(grid, levels), [grid, levels]);

  const px0 = CONTOUR_BOX.left;
  const px1 = CONTOUR_SIZE - CONTOUR_BOX.right;
  const py0 = CONTOUR_SIZE - CONTOUR_BOX.bottom;
  const py1 = CONTOUR_BOX.top;
  const side = Math.min(px1 - px0, py0 - py1);
  const x = scaleLinear()
    .domain([windows.x.lo, windows.x.hi])
    .range([px0, px0 + side]);
  const y = scaleLinear()
    .domain([windows.y.lo, windows.y.hi])
    .range([py1 + side, py1]);
  const project = geoTransform({
    point(gx, gy) {
      this.stream.point(
        x(gridToData(gx, grid.nx, windows.x)),
        y(gridToData(gy, grid.ny, windows.y)),
      );
    },
  });
  const path = geoPath(project);

  const gx = gradient[xv] ?? NaN;
  const gy = gradient[yv] ?? NaN;
  const norm = Math.hypot(gx, gy);
  const arrow =
    Number.isFinite(norm) && norm > 0
      ? { dx: (gx / norm) * ARROW_PX, dy: (-gy / norm) * ARROW_PX }
      : null;
  const newton = hessian ? newtonStep2(gx, gy, hessian) : null;
  const inside =
    cx >= windows.x.lo && cx <= windows.x.hi && cy >= windows.y.lo && cy <= windows.y.hi;

  return (
    <div className="teach-contour">
      <h3>Contour view</h3>
      <p className="teach-note">
        Level curves of f over {xv} and {yv}; stronger shading = larger f. The arrow is the gradient
        ∇f at the point: it points uphill, across the level curves.
      </p>
      <svg
        role="img"
        aria-label={`Contour plot of f over ${xv} and ${yv}. At (${formatNumber(cx)}, ${formatNumber(cy)}) the gradient is (${formatNumber(gx)}, ${formatNumber(gy)}).`}
        width={CONTOUR_SIZE}
        height={CONTOUR_SIZE}
        viewBox={`0 0 ${CONTOUR_SIZE} ${CONTOUR_SIZE}`}
        style={{ maxWidth: '100%' }}
      >
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0L10,5L0,10Z" fill="var(--c-adjoint, #D55E00)" />
          </marker>
          <clipPath id={clipId}>
            <rect x={px0} y={py1} width={side} height={side} />
          </clipPath>
        </defs>
        <g aria-hidden="true" clipPath={`url(#${clipId})`}>
          {polygons.map((p, k) => (
            <path
              key={k}
              d={path(p) ?? ''}
              fill="var(--c-value, #0072B2)"
              fillOpacity={0.06 + (0.5 * k) / Math.max(1, polygons.length)}
              stroke="var(--muted, #545a64)"
              strokeWidth={0.8}
            />
          ))}
        </g>
        <g className="axis" aria-hidden="true">
          <rect
            x={px0}
            y={py1}
            width={side}
            height={side}
            fill="none"
            stroke="var(--muted, #545a64)"
          />
          {x.ticks(4).map((t) => (
            <text key={`x${t}`} x={x(t)} y={py1 + side + 20} textAnchor="middle">
              {formatNumber(t)}
            </text>
          ))}
          {y.ticks(4).map((t) => (
            <text key={`y${t}`} x={px0 - 6} y={y(t) + 5} textAnchor="end">
              {formatNumber(t)}
            </text>
          ))}
        </g>
        <text
          className="teach-axis-title"
          x={px0 + side / 2}
          y={CONTOUR_SIZE - 4}
          textAnchor="middle"
        >
          {xv}
        </text>
        <text
          className="teach-axis-title"
          x={14}
          y={py1 + side / 2}
          textAnchor="middle"
          transform={`rotate(-90 14 ${py1 + side / 2})`}
        >
          {yv}
        </text>
        {inside && (
          <g>
            {arrow && (
              <line
                x1={x(cx)}
                y1={y(cy)}
                x2={x(cx) + arrow.dx}
                y2={y(cy) + arrow.dy}
                stroke="var(--c-adjoint, #D55E00)"
                strokeWidth={3}
                markerEnd={`url(#${markerId})`}
              />
            )}
            {newton && (
              <g clipPath={`url(#${clipId})`}>
                <line
                  className="teach-newton"
                  x1={x(cx)}
                  y1={y(cy)}
                  x2={x(cx + newton.dx)}
                  y2={y(cy + newton.dy)}
                  stroke="#CC79A7"
                  strokeWidth={3}
                  strokeDasharray="2 5"
                  strokeLinecap="round"
                />
                <rect
                  x={x(cx + newton.dx) - 5}
                  y={y(cy + newton.dy) - 5}
                  width={10}
                  height={10}
                  fill="none"
                  stroke="#CC79A7"
                  strokeWidth={2.5}
                />
              </g>
            )}
            <CurrentPoint cx={x(cx)} cy={y(cy)} r={6} />
          </g>
        )}
      </svg>
      <p>
        ∇f = (<span className="teach-num">{formatNumber(gx)}</span>,{' '}
        <span className="teach-num">{formatNumber(gy)}</span>)
        {!arrow && ' — no arrow: the gradient is zero or not finite here.'} A gradient step moves
        against the arrow, −∇f.
        {newton
          ? ` Newton step −H⁻¹∇f = (${formatNumber(newton.dx)}, ${formatNumber(newton.dy)}), dotted, to the square: where the quadratic model of f is flat.`
          : hessian
            ? ' No Newton step: the Hessian is singular or not finite here.'
            : ''}
      </p>
    </div>
  );
}
