// The operation table: the only place that knows what `sin`, `pow`, … mean. Every other module
// dispatches through these rows or the sweeps below, so adding an operation is adding one row,
// its value in `opValue` and its value and partials in `sweepValuesAndPartials`.
//
// Conventions where no derivative exists follow PyTorch (DESIGN.md): abs'(0) = 0, relu'(0) = 0,
// sqrt'(0) = +∞, max/min ties give ½ to each side, ∂(x^y)/∂x = 0 where y = 0,
// ∂(x^y)/∂y = 0 where x = 0 and y ≥ 0, log of a negative number is NaN while its slope stays 1/x,
// signed zeros as PyTorch gives them (sqrt'(−0) = −∞, log'(−0) = −∞). NaN and ±∞ propagate.
import type { Complex, OpSpec } from './types.ts';

/**
 * A row of the table as the engine sees it: the shared `OpSpec` plus a fused form of the local
 * partials (one call per node on hot paths) and the convention per argument, so a rule about an
 * argument that is a constant (the exponent `2` of `x^2`) never marks the node.
 */
export interface OpRow extends OpSpec {
  /** Writes ∂out/∂a into `into[0]` and (binary ops) ∂out/∂b into `into[1]`. */
  partials(a: number, b: number, out: number, into: Float64Array): void;
  /** The rule in words if a convention decided ∂out/∂arg[i] at this point, else null. */
  ruleFor(i: 0 | 1, a: number, b: number): string | null;
  /**
   * Second-order local partials [∂²out/∂a², ∂²out/∂a∂b, ∂²out/∂b²] (unary ops: [∂²out/∂a², 0, 0]),
   * given `out` = value(a, b): what forward-over-reverse (the Hessian) differentiates the first
   * partials with. Where a convention fixed a first partial to a constant (abs, relu, max/min,
   * the exponent slope of 0^b), its derivative is 0.
   */
  second(a: number, b: number, out: number): Second;
  /**
   * What each argument slot is called (`first factor`, `second factor`; `base`, `exponent`), so
   * `x*x` can say which slot each of its two contributions comes through.
   */
  slots: readonly string[];
}

/** [∂²/∂a², ∂²/∂a∂b, ∂²/∂b²]. */
export type Second = readonly [number, number, number];

// ---------------------------------------------------------------------------------------------
// Complex arithmetic for the complex-step check. Functions that are real-valued only on part of
// the real line (log, sqrt, asin, …) return NaN off that part, like their real versions, so the
// complex step never reports a derivative where the real function has none.

