// Finite-difference checks of the reverse-mode gradient: the independent witness the side panel,
// the CLI and the property tests use to show that AD computed the right partials.
import { evaluateComplexStep, nonAnalyticOps } from './complex-eval.ts';
import { evaluate, evaluateValues, pointValue } from './evaluate.ts';
import { OPS_BY_INDEX, opValue } from './ops.ts';
import { formatNumber } from './format.ts';
import { reverse } from './reverse.ts';
import type {
  CheckOptions,
  CheckRow,
  CheckStatus,
  FdMethod,
  Graph,
  Point,
  SweepPoint,
} from './types.ts';

const EPS = Number.EPSILON;

export const FD_METHODS: readonly FdMethod[] = ['forward', 'central', 'richardson', 'complex'];

/** "Agrees" when |ad − fd| ≤ tolerance·max(1, |ad|) (DESIGN.md, measured error floors ×~100). */
export const TOLERANCES: Readonly<Record<FdMethod, number>> = {
  forward: 1e-4,
  central: 1e-6,
  richardson: 1e-8,
  complex: 1e-12,
};

// Each difference's truncation and rounding errors balance at a different power of ε.
const RELATIVE_STEP: Readonly<Record<FdMethod, number>> = {
  forward: Math.sqrt(EPS),
  central: Math.cbrt(EPS),
  richardson: Math.cbrt(EPS),
  complex: 1e-20,
};

/** The default step at coordinate `x`: relative for the real differences, a fixed 1e-20 for complex step. */
export function defaultStep(method: FdMethod, x: number): number {
  if (method === 'complex') return RELATIVE_STEP.complex;
  return RELATIVE_STEP[method] * scaleOf(x);
}

/**
 * The step actually used. A user's `h` replaces the method's default constant but is still scaled
 * by max(1, |x|), for every method, so one `h` means the same relative step at x = 1 and x = 1e6.
 * An `h` that is not a positive finite number is ignored (the default is used): checks never throw.
 */
export function stepFor(method: FdMethod, x: number, h?: number): number {
  if (h === undefined || !(h > 0) || !Number.isFinite(h)) return defaultStep(method, x);
  return h * scaleOf(x);
}

function scaleOf(x: number): number {
  return Number.isFinite(x) ? Math.max(1, Math.abs(x)) : 1;
}

/** f restricted to one coordinate: t ↦ f(point with `variable` = t). */
export type Slice = (t: number) => number;

export function sliceOf(graph: Graph, point: Point, variable: string): Slice {
  // Null prototype: a variable named `__proto__` must be an ordinary key here too.
  const moved = Object.assign(Object.create(null) as Point, point);
  return (t) => {
    moved[variable] = t;
    return evaluateValues(graph, moved)[graph.output] ?? NaN;
  };
}

/**
 * A real finite difference of `f` at `x` with step `h`. Divides by the step that was really taken
 * ((x+h) − x, which rounding can change), falling back to `h` when x + h rounds back to x, so a
 * too-small step shows its true failure (a slope of 0) instead of 0/0.
 */
export function realDifference(
  f: Slice,
  x: number,
  method: Exclude<FdMethod, 'complex'>,
  h: number,
): number {
  if (method === 'forward') {
    const xp = x + h;
    return (f(xp) - f(x)) / takenStep(xp - x, h);
  }
  const central = (step: number): number => {
    const xp = x + step;
    const xm = x - step;
    return (f(xp) - f(xm)) / takenStep(xp - xm, 2 * step);
  };
  if (method === 'central') return central(h);
  // Richardson: D(h) = f' + c·h² + O(h⁴), so (4·D(h/2) − D(h))/3 cancels the h² term.
  return (4 * central(h / 2) - central(h)) / 3;
}

function takenStep(taken: number, nominal: number): number {
  return taken !== 0 ? taken : nominal;
}

/** Complex-step derivative ∂f/∂variable, or NaN when the graph has a non-analytic op. */
export function complexDifference(graph: Graph, point: Point, variable: string, h: number): number {
  const out = evaluateComplexStep(graph, point, variable, h);
  return out === null ? NaN : out.im / h;
}

