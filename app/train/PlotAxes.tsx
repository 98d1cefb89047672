// The axes of the training tab's small SVG plots: d3 scales and ticks come in, React draws the
// axis lines, the tick numbers and the axis titles, the same way in every plot.
import { scaleLinear } from 'd3';
import { formatNumber } from '../../ad-core/index.ts';

/** The plot area's edges in SVG units. */
export interface PlotFrame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Numbers along one axis: where each value sits (a d3 scale) and which values (its ticks). */
export interface AxisTicks {
  at: (value: number) => number;
  values: readonly number[];
}

/** Linear x and y scales from data to the frame (y grows upwards, as on paper). */
export function frameScales(
  frame: PlotFrame,
  xDomain: [number, number],
  yDomain: [number, number],
) {
  return {
    x: scaleLinear().domain(xDomain).range([frame.left, frame.right]),
    y: scaleLinear().domain(yDomain).range([frame.bottom, frame.top]),
  };
}

const Y_TITLE_X = 14;

export function PlotAxes({
  frame,
  lines = false,
  xTicks,
  xTickGap = 18,
  yTicks,
  xTitle,
  yTitle,
}: {
  frame: PlotFrame;
  /** Draw the bottom and left axis lines (plots without a frame rectangle). */
  lines?: boolean;
  xTicks?: AxisTicks;
  /** How far below the frame the x tick numbers' baseline sits. */
  xTickGap?: number;
  yTicks?: AxisTicks;
  /** The x axis's name and the baseline it sits on. */
  xTitle?: { text: string; y: number };
  yTitle?: string;
}) {
  const { left, right, top, bottom } = frame;
  const middleY = (top + bottom) / 2;
  return (
    <>
      {lines && (
        <>
          <line x1={left} x2={right} y1={bottom} y2={bottom} className="axis" />
          <line x1={left} x2={left} y1={top} y2={bottom} className="axis" />
        </>
      )}
      {xTicks?.values.map((t) => (
        <text
          key={`x${t}`}
          x={xTicks.at(t)}
          y={bottom + xTickGap}
          className="tick"
          textAnchor="middle"
        >
          {formatNumber(t)}
        </text>
      ))}
      {yTicks?.values.map((t) => (
        <text
          key={`y${t}`}
          x={left - 4}
          y={yTicks.at(t)}
          className="tick"
          textAnchor="end"
          dominantBaseline="middle"
        >
          {formatNumber(t)}
        </text>
      ))}
      {xTitle && (
        <text x={(left + right) / 2} y={xTitle.y} className="tick" textAnchor="middle">
          {xTitle.text}
        </text>
      )}
      {yTitle !== undefined && (
        <text
          x={Y_TITLE_X}
          y={middleY}
          className="tick"
          textAnchor="middle"
          transform={`rotate(-90 ${Y_TITLE_X} ${middleY})`}
        >
          {yTitle}
        </text>
      )}
    </>
  );
}