const NAN_C: Complex = { re: NaN, im: NaN };
const c = (re: number, im: number): Complex => ({ re, im });
const cAdd = (a: Complex, b: Complex) => c(a.re + b.re, a.im + b.im);
const cSub = (a: Complex, b: Complex) => c(a.re - b.re, a.im - b.im);
const cMul = (a: Complex, b: Complex) => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
function cDiv(a: Complex, b: Complex): Complex {
  // Smith's algorithm: no overflow from squaring a large denominator.
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const d = b.re + b.im * r;
    return c((a.re + a.im * r) / d, (a.im - a.re * r) / d);
  }
  const r = b.re / b.im;
  const d = b.re * r + b.im;
  return c((a.re * r + a.im) / d, (a.im * r - a.re) / d);
}
function cExp(a: Complex): Complex {
  const m = Math.exp(a.re);
  return c(m * Math.cos(a.im), m * Math.sin(a.im));
}
function cLog(a: Complex): Complex {
  if (a.re < 0) return NAN_C;
  return c(Math.log(Math.hypot(a.re, a.im)), Math.atan2(a.im, a.re));
}
/** log(1 + w), accurate for small w. */
function cLog1p(w: Complex): Complex {
  return c(0.5 * Math.log1p(2 * w.re + w.re * w.re + w.im * w.im), Math.atan2(w.im, 1 + w.re));
}
function cSqrt(a: Complex): Complex {
  if (a.re < 0) return NAN_C;
  const r = Math.hypot(a.re, a.im);
  const s = Math.sqrt((r + a.re) / 2);
  return s === 0 ? c(0, 0) : c(s, a.im / (2 * s));
}
function cPow(a: Complex, b: Complex): Complex {
  if (b.im === 0) {
    // Real exponent: a^b = a.re^b · (1 + i·a.im/a.re)^b keeps integer powers of negative bases real.
    if (a.re === 0) {
      const m = Math.pow(Math.hypot(a.re, a.im), b.re);
      const t = b.re * Math.atan2(a.im, a.re);
      return c(m * Math.cos(t), m * Math.sin(t));
    }
    const base = Math.pow(a.re, b.re);
    const w = cLog1p(c(0, a.im / a.re));
    return cMul(c(base, 0), cExp(c(b.re * w.re, b.re * w.im)));
  }
  if (a.re <= 0) return NAN_C;
  return cExp(cMul(b, cLog(a)));
}
const cSin = (a: Complex) => c(Math.sin(a.re) * Math.cosh(a.im), Math.cos(a.re) * Math.sinh(a.im));
const cCos = (a: Complex) => c(Math.cos(a.re) * Math.cosh(a.im), -Math.sin(a.re) * Math.sinh(a.im));
function cTan(a: Complex): Complex {
  // tan(x+iy) = (T + i·s)/(1 − i·T·s) with T = tan x, s = tanh y: no overflow for large y.
  const t = Math.tan(a.re);
  const s = Math.tanh(a.im);
  const sech2 = 1 / (Math.cosh(a.im) * Math.cosh(a.im));
  const d = 1 + t * t * s * s;
  return c((t * sech2) / d, (s * (1 + t * t)) / d);
}
const cSinh = (a: Complex) => c(Math.sinh(a.re) * Math.cos(a.im), Math.cosh(a.re) * Math.sin(a.im));
const cCosh = (a: Complex) => c(Math.cosh(a.re) * Math.cos(a.im), Math.sinh(a.re) * Math.sin(a.im));
function cTanh(a: Complex): Complex {
  // tanh(x+iy) = (t + i·τ)/(1 + i·t·τ) with t = tanh x, τ = tan y; 1 − t² as sech² x stays exact.
  const t = Math.tanh(a.re);
  const tau = Math.tan(a.im);
  const sech2 = 1 / (Math.cosh(a.re) * Math.cosh(a.re));
  const d = 1 + t * t * tau * tau;
  return c((t * (1 + tau * tau)) / d, (tau * sech2) / d);
}
function cAsin(a: Complex): Complex {
  // Hull, Fairgrieve & Tang (1997), restricted to the real domain |x| ≤ 1: the imaginary part
  // is computed from A − 1 without cancellation, which the complex step depends on.
  const x = a.re;
  const y = a.im;
  if (!(Math.abs(x) <= 1)) return NAN_C;
  const r = Math.hypot(x + 1, y);
  const s = Math.hypot(x - 1, y);
  const big = 0.5 * (r + s);
  const y2 = y * y;
  // At y = 0 the ends ±1 give 0/0 here; the limit is 0.
  const part = (d: number) => (d === 0 ? 0 : y2 / d);
  const am1 = 0.5 * (part(r + x + 1) + part(s + (1 - x)));
  const re = Math.asin(Math.max(-1, Math.min(1, x / big)));
  const im = Math.log1p(am1 + Math.sqrt(am1 * (big + 1)));
  return c(re, y < 0 ? -im : im);
}
function cAcos(a: Complex): Complex {
  const s = cAsin(a);
  return c(Math.acos(Math.max(-1, Math.min(1, a.re))), -s.im);
}
function cAtan(a: Complex): Complex {
  const x = a.re;
  const y = a.im;
  const re = 0.5 * Math.atan2(2 * x, (1 - x) * (1 + x) - y * y);
  const im = 0.25 * Math.log1p((4 * y) / (x * x + (1 - y) * (1 - y)));
  return c(re, im);
}
function cAtan2(y: Complex, x: Complex): Complex {
  if (x.re === 0) {
    const t = cAtan(cDiv(x, y));
    return c((y.re >= 0 ? Math.PI / 2 : -Math.PI / 2) - t.re, -t.im);
  }
  const t = cAtan(cDiv(y, x));
  if (x.re > 0) return t;
  return c(t.re + (y.re >= 0 ? Math.PI : -Math.PI), t.im);
}
function cHypot(a: Complex, b: Complex): Complex {
  const m = Math.max(Math.abs(a.re), Math.abs(b.re));
  if (m === 0 || !Number.isFinite(m)) return c(Math.hypot(a.re, b.re), NaN);
  const as = c(a.re / m, a.im / m);
  const bs = c(b.re / m, b.im / m);
  const r = cSqrt(cAdd(cMul(as, as), cMul(bs, bs)));
  return c(r.re * m, r.im * m);
}
function cSigmoid(a: Complex): Complex {
  if (a.re >= 0) return cDiv(c(1, 0), cAdd(c(1, 0), cExp(c(-a.re, -a.im))));
  const e = cExp(a);
  return cDiv(e, cAdd(c(1, 0), e));
}
function cSoftplus(a: Complex): Complex {
  if (a.re > 0) return cAdd(a, cLog1p(cExp(c(-a.re, -a.im))));
  return cLog1p(cExp(a));
}
const scale = (a: Complex, k: number) => c(a.re * k, a.im * k);

// ---------------------------------------------------------------------------------------------
// Real helpers

function sigmoid(a: number): number {
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a);
  return e / (1 + e);
}
function softplus(a: number): number {
  // log(1 + e^a) without overflow for large a nor loss for very negative a.
  return Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
}
/**
 * log's derivative as PyTorch computes it (grad / self): 1/a whatever the sign of a, so log of a
 * negative number has value NaN but slope 1/a, and at −0 the slope is −∞ (derivatives.yaml).
 */
function logSlope(a: number): number {
  return 1 / a;
}

/** a^b. x^2 is the common case: a·a is what pow returns for b = 2 (fdlibm), without the call. */
function powValue(a: number, b: number): number {
  return b === 2 ? a * a : Math.pow(a, b);
}