function differenceFor(
  graph: Graph,
  point: Point,
  variable: string,
  f: Slice,
  method: FdMethod,
  h: number,
): number {
  const x = pointValue(point, variable);
  return method === 'complex'
    ? complexDifference(graph, point, variable, h)
    : realDifference(f, x, method, h);
}

// ---------------------------------------------------------------------------------------------
// Kinks

/** One-sided slopes at three step sizes, relative to max(1, |x|). */
const KINK_STEPS = [1e-4, 1e-5, 1e-6] as const;
/** A jump in slope this large relative to the slopes themselves is a kink, not curvature or noise. */
const KINK_JUMP = 1e-3;

export interface Kink {
  left: number;
  right: number;
}

/**
 * Detects a point where the left and right derivatives differ. The gap between the one-sided
 * slopes is, at a kink, the jump J plus curvature c·h; at a smooth point it is f''·h + O(h³)
 * (or a non-linear power of h where f'' is 0 or infinite). The gaps at three steps are
 * extrapolated linearly to h = 0 twice (from the two larger and the two smaller steps): a kink
 * gives the same non-zero J both times, with the sign of the gap and most of its size; smooth
 * shapes give J ≈ 0, a J of the opposite sign, or estimates that change with the steps. J must
 * also stand clear of the slopes' size and of the rounding noise of f. Returns the one-sided
 * derivatives at a kink (slopes extrapolated to h = 0 like the gap), or null.
 */
export function detectKink(f: Slice, x: number): Kink | null {
  const s = scaleOf(x);
  const f0 = f(x);
  const hs = KINK_STEPS.map((k) => k * s);
  const sides = hs.map((h) => [f(x - h), f(x + h)] as const);
  if (!Number.isFinite(f0) || !sides.every(([m, p]) => Number.isFinite(m) && Number.isFinite(p)))
    return null;
  const slopes = sides.map(([m, p], i) => ({
    left: (f0 - m) / (hs[i] ?? NaN),
    right: (p - f0) / (hs[i] ?? NaN),
  }));
  const gaps = slopes.map(({ left, right }) => right - left);
  const [hL = NaN, hM = NaN, hS = NaN] = hs;
  const [gL = NaN, gM = NaN, gS = NaN] = gaps;
  const extrapolate = (h1: number, g1: number, h2: number, g2: number) =>
    (h1 * g2 - h2 * g1) / (h1 - h2);
  const jump = extrapolate(hM, gM, hS, gS);
  const jumpLarge = extrapolate(hL, gL, hM, gM);
  // The one-sided derivatives, extrapolated to h = 0 the same way (removes the curvature term).
  const [mid = { left: NaN, right: NaN }, small = { left: NaN, right: NaN }] = slopes.slice(1);
  const left = extrapolate(hM, mid.left, hS, small.left);
  const right = extrapolate(hM, mid.right, hS, small.right);
  const noise = (8 * EPS * Math.max(Math.abs(f0), ...sides.flat().map(Math.abs))) / hS;
  const threshold = Math.max(KINK_JUMP * Math.max(Math.abs(left), Math.abs(right)), 100 * noise);
  const isKink =
    Math.abs(jump) > threshold &&
    jump * gS > 0 &&
    Math.abs(jump) >= 0.5 * Math.abs(gS) &&
    jump / jumpLarge >= 0.5 &&
    jump / jumpLarge <= 2;
  return isKink ? { left, right } : null;
}

// ---------------------------------------------------------------------------------------------
// Checks

/** One row per variable: the reverse-mode gradient against the chosen finite difference. */
export function checkGradient(graph: Graph, point: Point, options: CheckOptions = {}): CheckRow[] {
  const { adjoints } = reverse(graph, evaluate(graph, point));
  const ad = graph.inputs.map((node) => adjoints[node] ?? NaN);
  return checkAgainst(graph, point, ad, options);
}

