import { scaleSymlog } from 'd3';
import { useId, useMemo } from 'react';
import { dataNumber, formatNumber, type ParamCheck } from '../../ad-core/index.ts';
import { batchCheckNow, useTraining } from '../store/training.ts';
import { PlotAxes } from './PlotAxes.tsx';

const W = 300;
const H = 230;
const M = { left: 66, right: 12, top: 12, bottom: 44 };

/**
 * Gradient check at scale: one dot per parameter at (finite difference, AD) of the next step's
 * batch loss. Right when every dot sits on the diagonal. Symmetric-log axes, so small gradients
 * next to large ones are still apart. Not recomputed while running (two loss evaluations per
 * parameter each frame would slow training); it follows every step taken by hand and every pause.
 */
export function GradCheckScatter() {
  const model = useTraining((s) => s.model);
  const run = useTraining((s) => s.run);
  const running = useTraining((s) => s.running);
  const version = useTraining((s) => s.version);
  const batchSize = useTraining((s) => s.batchSize);
  const id = useId();
  const checks = useMemo<ParamCheck[] | null>(
    () => (running ? null : batchCheckNow()),
    // The run changes in place: `version` and the batch size say when to check again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model, run, running, version, batchSize],
  );
  if (!model || !run) return <p className="train-note">Fix the data or the roles to check.</p>;
  if (!checks)
    return (
      <p className="train-note">
        Pause to check every parameter&apos;s gradient at the current step.
      </p>
    );
  const plotted = checks.filter((c) => c.status !== 'nonfinite');
  const m = Math.max(1e-12, ...plotted.flatMap((c) => [Math.abs(c.ad), Math.abs(c.fd)]));
  const domain: [number, number] = [-m * 1.1, m * 1.1];
  const side = Math.min(W - M.left - M.right, H - M.top - M.bottom);
  const x = scaleSymlog()
    .constant(m / 100)
    .domain(domain)
    .range([M.left, M.left + side]);
  const y = scaleSymlog()
    .constant(m / 100)
    .domain(domain)
    .range([M.top + side, M.top]);
  const pass = checks.filter((c) => c.status === 'pass').length;
  const bad = checks.filter((c) => c.status !== 'pass');
  const ticks = [-m, 0, m];
  const summary =
    bad.length === 0
      ? `All ${checks.length} parameters on the diagonal: AD agrees with the finite difference.`
      : `${pass} of ${checks.length} on the diagonal; off it: ${bad
          .slice(0, 6)
          .map((c) => `${c.name} (${c.status})`)
          .join(', ')}${bad.length > 6 ? ', …' : ''}.`;
  return (
    <div className="train-scatter">
      <svg
        className="train-plot"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Gradient check scatter: AD against finite difference, one dot per parameter. ${summary}`}
        data-testid="gradcheck-scatter"
      >
        <line
          x1={x(domain[0])}
          y1={y(domain[0])}
          x2={x(domain[1])}
          y2={y(domain[1])}
          className="diagonal"
        />
        <rect x={M.left} y={M.top} width={side} height={side} className="frame" />
        <PlotAxes
          frame={{ left: M.left, right: M.left + side, top: M.top, bottom: M.top + side }}
          xTicks={{ at: x, values: ticks }}
          xTickGap={22}
          yTicks={{ at: y, values: ticks }}
          xTitle={{ text: 'finite difference', y: H - 4 }}
          yTitle="AD"
        />
        {plotted.map((c) =>
          c.status === 'pass' ? (
            <circle
              key={c.name}
              cx={x(c.fd)}
              cy={y(c.ad)}
              r={4.5}
              className="check-pass"
              data-param={c.name}
            />
          ) : (
            <g key={c.name} data-param={c.name}>
              <path
                d={`M${x(c.fd) - 6},${y(c.ad) - 6}L${x(c.fd) + 6},${y(c.ad) + 6}M${x(c.fd) - 6},${y(c.ad) + 6}L${x(c.fd) + 6},${y(c.ad) - 6}`}
                className="check-bad"
              />
              <text x={x(c.fd) + 8} y={y(c.ad) - 6} className="tick">
                {c.name}
              </text>
            </g>
          ),
        )}
      </svg>
      <p className={bad.length === 0 ? 'train-note' : 'train-note train-error'}>{summary}</p>
      <details>
        <summary>The numbers</summary>
        <div className="train-data-scroll">
          <table className="train-table" aria-labelledby={`${id}-cap`}>
            <caption id={`${id}-cap`} className="visually-hidden">
              Batch gradient check
            </caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">AD</th>
                <th scope="col">Finite difference</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((c) => (
                <tr
                  key={c.name}
                  data-param={c.name}
                  data-ad={dataNumber(c.ad)}
                  data-fd={dataNumber(c.fd)}
                  data-status={c.status}
                >
                  <th scope="row">{c.name}</th>
                  <td className="num">{formatNumber(c.ad)}</td>
                  <td className="num">{formatNumber(c.fd)}</td>
                  <td>{c.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
