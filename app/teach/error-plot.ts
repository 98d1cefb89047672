// Geometry of the finite-difference error plot: log-log scales, one path per method, markers,
// power-of-ten ticks. Pure (d3 scales and line generators only) so React just renders strings.
import { line, scaleLog } from 'd3';
import type { FdMethod, SweepPoint } from '../../ad-core/index.ts';
import { superscript } from './cost.ts';

export const H_MIN = 1e-16;
export const H_MAX = 1;
/** Errors of exactly 0 (or below this) are drawn on this floor, marked as such. */
export const ERROR_FLOOR = 1e-17;

export const METHODS: readonly FdMethod[] = ['forward', 'central', 'richardson', 'complex'];

export interface MethodStyle {
  label: string;
  /** CSS colour (custom property with fallback), always paired with a dash pattern and marker. */
  colour: string;
  dash: string;
  marker: 'circle' | 'square' | 'triangle' | 'diamond';
}

export const METHOD_STYLES: Record<FdMethod, MethodStyle> = {
  forward: { label: 'Forward', colour: 'var(--teach-m-forward, #CC79A7)', dash: '10 5', marker: 'circle' },
  central: { label: 'Central', colour: 'var(--fg, #111)', dash: '', marker: 'square' },
  richardson: { label: 'Richardson', colour: 'var(--teach-m-richardson, #56B4E9)', dash: '3 4', marker: 'triangle' },
  complex: { label: 'Complex step', colour: 'var(--teach-m-complex, #8A7B00)', dash: '12 4 3 4', marker: 'diamond' },
};

export interface PlotBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Tick {
  value: number;
  /** Pixel position along its axis. */
  at: number;
  /** `10⁻⁸`, or '' for an unlabelled minor tick. */
  label: string;
}

export interface PlottedMarker {
  x: number;
  y: number;
  /** The error was 0 or below the floor and is drawn on it. */
  atFloor: boolean;
}

export interface MethodSeries {
  method: FdMethod;
  path: string;
  markers: PlottedMarker[];
  /** Every error was NaN: the method does not apply to this formula (e.g. complex step through abs). */
  notApplicable: boolean;
  /** Some errors were 0/below the floor (drawn on the floor). */
  hitFloor: boolean;
}

export interface ErrorPlotGeometry {
  xTicks: Tick[];
  yTicks: Tick[];
  series: MethodSeries[];
  chosenX: number | null;
  yDomain: [number, number];
  plot: { x0: number; x1: number; y0: number; y1: number };
}

/** `10⁻⁸` for 1e-8, `1` for 1e0. */
export function powerOfTenLabel(exponent: number): string {
  if (exponent === 0) return '1';
  return `10${superscript(exponent)}`;
}

/** Every power of ten in [lo, hi], labelled at most `maxLabels` times (every k-th power). */
export function powerTicks(lo: number, hi: number, scale: (v: number) => number, maxLabels: number): Tick[] {
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  const count = e1 - e0 + 1;
  const needed = Math.max(1, Math.ceil(count / Math.max(1, maxLabels)));
  // Prefer a spacing that labels both ends (10⁻¹⁶ and 1), if one is not much sparser.
  let every = needed;
  for (let k = needed; k <= needed * 2; k++) {
    if ((count - 1) % k === 0) {
      every = k;
      break;
    }
  }
  const ticks: Tick[] = [];
  for (let e = e0; e <= e1; e++) {
    const value = 10 ** e;
    ticks.push({ value, at: scale(value), label: (e1 - e) % every === 0 ? powerOfTenLabel(e) : '' });
  }
  return ticks;
}

/** What an error becomes on the plot: clamped to the floor if 0/tiny, null (a gap) if NaN or ∞. */
export function plottedError(error: number): { value: number; atFloor: boolean } | null {
  if (!Number.isFinite(error)) return null;
  const abs = Math.abs(error);
  return abs < ERROR_FLOOR ? { value: ERROR_FLOOR, atFloor: true } : { value: abs, atFloor: false };
}