/**
 * The classifier behind `checkGradient`, with the AD values given: exported so tests can show that
 * a wrong derivative is caught as a `mismatch` (a check that cannot fail checks nothing).
 */
export function checkAgainst(
  graph: Graph,
  point: Point,
  ad: readonly number[],
  options: CheckOptions = {},
): CheckRow[] {
  const checker = gradientChecker(graph, point, options, ad);
  return graph.variables.map((_, i) => checker.row(i));
}

/**
 * A gradient check whose rows are computed one at a time, on demand, so that a caller can spread
 * thousands of them over several frames (the app does). Each row's finite differences re-run only
 * the ops its variable reaches (its cone), on one shared copy of the values at the point: the
 * other nodes' values are the same at every step, so the numbers are exactly those of evaluating
 * the whole tape, without its cost (n variables × the whole tape was the quadratic part).
 */
export interface GradientChecker {
  readonly variables: readonly string[];
  /** The i-th variable's row (order of `graph.variables`), computed on the first call. */
  row(i: number): CheckRow;
  /** Op evaluations the finite differences have cost so far: the checker's work, not its time. */
  readonly opsEvaluated: number;
}

export function gradientChecker(
  graph: Graph,
  point: Point,
  options: CheckOptions = {},
  ad?: readonly number[],
): GradientChecker {
  // The reverse pass runs with the first row, not here: creating a checker costs nothing.
  let adValues: readonly number[] | undefined = ad;
  const method = options.method ?? 'central';
  const tolerance = TOLERANCES[method];
  const unsupported = method === 'complex' && nonAnalyticOps(graph).length > 0;
  let cone: ConeEvaluator | null = null;
  const rows: (CheckRow | undefined)[] = [];

  const compute = (i: number): CheckRow => {
    const variable = graph.variables[i] ?? '';
    adValues ??= gradientOf(graph, point);
    const adValue = adValues[i] ?? NaN;
    const x = pointValue(point, variable);
    const h = stepFor(method, x, options.h);
    const base = { variable, ad: adValue, method, h, tolerance };
    if (unsupported) {
      return { ...base, fd: NaN, absError: NaN, relError: NaN, status: 'unsupported' as const };
    }
    cone ??= new ConeEvaluator(graph, point);
    const slice = cone.slice(graph.inputs[i] ?? -1);
    try {
      return rowFor(graph, point, variable, slice, base);
    } finally {
      slice.release();
    }
  };

  return {
    variables: graph.variables,
    row(i) {
      const known = rows[i];
      if (known) return known;
      const row = compute(i);
      rows[i] = row;
      return row;
    },
    get opsEvaluated() {
      return cone?.opsEvaluated ?? 0;
    },
  };
}

function gradientOf(graph: Graph, point: Point): number[] {
  const { adjoints } = reverse(graph, evaluate(graph, point));
  return graph.inputs.map((node) => adjoints[node] ?? NaN);
}

type RowBase = Pick<CheckRow, 'variable' | 'ad' | 'method' | 'h' | 'tolerance'>;

/** One variable's row: the difference, then nonfinite, kink, pass or mismatch (and why). */
function rowFor(
  graph: Graph,
  point: Point,
  variable: string,
  slice: { f: Slice; smooth?: boolean },
  base: RowBase,
): CheckRow {
  const { ad: adValue, method, h, tolerance } = base;
  const { f } = slice;
  const x = pointValue(point, variable);
  const fd = differenceFor(graph, point, variable, f, method, h);
  const absError = Math.abs(adValue - fd);
  // Relative to max(1, |ad|), the same scale as the tolerance: pass ⟺ relError ≤ tolerance.
  const relError = absError / Math.max(1, Math.abs(adValue));
  const row: CheckRow = { ...base, fd, absError, relError, status: 'pass' };
  if (!Number.isFinite(adValue) || !Number.isFinite(fd)) return { ...row, status: 'nonfinite' };
  // Only a non-analytic op (abs, relu, max, …) can put a kink in f's slice: a cone of analytic
  // ops is smooth wherever f and AD are finite, and detection is 7 of a row's 9 evaluations.
  const kink = slice.smooth === true ? null : detectKink(f, x);
  if (kink) return { ...row, status: 'kink', left: kink.left, right: kink.right };
  const status = classify(absError, adValue, tolerance);
  if (status === 'mismatch' && method !== 'complex') {
    const refined = REFINEMENTS.map((k) => {
      const fdK = differenceFor(graph, point, variable, f, method, h / k);
      return { h: h / k, fd: fdK, absError: Math.abs(adValue - fdK) };
    });
    if (convergesToAd(absError, refined, tolerance * Math.max(1, Math.abs(adValue)))) {
      return { ...row, status, converging: refined };
    }
  }
  return { ...row, status };
}

