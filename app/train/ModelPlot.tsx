import { useMemo } from 'react';
import { findPrediction, predictMany, type TrainModel } from '../../ad-core/index.ts';
import { frameScales, PlotAxes } from './PlotAxes.tsx';
import { linspace, paddedExtent } from './plotData.ts';

const W = 300;
const H = 190;
const M = { left: 40, right: 10, top: 10, bottom: 30 };
const FRAME = { left: M.left, right: W - M.right, top: M.top, bottom: H - M.bottom };
const GRID = 36;

/**
 * A picture of the model at the current parameters: for one input, the data and the fitted curve;
 * for two inputs with 0/1 targets, the data (circle = 0, triangle = 1) over the decision regions.
 */
export function ModelPlot({
  model,
  params,
  shownRow,
}: {
  model: TrainModel;
  params: Float64Array;
  shownRow: number;
}) {
  const prediction = useMemo(() => findPrediction(model), [model]);
  if (!prediction)
    return (
      <p className="train-note">No picture: the loss has no input column and target to plot.</p>
    );
  const col = (name: string) => model.table.values[model.table.columns.indexOf(name)]!;
  const target = col(prediction.target);
  if (prediction.inputs.length === 1) {
    const xs = col(prediction.inputs[0]!);
    const [x0, x1] = paddedExtent(xs, 0.05);
    const gx = linspace(x0, x1, 120);
    const gy = new Float64Array(gx.length);
    predictMany(model, prediction, params, [gx], gy);
    const [y0, y1] = paddedExtent([...target, ...gy.filter((v) => Math.abs(v) < 1e6)]);
    const { x, y } = frameScales(FRAME, [x0, x1], [y0, y1]);
    let d = '';
    gx.forEach((v, i) => {
      if (Number.isFinite(gy[i]!))
        d += `${d === '' ? 'M' : 'L'}${x(v).toFixed(1)},${y(Math.max(y0, Math.min(y1, gy[i]!))).toFixed(1)}`;
    });
    return (
      <svg
        className="train-plot"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Fitted curve over the data"
      >
        <title>{`The fitted curve of ${prediction.target} against ${prediction.inputs[0]} at the current parameters, over the data`}</title>
        <Axes xLabel={prediction.inputs[0]!} yLabel={prediction.target} />
        {Array.from(xs, (v, i) => (
          <circle
            key={i}
            cx={x(v)}
            cy={y(target[i]!)}
            r={i === shownRow ? 6 : 3.5}
            className={i === shownRow ? 'data-point is-shown' : 'data-point'}
          />
        ))}
        <path d={d} className="fit-line" />
      </svg>
    );
  }
  if (prediction.inputs.length === 2) {
    const a = col(prediction.inputs[0]!);
    const b = col(prediction.inputs[1]!);
    const [a0, a1] = paddedExtent(a, 0.15);
    const [b0, b1] = paddedExtent(b, 0.15);
    const { x, y } = frameScales(FRAME, [a0, a1], [b0, b1]);
    const ga = new Float64Array(GRID * GRID);
    const gb = new Float64Array(GRID * GRID);
    const ca = linspace(a0, a1, GRID);
    const cb = linspace(b0, b1, GRID);
    for (let i = 0; i < GRID; i++)
      for (let j = 0; j < GRID; j++) {
        ga[i * GRID + j] = ca[j]!;
        gb[i * GRID + j] = cb[i]!;
      }
    const out = new Float64Array(GRID * GRID);
    predictMany(model, prediction, params, [ga, gb], out);
    const threshold = isBinary(target) ? 0.5 : 0;
    const cw = (W - M.left - M.right) / GRID;
    const ch = (H - M.top - M.bottom) / GRID;
    const cells: string[] = ['', ''];
    out.forEach((p, k) => {
      const i = Math.floor(k / GRID);
      const j = k % GRID;
      const cls = p >= threshold ? 1 : 0;
      cells[cls] +=
        `M${(M.left + j * cw).toFixed(1)},${(H - M.bottom - (i + 1) * ch).toFixed(1)}h${cw.toFixed(2)}v${ch.toFixed(2)}h${(-cw).toFixed(2)}z`;
    });
    return (
      <svg
        className="train-plot"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Decision boundary"
      >
        <title>{`Decision regions of the model at the current parameters (shaded: prediction ≥ ${threshold}); circles are class 0, triangles class 1`}</title>
        <path d={cells[0]} className="region region-0" />
        <path d={cells[1]} className="region region-1" />
        <Axes xLabel={prediction.inputs[0]!} yLabel={prediction.inputs[1]!} />
        {Array.from(a, (v, i) => {
          const cx = x(v);
          const cy = y(b[i]!);
          const r = i === shownRow ? 7 : 5;
          return target[i]! >= threshold ? (
            <path
              key={i}
              d={`M${cx},${cy - r}L${cx + r},${cy + r * 0.8}L${cx - r},${cy + r * 0.8}Z`}
              className={`class-1${i === shownRow ? ' is-shown' : ''}`}
            />
          ) : (
            <circle
              key={i}
              cx={cx}
              cy={cy}
              r={r * 0.8}
              className={`class-0${i === shownRow ? ' is-shown' : ''}`}
            />
          );
        })}
      </svg>
    );
  }
  return (
    <p className="train-note">No picture for a model with {prediction.inputs.length} inputs.</p>
  );
}

function isBinary(values: Float64Array): boolean {
  return values.every((v) => v === 0 || v === 1);
}

function Axes({ xLabel, yLabel }: { xLabel: string; yLabel: string }) {
  return <PlotAxes frame={FRAME} lines xTitle={{ text: xLabel, y: H - 8 }} yTitle={yLabel} />;
}