/** ∂(a^b)/∂a; 0 where b = 0 (PyTorch), even at a = 0 where b·a^(b−1) would be 0·∞. */
function powSlopeBase(a: number, b: number): number {
  if (b === 0) return 0;
  // x^2 is the common case; Math.pow(a, 1) is exactly a, so this is the general formula's value.
  return b === 2 ? 2 * a : b * Math.pow(a, b - 1);
}
/** ∂(a^b)/∂b; 0 where a = 0 and b ≥ 0 (PyTorch). */
function powSlopeExponent(a: number, b: number, out: number): number {
  return a === 0 && b >= 0 ? 0 : out * Math.log(a);
}

// ---------------------------------------------------------------------------------------------
// The arithmetic of every operation, by op code (the row's index in OPS; the graph's tape stores
// it), in two switches over literal codes: `opValue` (values only: the rows' `value` and
// `evaluateValues`, the plain cost of f) and `sweepValuesAndPartials` (value and local partials
// together: `evaluate`, `gradient`, and the rows' `partials` through a one-node tape, so it is the
// one definition of every partial). A switch, because a call through a per-row function is
// megamorphic: never inlined, and it boxes its numbers. One switch per node rather than one for the
// value and another for the partials, because V8 (Node 20) compiles a switch to compares in case
// order and each dispatch is a branch the CPU mispredicts on a varied tape: at 10,000 nodes the
// fused sweep measured 18 ns/node where a value switch plus a partials switch took 31. So each
// value is written twice, identically; ops.test.ts checks they agree bit for bit for every op.
// `opValue` must stay under V8's 460-byte inlining limit. OP_ORDER (checked at load) ties the
// literal codes to the rows.

const OP_ORDER =
  'add sub mul div pow neg sin cos tan asin acos atan atan2 sinh cosh tanh exp log log2 log10 sqrt abs relu sigmoid softplus max min hypot';

/**
 * Not a row: `pow` whose exponent is a constant, as a gradient plan may encode it, so that the
 * exponent's slope (a logarithm no one uses) is not computed. Same value and base slope as `pow`.
 */
export const POW_CONSTANT_EXPONENT = 28;

/** The sweep code of a node of op `code`: POW_CONSTANT_EXPONENT for `pow` with a constant exponent. */
export function gradientSweepCode(code: number, exponentIsConstant: boolean): number {
  return code === 4 && exponentIsConstant ? POW_CONSTANT_EXPONENT : code;
}

/** The value of op `code` at (a, b); `b` is ignored by unary ops. */
export function opValue(code: number, a: number, b: number): number {
  switch (code) {
    case 0:
      return a + b;
    case 1:
      return a - b;
    case 2:
      return a * b;
    case 3:
      return a / b;
    case 4:
      return powValue(a, b);
    case 5:
      return -a;
    case 6:
      return Math.sin(a);
    case 7:
      return Math.cos(a);
    case 8:
      return Math.tan(a);
    case 9:
      return Math.asin(a);
    case 10:
      return Math.acos(a);
    case 11:
      return Math.atan(a);
    case 12:
      return Math.atan2(a, b);
    case 13:
      return Math.sinh(a);
    case 14:
      return Math.cosh(a);
    case 15:
      return Math.tanh(a);
    case 16:
      return Math.exp(a);
    case 17:
      return Math.log(a);
    case 18:
      return Math.log2(a);
    case 19:
      return Math.log10(a);
    case 20:
      return Math.sqrt(a);
    case 21:
      return Math.abs(a);
    case 22:
      return a > 0 ? a : a <= 0 ? 0 : NaN;
    case 23:
      return sigmoid(a);
    case 24:
      return softplus(a);
    case 25:
      return Math.max(a, b);
    case 26:
      return Math.min(a, b);
    case 27:
      return Math.hypot(a, b);
    case 28: // POW_CONSTANT_EXPONENT
      return powValue(a, b);
    default:
      return NaN;
  }
}

// ---------------------------------------------------------------------------------------------
// Rules in words (DESIGN.md)

const RULES = {
  abs: "abs has no derivative at 0; by convention abs'(0) = 0",
  relu: "relu has no derivative at 0; by convention relu'(0) = 0",
  sqrt: "sqrt'(0) is taken as +∞ (the slope of √x as x → 0⁺)",
  max: 'max has no derivative at a tie; by convention each argument gets ½',
  min: 'min has no derivative at a tie; by convention each argument gets ½',
  powBase: 'x^0 is constant, so ∂(x^y)/∂x is taken as 0 where y = 0',
  powExponent: 'by convention ∂(x^y)/∂y = 0 where x = 0 and y ≥ 0',
  log: 'log of a negative number is NaN, but its slope is still taken as 1/x (as in PyTorch)',
} as const;

const noRule = (): null => null;

// ---------------------------------------------------------------------------------------------
// The rows

interface RowInput extends Omit<OpSpec, 'value' | 'partial' | 'convention' | 'callNames'> {
  callNames?: string[];
  ruleFor?: OpRow['ruleFor'];
  second: OpRow['second'];
  slots?: readonly string[];
}

// Second-order partials of the ops whose formulas need more than one line.
const ZERO3: Second = [0, 0, 0];
const flatSecond = (): Second => ZERO3;