/** 1 for an op code with a complex extension (analytic), by `OPS_BY_INDEX` index. */
const ANALYTIC = Uint8Array.from(OPS_BY_INDEX, (row) => (row.complex ? 1 : 0));

/** The ops one input reaches, in tape order, and whether all of them are analytic. */
interface Cone {
  ids: Int32Array;
  smooth: boolean;
}

/**
 * Evaluates f along one input at a time by re-running only the ops downstream of that input, on
 * a copy of the values at the point that every other node keeps. `release` restores the copy.
 * Cones are swept straight off the tape: a chain of 10,000 added variables has cones summing to
 * 50 million ops, so nothing per op is copied.
 */
class ConeEvaluator {
  private readonly base: Float64Array;
  private readonly values: Float64Array;
  private readonly code: Int16Array;
  private readonly src0: Int32Array;
  /** A unary op reads its argument as `b` too (which it ignores), as in `allOps`. */
  private readonly src1: Int32Array;
  /** Consumers of each node, compressed: those of node k are `users[start[k] … start[k+1])`. */
  private readonly start: Int32Array;
  private readonly users: Int32Array;
  private readonly marked: Uint8Array;
  private readonly stack: Int32Array;
  private readonly found: Int32Array;
  opsEvaluated = 0;

  constructor(
    private readonly graph: Graph,
    point: Point,
  ) {
    const n = graph.nodes.length;
    this.base = evaluateValues(graph, point);
    this.values = this.base.slice();
    const { opIndex, arg0, arg1 } = graph.tape;
    this.code = opIndex;
    this.src0 = arg0;
    this.src1 = Int32Array.from(arg1, (b, i) => (b >= 0 ? b : arg0[i]!));
    this.start = new Int32Array(n + 1);
    graph.outEdges.forEach((out, k) => {
      this.start[k + 1] = this.start[k]! + out.length;
    });
    this.users = new Int32Array(this.start[n]!);
    graph.outEdges.forEach((out, k) => {
      out.forEach((e, i) => {
        this.users[this.start[k]! + i] = graph.edges[e]!.to;
      });
    });
    this.marked = new Uint8Array(n);
    this.stack = new Int32Array(n);
    this.found = new Int32Array(n);
  }