/** Upper end of the error axis: the next power of ten above the largest finite error, at least 1e-2. */
export function errorCeiling(sweep: SweepPoint[]): number {
  let max = 1e-2;
  for (const p of sweep) {
    for (const m of METHODS) {
      const e = Math.abs(p.errors[m]);
      if (Number.isFinite(e) && e > max) max = e;
    }
  }
  return 10 ** Math.ceil(Math.log10(max));
}

export function errorPlotGeometry(sweep: SweepPoint[], chosenH: number, box: PlotBox): ErrorPlotGeometry {
  const x0 = box.left;
  const x1 = box.width - box.right;
  const y0 = box.height - box.bottom;
  const y1 = box.top;
  const x = scaleLog().domain([H_MIN, H_MAX]).range([x0, x1]).clamp(true);
  const yTop = errorCeiling(sweep);
  const y = scaleLog().domain([ERROR_FLOOR, yTop]).range([y0, y1]).clamp(true);
  const points = sweep.filter((p) => p.h >= H_MIN * 0.999 && p.h <= H_MAX * 1.001).sort((a, b) => a.h - b.h);

  const series = METHODS.map((method): MethodSeries => {
    const plotted = points.map((p) => ({ h: p.h, e: plottedError(p.errors[method]) }));
    const path =
      line<{ h: number; e: { value: number } | null }>()
        .defined((d) => d.e !== null)
        .x((d) => x(d.h))
        .y((d) => y(d.e?.value ?? ERROR_FLOOR))(plotted) ?? '';
    const markers: PlottedMarker[] = [];
    for (const d of plotted) {
      if (d.e) markers.push({ x: x(d.h), y: y(d.e.value), atFloor: d.e.atFloor });
    }
    return {
      method,
      path,
      markers,
      notApplicable: plotted.every((d) => d.e === null),
      hitFloor: markers.some((m) => m.atFloor),
    };
  });

  const maxXLabels = Math.max(2, Math.floor((x1 - x0) / 56));
  const maxYLabels = Math.max(2, Math.floor((y0 - y1) / 28));
  return {
    xTicks: powerTicks(H_MIN, H_MAX, x, maxXLabels),
    yTicks: powerTicks(ERROR_FLOOR, yTop, y, maxYLabels),
    series,
    chosenX: Number.isFinite(chosenH) && chosenH > 0 ? x(chosenH) : null,
    yDomain: [ERROR_FLOOR, yTop],
    plot: { x0, x1, y0, y1 },
  };
}

/** SVG path for a marker shape centred on (x, y) with radius r. */
export function markerPath(shape: MethodStyle['marker'], x: number, y: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle':
      return `M${x},${y - r * 1.15}L${x + r * 1.15},${y + r * 0.85}L${x - r * 1.15},${y + r * 0.85}Z`;
    case 'diamond':
      return `M${x},${y - r * 1.3}L${x + r * 1.3},${y}L${x},${y + r * 1.3}L${x - r * 1.3},${y}Z`;
  }
}

export interface BestStep {
  method: FdMethod;
  h: number;
  error: number;
}

/** Per method, the step with the smallest finite error (null if the method never applies). */
export function bestSteps(sweep: SweepPoint[]): Record<FdMethod, BestStep | null> {
  const out = { forward: null, central: null, richardson: null, complex: null } as Record<FdMethod, BestStep | null>;
  for (const method of METHODS) {
    for (const p of sweep) {
      const e = Math.abs(p.errors[method]);
      if (!Number.isFinite(e)) continue;
      const best = out[method];
      if (!best || e < best.error) out[method] = { method, h: p.h, error: e };
    }
  }
  return out;
}

/** Every k-th marker, k chosen so a series has at most `max` markers; `offset` staggers methods. */
export function thinMarkers<T>(markers: T[], max: number, offset: number): T[] {
  const step = Math.max(1, Math.ceil(markers.length / Math.max(1, max)));
  return markers.filter((_, i) => (i + offset) % step === 0);
}