/** a^b: b(b−1)a^(b−2), a^(b−1)(1 + b·ln a), a^b·ln²a; 0 where a first-order convention holds. */
function powSecond(a: number, b: number, out: number): Second {
  const aa = b === 0 || b === 1 ? 0 : b === 2 ? 2 : b * (b - 1) * Math.pow(a, b - 2);
  const ab = a === 0 && b > 1 ? 0 : Math.pow(a, b - 1) * (1 + b * Math.log(a));
  const ln = Math.log(a);
  const bb = a === 0 && b >= 0 ? 0 : out * ln * ln;
  return [aa, ab, bb];
}

/** atan2(a, b): −2ab/r⁴, (a² − b²)/r⁴, 2ab/r⁴, divided through by r one factor at a time. */
function atan2Second(a: number, b: number): Second {
  const r = Math.hypot(a, b);
  const s = a / r / r;
  const t = b / r / r;
  return [-2 * s * t, ((a / r - b / r) * (a / r + b / r)) / r / r, 2 * s * t];
}

/** hypot(a, b) = r: b²/r³, −ab/r³, a²/r³. */
function hypotSecond(a: number, b: number, r: number): Second {
  const s = a / r;
  const t = b / r;
  return [(t * t) / r, -(s * t) / r, (s * s) / r];
}

const scratch = new Float64Array(2);
const rowScratch = new Float64Array(3);

/** A one-node list: node 2 = op(node 0, node 1), for single ops to run the sweep below. */
const ONE = {
  code: new Int16Array(1),
  dst: Int32Array.of(2),
  src0: Int32Array.of(0),
  src1: Int32Array.of(1),
  values: new Float64Array(3),
  p0: new Float64Array(1),
  p1: new Float64Array(1),
};

/**
 * Op `code` at (a, b), by the same code as every tape's sweep: its value into `into[0]`, ∂/∂a into
 * `into[1]` and (binary ops) ∂/∂b into `into[2]`. A unary op's `b` is ignored.
 */
export function opValueAndPartials(code: number, a: number, b: number, into: Float64Array): void {
  ONE.code[0] = code;
  ONE.values[0] = a;
  ONE.values[1] = b;
  sweepValuesAndPartials(ONE.code, ONE.dst, ONE.src0, ONE.src1, ONE.values, ONE.p0, ONE.p1);
  into[0] = ONE.values[2]!;
  into[1] = ONE.p0[0]!;
  into[2] = ONE.p1[0]!;
}

/** A row from its description and its op code (its index in OPS), whose arithmetic is above. */
function row(input: RowInput, code: number): OpRow {
  const ruleFor = input.ruleFor ?? noRule;
  // `out` is recomputed rather than trusted: callers pass value(a, b), which it equals bit for bit.
  const partials: OpRow['partials'] = (a, b, _out, into) => {
    opValueAndPartials(code, a, input.arity === 2 ? b : 0, rowScratch);
    into[0] = rowScratch[1]!;
    if (input.arity === 2) into[1] = rowScratch[2]!;
  };
  // Every row gets the same properties in the same order, so hot loops see one object shape.
  return {
    id: input.id,
    arity: input.arity,
    callNames: input.callNames ?? [],
    symbol: input.symbol,
    infix: input.infix,
    value: (a, b) => opValue(code, a, b),
    partials,
    partial(i, a, b, out) {
      scratch[0] = NaN;
      scratch[1] = NaN;
      partials(a, b, out, scratch);
      return scratch[i]!;
    },
    ruleFor,
    second: input.second,
    slots:
      input.slots ?? (input.arity === 2 ? ['first argument', 'second argument'] : ['argument']),
    convention(a, b) {
      return ruleFor(0, a, b) ?? (input.arity === 2 ? ruleFor(1, a, b) : null);
    },
    complex: input.complex,
    tex: input.tex,
    partialText: input.partialText,
    partialTex: input.partialTex,
    conventionText: input.conventionText,
  };
}

type Fn1 = (a: string) => string;
const fnTex =
  (name: string): Fn1 =>
  (a) =>
    `${name}\\left(${a}\\right)`;
const op = (name: string) => `\\operatorname{${name}}`;
/** Unary TeX rows take one typeset argument; the table stores them as `args => …`. */
const t1 = (f: Fn1) => (args: string[]) => f(args[0] ?? '');
const t2 = (f: (a: string, b: string) => string) => (args: string[]) =>
  f(args[0] ?? '', args[1] ?? '');

