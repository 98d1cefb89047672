import { useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { formatNumber } from '../../ad-core/index.ts';
import type { FdMethod, SweepPoint } from '../../ad-core/index.ts';
import {
  METHODS,
  METHOD_STYLES,
  bestSteps,
  errorPlotGeometry,
  markerPath,
  thinMarkers,
} from './error-plot.ts';
import type { MethodStyle } from './error-plot.ts';
import { useSafeId } from './use-safe-id.ts';
import { useWidth } from './use-width.ts';
import './teach.css';

export interface ErrorPlotProps {
  sweep: SweepPoint[];
  chosenH: number;
  method: FdMethod;
  variable: string;
  /** Plot height in CSS pixels (default 300); the app fits it to the space it has. */
  height?: number;
  /** Controls shown beside the title (e.g. the app's variable picker). */
  controls?: ReactNode;
}

const DEFAULT_HEIGHT = 300;
const MIN_HEIGHT = 180;
const BOX = { left: 64, right: 16, top: 26, bottom: 48 };

function Swatch({ style, selected }: { style: MethodStyle; selected: boolean }) {
  return (
    <svg width="44" height="16" aria-hidden="true" focusable="false">
      <line
        x1="2"
        y1="8"
        x2="42"
        y2="8"
        stroke={style.colour}
        strokeWidth={selected ? 3.5 : 2.5}
        strokeDasharray={style.dash || undefined}
      />
      <path
        d={markerPath(style.marker, 22, 8, 4.5)}
        fill={style.colour}
        stroke="var(--panel, #f4f5f7)"
        strokeWidth={1}
      />
    </svg>
  );
}

/** |FD − AD| against the step size h on log-log axes, one line per finite-difference method. */
export function ErrorPlot({
  sweep,
  chosenH,
  method,
  variable,
  height = DEFAULT_HEIGHT,
  controls,
}: ErrorPlotProps) {
  const HEIGHT = Math.max(MIN_HEIGHT, Math.round(height));
  const holder = useRef<HTMLDivElement>(null);
  const width = Math.max(320, useWidth(holder, 560));
  const geo = useMemo(
    () => errorPlotGeometry(sweep, chosenH, { width, height: HEIGHT, ...BOX }),
    [sweep, chosenH, width, HEIGHT],
  );
  const best = useMemo(() => bestSteps(sweep), [sweep]);
  const { x0, x1, y0, y1 } = geo.plot;
  const clipId = useSafeId('teach-error');

  const summary = METHODS.map((m) => {
    const b = best[m];
    return b
      ? `${METHOD_STYLES[m].label}: smallest error ${formatNumber(b.error, 2)} at h = ${formatNumber(b.h, 2)}`
      : `${METHOD_STYLES[m].label}: does not apply`;
  }).join('; ');
  const notApplicable = geo.series
    .filter((s) => s.notApplicable)
    .map((s) => METHOD_STYLES[s.method].label);
  const anyFloor = geo.series.some((s) => s.hitFloor);

  return (
    <figure
      className="teach-panel teach-plot teach-error-plot"
      aria-labelledby={`${clipId}-title`}
      style={{ margin: 0 }}
    >
      <div className="teach-header">
        <h3 id={`${clipId}-title`}>Finite-difference error versus step size</h3>
        {controls}
      </div>
      <p className="teach-note">
        Errors in ∂f/∂{variable}. Gradient check uses: {METHOD_STYLES[method].label.toLowerCase()},
        h = <span className="teach-num">{formatNumber(chosenH, 3)}</span>.
      </p>
      <div ref={holder}>
        <svg
          role="img"
          aria-label={`Log-log plot of the finite-difference error |FD − AD| for ∂f/∂${variable} against step size h from 10⁻¹⁶ to 1. ${summary}.`}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={x0} y={y1 - 6} width={x1 - x0} height={y0 - y1 + 12} />
            </clipPath>
          </defs>
          <g className="grid" aria-hidden="true">
            {geo.xTicks.map((t) => (
              <line
                key={`gx${t.value}`}
                x1={t.at}
                x2={t.at}
                y1={y1}
                y2={y0}
                strokeWidth={t.label ? 1 : 0.5}
              />
            ))}
            {geo.yTicks.map((t) => (
              <line
                key={`gy${t.value}`}
                x1={x0}
                x2={x1}
                y1={t.at}
                y2={t.at}
                strokeWidth={t.label ? 1 : 0.5}
              />
            ))}
          </g>
          <g className="axis" aria-hidden="true">
            <line x1={x0} x2={x1} y1={y0} y2={y0} />
            <line x1={x0} x2={x0} y1={y1} y2={y0} />
            {geo.xTicks
              .filter((t) => t.label)
              .map((t) => (
                <text key={`lx${t.value}`} x={t.at} y={y0 + 20} textAnchor="middle">
                  {t.label}
                </text>
              ))}
            {geo.yTicks
              .filter((t) => t.label)
              .map((t) => (
                <text key={`ly${t.value}`} x={x0 - 8} y={t.at + 5} textAnchor="end">
                  {t.label}
                </text>
              ))}
          </g>
          <text className="teach-axis-title" x={(x0 + x1) / 2} y={HEIGHT - 6} textAnchor="middle">
            step size h
          </text>
          <text className="teach-axis-title" x={x0 - 56} y={y1 - 10} textAnchor="start">
            |FD − AD|
          </text>
          <g clipPath={`url(#${clipId})`}>
            {geo.series.map((s, k) => {
              const style = METHOD_STYLES[s.method];
              const selected = s.method === method;
              return (
                <g key={s.method} data-method={s.method}>
                  <path
                    d={s.path}
                    fill="none"
                    stroke={style.colour}
                    strokeWidth={selected ? 3.5 : 2}
                    strokeDasharray={style.dash || undefined}
                    strokeLinejoin="round"
                  />
                  {thinMarkers(s.markers, 12, k).map((m, i) => (
                    <path
                      key={i}
                      d={markerPath(style.marker, m.x, m.y, selected ? 5 : 4)}
                      fill={m.atFloor ? 'none' : style.colour}
                      stroke={m.atFloor ? style.colour : 'var(--panel, #f4f5f7)'}
                      strokeWidth={m.atFloor ? 1.5 : 1}
                    />
                  ))}
                </g>
              );
            })}
          </g>
          {geo.chosenX !== null && (
            <g className="teach-chosen-h" aria-hidden="true">
              <line
                x1={geo.chosenX}
                x2={geo.chosenX}
                y1={y1}
                y2={y0}
                stroke="var(--fg, #1b1d21)"
                strokeWidth={1.5}
                strokeDasharray="2 3"
              />
              <text
                x={geo.chosenX + (geo.chosenX > (x0 + x1) / 2 ? -6 : 6)}
                y={y1 - 8}
                textAnchor={geo.chosenX > (x0 + x1) / 2 ? 'end' : 'start'}
                fill="var(--fg, #1b1d21)"
                fontSize={16}
              >
                chosen h
              </text>
            </g>
          )}
        </svg>
      </div>
      <ul className="teach-legend" aria-label="Methods">
        {METHODS.map((m) => {
          const style = METHOD_STYLES[m];
          const na = notApplicable.includes(style.label);
          return (
            <li key={m} className={m === method ? 'is-selected' : undefined}>
              <Swatch style={style} selected={m === method} />
              {style.label}
              {m === method ? ' (chosen)' : ''}
              {na ? ' — does not apply' : ''}
            </li>
          );
        })}
      </ul>
      <figcaption>
        Truncation error (the Taylor terms the difference quotient drops) falls as h shrinks, while
        round-off error (from subtracting nearly equal values of f) grows as h shrinks, so each
        method is most accurate at an h in between; the complex step subtracts nothing and so has no
        round-off wall.
        {anyFloor && ' Hollow markers on the bottom edge are errors of exactly 0.'}
        {notApplicable.length > 0 &&
          ` Not drawn: ${notApplicable.join(', ')} (the method needs a smooth formula).`}
      </figcaption>
    </figure>
  );
}