  slice(input: number): { f: Slice; smooth: boolean; release(): void } {
    const { ids, smooth } = this.coneOf(input);
    const { values, base, graph, code, src0, src1 } = this;
    const output = graph.output;
    return {
      smooth,
      f: (t) => {
        if (input < 0) return values[output] ?? NaN;
        values[input] = t;
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j]!;
          values[id] = opValue(code[id]!, values[src0[id]!]!, values[src1[id]!]!);
        }
        this.opsEvaluated += ids.length;
        return values[output] ?? NaN;
      },
      release: () => {
        if (input < 0) return;
        values[input] = base[input]!;
        for (let j = 0; j < ids.length; j++) values[ids[j]!] = base[ids[j]!]!;
      },
    };
  }

  /** The ops that read `input`, directly or not, in tape order. */
  private coneOf(input: number): Cone {
    const { marked, start, users, stack, found, code } = this;
    let count = 0;
    let top = 0;
    let lo = stack.length;
    let hi = -1;
    let smooth = true;
    if (input >= 0) stack[top++] = input;
    while (top > 0) {
      const node = stack[--top]!;
      for (let k = start[node]!; k < start[node + 1]!; k++) {
        const to = users[k]!;
        if (marked[to] === 1) continue;
        marked[to] = 1;
        found[count++] = to;
        stack[top++] = to;
        if (to < lo) lo = to;
        if (to > hi) hi = to;
        if (ANALYTIC[code[to]!] !== 1) smooth = false;
      }
    }
    let ids: Int32Array;
    if (hi - lo < 16 * count) {
      // A dense cone (a long chain): reading the marks in id order is cheaper than sorting.
      ids = new Int32Array(count);
      for (let id = lo, k = 0; id <= hi; id++) {
        if (marked[id] === 1) {
          ids[k++] = id;
          marked[id] = 0;
        }
      }
    } else {
      ids = found.slice(0, count).sort();
      for (let i = 0; i < count; i++) marked[ids[i]!] = 0;
    }
    return { ids, smooth };
  }
}

/**
 * The sentence that says a mismatch is only truncation error, for the row's note (app and CLI), or
 * null when it is not known to be.
 */
export function convergenceNote(row: CheckRow): string | null {
  const [tenth, hundredth] = row.converging ?? [];
  if (!tenth || !hundredth) return null;
  return (
    `${row.variable}: with h ten and a hundred times smaller the error falls to ` +
    `${formatNumber(tenth.absError, 2)} and ${formatNumber(hundredth.absError, 2)}: the differences ` +
    'approach AD, so this mismatch is truncation error (the step is too coarse for f here), ' +
    'not a wrong derivative. A smaller h passes.'
  );
}

/** Smaller steps tried when a difference disagrees with AD, to tell truncation from a wrong AD. */
const REFINEMENTS = [10, 100] as const;

/**
 * Truncation error falls with the step, by 10 (first order) or 100 (second order) per decade;
 * a wrong AD value leaves the error where it is, and rounding makes it grow. So: the error must
 * fall at least threefold at each refinement and end within tolerance.
 */
function convergesToAd(
  error: number,
  refined: readonly { absError: number }[],
  allowed: number,
): boolean {
  let previous = error;
  for (const { absError } of refined) {
    if (!(absError <= previous / 3)) return false;
    previous = absError;
  }
  return previous <= allowed;
}

export function classify(absError: number, ad: number, tolerance: number): CheckStatus {
  return absError <= tolerance * Math.max(1, Math.abs(ad)) ? 'pass' : 'mismatch';
}

// ---------------------------------------------------------------------------------------------
// Error versus step size

/** 1e-16 … 1e0, four steps per decade. */
export const SWEEP_STEPS: readonly number[] = Array.from(
  { length: 65 },
  (_, k) => 10 ** (k / 4 - 16),
);

/**
 * |fd − ad| for every method at every step in SWEEP_STEPS, for one variable. The steps are
 * absolute (not scaled by |x|): this plot is about the step itself. Complex step is NaN on a graph
 * with a non-analytic op; an unknown variable gives an empty sweep.
 */
export function sweepErrors(graph: Graph, point: Point, variable: string): SweepPoint[] {
  const index = graph.variables.indexOf(variable);
  const node = graph.inputs[index];
  if (index < 0 || node === undefined) return [];
  const ad = reverse(graph, evaluate(graph, point)).adjoints[node] ?? NaN;
  const analytic = nonAnalyticOps(graph).length === 0;
  const f = sliceOf(graph, point, variable);
  const x = pointValue(point, variable);
  return SWEEP_STEPS.map((h) => ({
    h,
    errors: {
      forward: Math.abs(realDifference(f, x, 'forward', h) - ad),
      central: Math.abs(realDifference(f, x, 'central', h) - ad),
      richardson: Math.abs(realDifference(f, x, 'richardson', h) - ad),
      complex: analytic ? Math.abs(complexDifference(graph, point, variable, h) - ad) : NaN,
    },
  }));
}