const ROWS: RowInput[] = [
  {
    id: 'add',
    arity: 2,
    slots: ['first term', 'second term'],
    complex: cAdd,
    symbol: '+',
    infix: '+',
    tex: t2((a, b) => `${a} + ${b}`),
    partialText: ['∂(a+b)/∂a = 1', '∂(a+b)/∂b = 1'],
    partialTex: [() => '1', () => '1'],
    second: () => ZERO3,
  },
  {
    id: 'sub',
    arity: 2,
    slots: ['first term', 'term subtracted'],
    complex: cSub,
    symbol: '−',
    infix: '−',
    tex: t2((a, b) => `${a} - ${b}`),
    partialText: ['∂(a−b)/∂a = 1', '∂(a−b)/∂b = −1'],
    partialTex: [() => '1', () => '-1'],
    second: () => ZERO3,
  },
  {
    id: 'mul',
    arity: 2,
    slots: ['first factor', 'second factor'],
    complex: cMul,
    symbol: '×',
    infix: '·',
    tex: t2((a, b) => `${a} \\cdot ${b}`),
    partialText: ['∂(a·b)/∂a = b', '∂(a·b)/∂b = a'],
    partialTex: [t2((_a, b) => b), t2((a) => a)],
    second: () => [0, 1, 0],
  },
  {
    id: 'div',
    arity: 2,
    slots: ['numerator', 'denominator'],
    complex: cDiv,
    symbol: '÷',
    infix: '/',
    tex: t2((a, b) => `\\frac{${a}}{${b}}`),
    partialText: ['∂(a/b)/∂a = 1/b', '∂(a/b)/∂b = −a/b²'],
    partialTex: [t2((_a, b) => `\\frac{1}{${b}}`), t2((a, b) => `-\\frac{${a}}{${b}^{2}}`)],
    second: (a, b) => [0, -1 / (b * b), (2 * a) / (b * b * b)],
  },
  {
    id: 'pow',
    arity: 2,
    slots: ['base', 'exponent'],
    callNames: ['pow'],
    symbol: '^',
    infix: '^',
    ruleFor: (i, a, b) => {
      // Marked only where the plain formula would not give the convention's answer.
      if (i === 0) return b === 0 && (a === 0 || Number.isNaN(a)) ? RULES.powBase : null;
      return a === 0 && b >= 0 ? RULES.powExponent : null;
    },
    complex: cPow,
    tex: t2((a, b) => `{${a}}^{${b}}`),
    partialText: ['∂(a^b)/∂a = b·a^(b−1)', '∂(a^b)/∂b = a^b·ln(a)'],
    partialTex: [
      t2((a, b) => `${b} \\cdot {${a}}^{${b} - 1}`),
      t2((a, b) => `{${a}}^{${b}} \\cdot \\ln\\left(${a}\\right)`),
    ],
    conventionText: '∂(x^y)/∂x = 0 where y = 0; ∂(x^y)/∂y = 0 where x = 0 and y ≥ 0',
    second: powSecond,
  },
  {
    id: 'neg',
    arity: 1,
    symbol: '−',
    complex: (a) => c(-a.re, -a.im),
    tex: t1((a) => `-${a}`),
    partialText: ['∂(−a)/∂a = −1'],
    partialTex: [() => '-1'],
    second: () => ZERO3,
  },
  {
    id: 'sin',
    arity: 1,
    callNames: ['sin'],
    symbol: 'sin',
    complex: cSin,
    tex: t1(fnTex('\\sin')),
    partialText: ['∂sin(a)/∂a = cos(a)'],
    partialTex: [t1(fnTex('\\cos'))],
    second: (a) => [-Math.sin(a), 0, 0],
  },
  {
    id: 'cos',
    arity: 1,
    callNames: ['cos'],
    symbol: 'cos',
    complex: cCos,
    tex: t1(fnTex('\\cos')),
    partialText: ['∂cos(a)/∂a = −sin(a)'],
    partialTex: [t1((a) => `-\\sin\\left(${a}\\right)`)],
    second: (a) => [-Math.cos(a), 0, 0],
  },
  {
    id: 'tan',
    arity: 1,
    callNames: ['tan'],
    symbol: 'tan',
    complex: cTan,
    tex: t1(fnTex('\\tan')),
    partialText: ['∂tan(a)/∂a = 1 + tan²(a)'],
    partialTex: [t1((a) => `1 + \\tan^{2}\\left(${a}\\right)`)],
    second: (_a, _b, out) => [2 * out * (1 + out * out), 0, 0],
  },
  {
    id: 'asin',
    arity: 1,
    callNames: ['asin'],
    symbol: 'asin',
    complex: cAsin,
    tex: t1(fnTex('\\arcsin')),
    partialText: ['∂asin(a)/∂a = 1/√(1−a²)'],
    partialTex: [t1((a) => `\\frac{1}{\\sqrt{1 - ${a}^{2}}}`)],
    second: (a) => [a / Math.pow((1 - a) * (1 + a), 1.5), 0, 0],
  },
  {
    id: 'acos',
    arity: 1,
    callNames: ['acos'],
    symbol: 'acos',
    complex: cAcos,
    tex: t1(fnTex('\\arccos')),
    partialText: ['∂acos(a)/∂a = −1/√(1−a²)'],
    partialTex: [t1((a) => `-\\frac{1}{\\sqrt{1 - ${a}^{2}}}`)],
    second: (a) => [-a / Math.pow((1 - a) * (1 + a), 1.5), 0, 0],
  },
  {
    id: 'atan',
    arity: 1,
    callNames: ['atan'],
    symbol: 'atan',
    complex: cAtan,
    tex: t1(fnTex('\\arctan')),
    partialText: ['∂atan(a)/∂a = 1/(1+a²)'],
    partialTex: [t1((a) => `\\frac{1}{1 + ${a}^{2}}`)],
    second: (a) => [(-2 * a) / ((1 + a * a) * (1 + a * a)), 0, 0],
  },
  {
    id: 'atan2',
    arity: 2,
    callNames: ['atan2'],
    symbol: 'atan2',
    complex: cAtan2,
    tex: t2((a, b) => `${op('atan2')}\\left(${a}, ${b}\\right)`),
    partialText: ['∂atan2(a,b)/∂a = b/(a²+b²)', '∂atan2(a,b)/∂b = −a/(a²+b²)'],
    partialTex: [
      t2((a, b) => `\\frac{${b}}{${a}^{2} + ${b}^{2}}`),
      t2((a, b) => `-\\frac{${a}}{${a}^{2} + ${b}^{2}}`),
    ],
    second: atan2Second,
  },
  {
    id: 'sinh',
    arity: 1,
    callNames: ['sinh'],
    symbol: 'sinh',
    complex: cSinh,
    tex: t1(fnTex('\\sinh')),
    partialText: ['∂sinh(a)/∂a = cosh(a)'],
    partialTex: [t1(fnTex('\\cosh'))],
    second: (_a, _b, out) => [out, 0, 0],
  },
  {
    id: 'cosh',
    arity: 1,
    callNames: ['cosh'],
    symbol: 'cosh',
    complex: cCosh,
    tex: t1(fnTex('\\cosh')),
    partialText: ['∂cosh(a)/∂a = sinh(a)'],
    partialTex: [t1(fnTex('\\sinh'))],
    second: (_a, _b, out) => [out, 0, 0],
  },
  {
    id: 'tanh',
    arity: 1,
    callNames: ['tanh'],
    symbol: 'tanh',
    complex: cTanh,
    tex: t1(fnTex('\\tanh')),
    partialText: ['∂tanh(a)/∂a = 1 − tanh²(a)'],
    partialTex: [t1((a) => `1 - \\tanh^{2}\\left(${a}\\right)`)],
    second: (_a, _b, out) => [-2 * out * (1 - out * out), 0, 0],
  },
  {
    id: 'exp',
    arity: 1,
    callNames: ['exp'],
    symbol: 'exp',
    complex: cExp,
    tex: t1((a) => `e^{${a}}`),
    partialText: ['∂exp(a)/∂a = exp(a)'],
    partialTex: [t1((a) => `e^{${a}}`)],
    second: (_a, _b, out) => [out, 0, 0],
  },
  {
    id: 'log',
    arity: 1,
    callNames: ['log', 'ln'],
    symbol: 'ln',
    ruleFor: (_i, a) => (a < 0 ? RULES.log : null),
    complex: cLog,
    tex: t1(fnTex('\\ln')),
    partialText: ['∂ln(a)/∂a = 1/a'],
    partialTex: [t1((a) => `\\frac{1}{${a}}`)],
    conventionText: 'log of a negative number is NaN; its slope stays 1/x',
    second: (a) => [-1 / (a * a), 0, 0],
  },
  {
    id: 'log2',
    arity: 1,
    callNames: ['log2'],
    symbol: 'log₂',
    ruleFor: (_i, a) => (a < 0 ? RULES.log : null),
    complex: (a) => scale(cLog(a), 1 / Math.LN2),
    tex: t1(fnTex('\\log_{2}')),
    partialText: ['∂log₂(a)/∂a = 1/(a·ln 2)'],
    partialTex: [t1((a) => `\\frac{1}{${a} \\ln 2}`)],
    conventionText: 'log of a negative number is NaN; its slope stays 1/x',
    second: (a) => [-1 / (a * a * Math.LN2), 0, 0],
  },
  {
    id: 'log10',
    arity: 1,
    callNames: ['log10'],
    symbol: 'log₁₀',
    ruleFor: (_i, a) => (a < 0 ? RULES.log : null),
    complex: (a) => scale(cLog(a), 1 / Math.LN10),
    tex: t1(fnTex('\\log_{10}')),
    partialText: ['∂log₁₀(a)/∂a = 1/(a·ln 10)'],
    partialTex: [t1((a) => `\\frac{1}{${a} \\ln 10}`)],
    conventionText: 'log of a negative number is NaN; its slope stays 1/x',
    second: (a) => [-1 / (a * a * Math.LN10), 0, 0],
  },
  {
    id: 'sqrt',
    arity: 1,
    callNames: ['sqrt'],
    symbol: '√',
    ruleFor: (_i, a) => (a === 0 ? RULES.sqrt : null),
    complex: cSqrt,
    tex: t1((a) => `\\sqrt{${a}}`),
    partialText: ['∂√a/∂a = 1/(2√a)'],
    partialTex: [t1((a) => `\\frac{1}{2\\sqrt{${a}}}`)],
    conventionText: "sqrt'(0) = +∞",
    second: (_a, _b, out) => [-0.25 / (out * out * out), 0, 0],
  },
  {
    id: 'abs',
    arity: 1,
    callNames: ['abs'],
    symbol: '|·|',
    ruleFor: (_i, a) => (a === 0 ? RULES.abs : null),
    tex: t1((a) => `\\left|${a}\\right|`),
    partialText: ['∂|a|/∂a = sign(a)'],
    partialTex: [t1((a) => `${op('sign')}\\left(${a}\\right)`)],
    conventionText: "abs'(0) = 0",
    second: flatSecond,
  },
  {
    id: 'relu',
    arity: 1,
    callNames: ['relu'],
    symbol: 'relu',
    ruleFor: (_i, a) => (a === 0 ? RULES.relu : null),
    tex: t1((a) => `${op('relu')}\\left(${a}\\right)`),
    partialText: ['∂relu(a)/∂a = 1 if a > 0, else 0'],
    partialTex: [t1((a) => `[${a} > 0]`)],
    conventionText: "relu'(0) = 0",
    second: flatSecond,
  },
  {
    id: 'sigmoid',
    arity: 1,
    callNames: ['sigmoid'],
    symbol: 'σ',
    complex: cSigmoid,
    tex: t1((a) => `\\sigma\\left(${a}\\right)`),
    partialText: ['∂σ(a)/∂a = σ(a)·(1 − σ(a))'],
    partialTex: [
      t1((a) => `\\sigma\\left(${a}\\right)\\left(1 - \\sigma\\left(${a}\\right)\\right)`),
    ],
    second: (_a, _b, s) => [s * (1 - s) * (1 - 2 * s), 0, 0],
  },
  {
    id: 'softplus',
    arity: 1,
    callNames: ['softplus'],
    symbol: 'softplus',
    complex: cSoftplus,
    tex: t1((a) => `${op('softplus')}\\left(${a}\\right)`),
    partialText: ['∂softplus(a)/∂a = σ(a)'],
    partialTex: [t1((a) => `\\sigma\\left(${a}\\right)`)],
    second: (a) => {
      const s = sigmoid(a);
      return [s * (1 - s), 0, 0];
    },
  },
  {
    id: 'max',
    arity: 2,
    callNames: ['max'],
    symbol: 'max',
    ruleFor: (_i, a, b) => (a === b ? RULES.max : null),
    tex: t2((a, b) => `\\max\\left(${a}, ${b}\\right)`),
    partialText: [
      '∂max(a,b)/∂a = 1 if a > b, ½ if a = b, else 0',
      '∂max(a,b)/∂b = 1 if b > a, ½ if a = b, else 0',
    ],
    partialTex: [t2((a, b) => `[${a} > ${b}]`), t2((a, b) => `[${b} > ${a}]`)],
    conventionText: 'max/min at a tie: ½ to each argument',
    second: flatSecond,
  },
  {
    id: 'min',
    arity: 2,
    callNames: ['min'],
    symbol: 'min',
    ruleFor: (_i, a, b) => (a === b ? RULES.min : null),
    tex: t2((a, b) => `\\min\\left(${a}, ${b}\\right)`),
    partialText: [
      '∂min(a,b)/∂a = 1 if a < b, ½ if a = b, else 0',
      '∂min(a,b)/∂b = 1 if b < a, ½ if a = b, else 0',
    ],
    partialTex: [t2((a, b) => `[${a} < ${b}]`), t2((a, b) => `[${b} < ${a}]`)],
    conventionText: 'max/min at a tie: ½ to each argument',
    second: flatSecond,
  },
  {
    id: 'hypot',
    arity: 2,
    callNames: ['hypot'],
    symbol: 'hypot',
    complex: cHypot,
    tex: t2((a, b) => `\\sqrt{${a}^{2} + ${b}^{2}}`),
    partialText: ['∂hypot(a,b)/∂a = a/hypot(a,b)', '∂hypot(a,b)/∂b = b/hypot(a,b)'],
    partialTex: [
      t2((a, b) => `\\frac{${a}}{\\sqrt{${a}^{2} + ${b}^{2}}}`),
      t2((a, b) => `\\frac{${b}}{\\sqrt{${a}^{2} + ${b}^{2}}}`),
    ],
    second: hypotSecond,
  },
];

