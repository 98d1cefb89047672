import { extent, line, scaleLinear, scaleLog } from 'd3';
import { formatNumber } from '../../ad-core/index.ts';
import { PlotAxes } from './PlotAxes.tsx';
import { curvePoints } from './plotData.ts';

const W = 300;
const H = 170;
const M = { left: 56, right: 10, top: 10, bottom: 30 };

/** The loss of every step taken (decimated to the plot's width), linear or log scale. */
export function LossCurve({ losses, logScale }: { losses: readonly number[]; logScale: boolean }) {
  const pts = curvePoints(losses, logScale, 300);
  const steps = losses.length;
  const [lo = 1, hi = 1] = extent(pts, (p) => p[1]);
  const x = scaleLinear()
    .domain([1, Math.max(2, steps)])
    .range([M.left, W - M.right]);
  const y = (logScale ? scaleLog() : scaleLinear())
    .domain(logScale ? [lo, hi === lo ? lo * 10 : hi] : [Math.min(0, lo), hi === lo ? hi + 1 : hi])
    .range([H - M.bottom, M.top])
    .nice();
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))(pts);
  const yTicks = y.ticks(logScale ? 3 : 4).slice(0, 6);
  return (
    <svg
      className="train-plot"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label="Loss curve"
      data-steps={steps}
      data-losses={losses.slice(0, 2000).join(',')}
    >
      <title>{`Loss curve: ${steps} steps${steps > 0 ? `, last loss ${formatNumber(losses[steps - 1]!)}` : ''}`}</title>
      <PlotAxes
        frame={{ left: M.left, right: W - M.right, top: M.top, bottom: H - M.bottom }}
        lines
        yTicks={{ at: y, values: yTicks }}
      />
      <text x={M.left} y={H - 8} className="tick" textAnchor="start">
        1
      </text>
      <text x={W - M.right} y={H - 8} className="tick" textAnchor="end">
        {`step ${Math.max(steps, 1)}`}
      </text>
      {path && <path d={path} className="loss-line" />}
      {steps === 0 && (
        <text x={(M.left + W) / 2} y={H / 2} className="tick" textAnchor="middle">
          No steps yet
        </text>
      )}
    </svg>
  );
}