export const OPS: OpRow[] = ROWS.map(row);
if (OPS.map((r) => r.id).join(' ') !== OP_ORDER) {
  throw new Error('ops.ts: the rows no longer match the op codes of the switches below');
}

/** Rows by index; a graph's `Tape.opIndex` points here. */
export const OPS_BY_INDEX: readonly OpRow[] = OPS;

export const OPS_BY_ID: Record<string, OpRow> = Object.fromEntries(OPS.map((r) => [r.id, r]));

/** Op id → index into OPS_BY_INDEX. */
export const OP_INDEX: Record<string, number> = Object.fromEntries(OPS.map((r, i) => [r.id, i]));

const BY_CALL_NAME = new Map<string, OpRow>(
  OPS.flatMap((r) => r.callNames.map((n) => [n, r] as const)),
);

/** The op a learner calls by `name` (`ln` → log, `pow` → pow), or undefined. */
export function opByCallName(name: string): OpRow | undefined {
  return BY_CALL_NAME.get(name);
}

/** Every name a learner may call, for "did you mean" hints. */
export const CALL_NAMES: readonly string[] = [...BY_CALL_NAME.keys()];

// ---------------------------------------------------------------------------------------------
// Hot loops: the sweeps over a compiled list of op nodes (see `allOps` in evaluate.ts and the
// gradient plan in reverse.ts): flat arrays, no branch per node on its kind or arity.

/**
 * Forward sweep over a compiled list of op nodes (tape order, as for `sweepValuesAndPartials`):
 * the value of the j-th into `values[dst[j]]`, nothing else.
 */
export function sweepValues(
  code: Int16Array,
  dst: Int32Array,
  src0: Int32Array,
  src1: Int32Array,
  values: Float64Array,
): void {
  const m = code.length;
  for (let j = 0; j < m; j++) {
    values[dst[j]!] = opValue(code[j]!, values[src0[j]!]!, values[src1[j]!]!);
  }
}

/**
 * Forward sweep over a compiled list of op nodes (tape order): for the j-th, its value into
 * `values[dst[j]]` and its local partials ∂/∂(first argument) into `p0[j]` and ∂/∂(second) into
 * `p1[j]`, by the conventions of DESIGN.md. The one definition of every op's partials (the rows
 * call it on a one-node tape); its values are `opValue`'s, written again in the same cases. A
 * unary op ignores `b` (`src1[j]` may point anywhere valid); its `p1[j]` is NaN.
 */
export function sweepValuesAndPartials(
  code: Int16Array,
  dst: Int32Array,
  src0: Int32Array,
  src1: Int32Array,
  values: Float64Array,
  p0: Float64Array,
  p1: Float64Array,
): void {
  const m = code.length;
  for (let j = 0; j < m; j++) {
    const k = code[j]!;
    const a = values[src0[j]!]!;
    const b = values[src1[j]!]!;
    let out: number;
    let d0: number;
    let d1 = NaN;
    switch (k) {
      case 0:
        out = a + b;
        d0 = 1;
        d1 = 1;
        break;
      case 1:
        out = a - b;
        d0 = 1;
        d1 = -1;
        break;
      case 2:
        out = a * b;
        d0 = b;
        d1 = a;
        break;
      case 3:
        out = a / b;
        d0 = 1 / b;
        d1 = -out / b;
        break;
      case 4:
        out = powValue(a, b);
        d0 = powSlopeBase(a, b);
        d1 = powSlopeExponent(a, b, out);
        break;
      case 5:
        out = -a;
        d0 = -1;
        break;
      case 6:
        out = Math.sin(a);
        d0 = Math.cos(a);
        break;
      case 7:
        out = Math.cos(a);
        d0 = -Math.sin(a);
        break;
      case 8:
        out = Math.tan(a);
        d0 = 1 + out * out;
        break;
      case 9:
        out = Math.asin(a);
        d0 = 1 / Math.sqrt((1 - a) * (1 + a));
        break;
      case 10:
        out = Math.acos(a);
        d0 = -1 / Math.sqrt((1 - a) * (1 + a));
        break;
      case 11:
        out = Math.atan(a);
        d0 = 1 / (1 + a * a);
        break;
      case 12: {
        out = Math.atan2(a, b);
        // Divide by the hypotenuse twice rather than by a² + b², which overflows first.
        const r = Math.hypot(a, b);
        d0 = b / r / r;
        d1 = -a / r / r;
        break;
      }
      case 13:
        out = Math.sinh(a);
        d0 = Math.cosh(a);
        break;
      case 14:
        out = Math.cosh(a);
        d0 = Math.sinh(a);
        break;
      case 15:
        out = Math.tanh(a);
        d0 = 1 - out * out;
        break;
      case 16:
        out = Math.exp(a);
        d0 = out;
        break;
      case 17:
        out = Math.log(a);
        d0 = logSlope(a);
        break;
      case 18:
        out = Math.log2(a);
        d0 = logSlope(a) / Math.LN2;
        break;
      case 19:
        out = Math.log10(a);
        d0 = logSlope(a) / Math.LN10;
        break;
      case 20:
        out = Math.sqrt(a);
        // PyTorch's grad / (2·result): +∞ at +0, and −∞ at −0 since sqrt(−0) is −0.
        d0 = 0.5 / out;
        break;
      case 21:
        out = Math.abs(a);
        d0 = a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN;
        break;
      case 22:
        out = a > 0 ? a : a <= 0 ? 0 : NaN;
        d0 = a > 0 ? 1 : a <= 0 ? 0 : NaN;
        break;
      case 23:
        out = sigmoid(a);
        d0 = out * (1 - out);
        break;
      case 24:
        out = softplus(a);
        d0 = sigmoid(a);
        break;
      case 25:
        out = Math.max(a, b);
        d0 = a > b ? 1 : a < b ? 0 : a === b ? 0.5 : NaN;
        d1 = 1 - d0;
        break;
      case 26:
        out = Math.min(a, b);
        d0 = a < b ? 1 : a > b ? 0 : a === b ? 0.5 : NaN;
        d1 = 1 - d0;
        break;
      case 27:
        out = Math.hypot(a, b);
        d0 = a / out;
        d1 = b / out;
        break;
      case 28: // POW_CONSTANT_EXPONENT
        out = powValue(a, b);
        d0 = powSlopeBase(a, b);
        break;
      default:
        out = NaN;
        d0 = NaN;
    }
    values[dst[j]!] = out;
    p0[j] = d0;
    p1[j] = d1;
  }
}
