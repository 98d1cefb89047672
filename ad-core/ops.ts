// The operation table: the only place that knows what `sin`, `pow`, … mean. Every other module
// dispatches through these rows, so adding an operation is adding one row.
//
// Conventions where no derivative exists follow PyTorch (DESIGN.md): abs'(0) = 0, relu'(0) = 0,
// sqrt'(0) = +∞, max/min ties give ½ to each side, ∂(x^y)/∂x = 0 where y = 0,
// ∂(x^y)/∂y = 0 where x = 0 and y ≥ 0, log of a negative number is NaN. NaN and ±∞ propagate.
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
}

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
/** 1/a for log's derivative: NaN off the domain (a < 0), +∞ at 0 whatever the sign of zero. */
function logSlope(a: number): number {
  if (a > 0) return 1 / a;
  if (a === 0) return Infinity;
  return NaN;
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
// Rules in words (DESIGN.md)

const RULES = {
  abs: "abs has no derivative at 0; by convention abs'(0) = 0",
  relu: "relu has no derivative at 0; by convention relu'(0) = 0",
  sqrt: "sqrt'(0) is taken as +∞ (the slope of √x as x → 0⁺)",
  max: 'max has no derivative at a tie; by convention each argument gets ½',
  min: 'min has no derivative at a tie; by convention each argument gets ½',
  powBase: 'x^0 is constant, so ∂(x^y)/∂x is taken as 0 where y = 0',
  powExponent: 'by convention ∂(x^y)/∂y = 0 where x = 0 and y ≥ 0',
  log: 'log of a negative number is NaN (not a real number)',
} as const;

const noRule = (): null => null;

// ---------------------------------------------------------------------------------------------
// The rows

interface RowInput extends Omit<OpSpec, 'partial' | 'convention' | 'callNames'> {
  callNames?: string[];
  partials: OpRow['partials'];
  ruleFor?: OpRow['ruleFor'];
}

const scratch = new Float64Array(2);

function row(input: RowInput): OpRow {
  const ruleFor = input.ruleFor ?? noRule;
  const partials = input.partials;
  // Every row gets the same properties in the same order, so hot loops see one object shape.
  return {
    id: input.id,
    arity: input.arity,
    callNames: input.callNames ?? [],
    symbol: input.symbol,
    infix: input.infix,
    value: input.value,
    partials,
    partial(i, a, b, out) {
      scratch[0] = NaN;
      scratch[1] = NaN;
      partials(a, b, out, scratch);
      return scratch[i]!;
    },
    ruleFor,
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

export const OPS: OpRow[] = [
  row({
    id: 'add',
    arity: 2,
    complex: cAdd,
    symbol: '+',
    infix: '+',
    value: (a, b) => a + b,
    partials: (_a, _b, _o, g) => {
      g[0] = 1;
      g[1] = 1;
    },
    tex: t2((a, b) => `${a} + ${b}`),
    partialText: ['∂(a+b)/∂a = 1', '∂(a+b)/∂b = 1'],
    partialTex: [() => '1', () => '1'],
  }),
  row({
    id: 'sub',
    arity: 2,
    complex: cSub,
    symbol: '−',
    infix: '−',
    value: (a, b) => a - b,
    partials: (_a, _b, _o, g) => {
      g[0] = 1;
      g[1] = -1;
    },
    tex: t2((a, b) => `${a} - ${b}`),
    partialText: ['∂(a−b)/∂a = 1', '∂(a−b)/∂b = −1'],
    partialTex: [() => '1', () => '-1'],
  }),
  row({
    id: 'mul',
    arity: 2,
    complex: cMul,
    symbol: '×',
    infix: '·',
    value: (a, b) => a * b,
    partials: (a, b, _o, g) => {
      g[0] = b;
      g[1] = a;
    },
    tex: t2((a, b) => `${a} \\cdot ${b}`),
    partialText: ['∂(a·b)/∂a = b', '∂(a·b)/∂b = a'],
    partialTex: [t2((_a, b) => b), t2((a) => a)],
  }),
  row({
    id: 'div',
    arity: 2,
    complex: cDiv,
    symbol: '÷',
    infix: '/',
    value: (a, b) => a / b,
    partials: (_a, b, out, g) => {
      g[0] = 1 / b;
      g[1] = -out / b;
    },
    tex: t2((a, b) => `\\frac{${a}}{${b}}`),
    partialText: ['∂(a/b)/∂a = 1/b', '∂(a/b)/∂b = −a/b²'],
    partialTex: [t2((_a, b) => `\\frac{1}{${b}}`), t2((a, b) => `-\\frac{${a}}{${b}^{2}}`)],
  }),
  row({
    id: 'pow',
    arity: 2,
    callNames: ['pow'],
    symbol: '^',
    infix: '^',
    value: (a, b) => Math.pow(a, b),
    partials: (a, b, out, g) => {
      g[0] = powSlopeBase(a, b);
      g[1] = powSlopeExponent(a, b, out);
    },
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
  }),
  row({
    id: 'neg',
    arity: 1,
    symbol: '−',
    value: (a) => -a,
    partials: (_a, _b, _o, g) => {
      g[0] = -1;
    },
    complex: (a) => c(-a.re, -a.im),
    tex: t1((a) => `-${a}`),
    partialText: ['∂(−a)/∂a = −1'],
    partialTex: [() => '-1'],
  }),
  row({
    id: 'sin',
    arity: 1,
    callNames: ['sin'],
    symbol: 'sin',
    value: (a) => Math.sin(a),
    partials: (a, _b, _o, g) => {
      g[0] = Math.cos(a);
    },
    complex: cSin,
    tex: t1(fnTex('\\sin')),
    partialText: ['∂sin(a)/∂a = cos(a)'],
    partialTex: [t1(fnTex('\\cos'))],
  }),
  row({
    id: 'cos',
    arity: 1,
    callNames: ['cos'],
    symbol: 'cos',
    value: (a) => Math.cos(a),
    partials: (a, _b, _o, g) => {
      g[0] = -Math.sin(a);
    },
    complex: cCos,
    tex: t1(fnTex('\\cos')),
    partialText: ['∂cos(a)/∂a = −sin(a)'],
    partialTex: [t1((a) => `-\\sin\\left(${a}\\right)`)],
  }),
  row({
    id: 'tan',
    arity: 1,
    callNames: ['tan'],
    symbol: 'tan',
    value: (a) => Math.tan(a),
    partials: (_a, _b, out, g) => {
      g[0] = 1 + out * out;
    },
    complex: cTan,
    tex: t1(fnTex('\\tan')),
    partialText: ['∂tan(a)/∂a = 1 + tan²(a)'],
    partialTex: [t1((a) => `1 + \\tan^{2}\\left(${a}\\right)`)],
  }),
  row({
    id: 'asin',
    arity: 1,
    callNames: ['asin'],
    symbol: 'asin',
    value: (a) => Math.asin(a),
    partials: (a, _b, _o, g) => {
      g[0] = 1 / Math.sqrt((1 - a) * (1 + a));
    },
    complex: cAsin,
    tex: t1(fnTex('\\arcsin')),
    partialText: ['∂asin(a)/∂a = 1/√(1−a²)'],
    partialTex: [t1((a) => `\\frac{1}{\\sqrt{1 - ${a}^{2}}}`)],
  }),
  row({
    id: 'acos',
    arity: 1,
    callNames: ['acos'],
    symbol: 'acos',
    value: (a) => Math.acos(a),
    partials: (a, _b, _o, g) => {
      g[0] = -1 / Math.sqrt((1 - a) * (1 + a));
    },
    complex: cAcos,
    tex: t1(fnTex('\\arccos')),
    partialText: ['∂acos(a)/∂a = −1/√(1−a²)'],
    partialTex: [t1((a) => `-\\frac{1}{\\sqrt{1 - ${a}^{2}}}`)],
  }),
  row({
    id: 'atan',
    arity: 1,
    callNames: ['atan'],
    symbol: 'atan',
    value: (a) => Math.atan(a),
    partials: (a, _b, _o, g) => {
      g[0] = 1 / (1 + a * a);
    },
    complex: cAtan,
    tex: t1(fnTex('\\arctan')),
    partialText: ['∂atan(a)/∂a = 1/(1+a²)'],
    partialTex: [t1((a) => `\\frac{1}{1 + ${a}^{2}}`)],
  }),
  row({
    id: 'atan2',
    arity: 2,
    callNames: ['atan2'],
    symbol: 'atan2',
    value: (a, b) => Math.atan2(a, b),
    partials: (a, b, _o, g) => {
      // Divide by the hypotenuse twice rather than by a² + b², which overflows first.
      const r = Math.hypot(a, b);
      g[0] = b / r / r;
      g[1] = -a / r / r;
    },
    complex: cAtan2,
    tex: t2((a, b) => `${op('atan2')}\\left(${a}, ${b}\\right)`),
    partialText: ['∂atan2(a,b)/∂a = b/(a²+b²)', '∂atan2(a,b)/∂b = −a/(a²+b²)'],
    partialTex: [
      t2((a, b) => `\\frac{${b}}{${a}^{2} + ${b}^{2}}`),
      t2((a, b) => `-\\frac{${a}}{${a}^{2} + ${b}^{2}}`),
    ],
  }),
  row({
    id: 'sinh',
    arity: 1,
    callNames: ['sinh'],
    symbol: 'sinh',
    value: (a) => Math.sinh(a),
    partials: (a, _b, _o, g) => {
      g[0] = Math.cosh(a);
    },
    complex: cSinh,
    tex: t1(fnTex('\\sinh')),
    partialText: ['∂sinh(a)/∂a = cosh(a)'],
    partialTex: [t1(fnTex('\\cosh'))],
  }),
  row({
    id: 'cosh',
    arity: 1,
    callNames: ['cosh'],
    symbol: 'cosh',
    value: (a) => Math.cosh(a),
    partials: (a, _b, _o, g) => {
      g[0] = Math.sinh(a);
    },
    complex: cCosh,
    tex: t1(fnTex('\\cosh')),
    partialText: ['∂cosh(a)/∂a = sinh(a)'],
    partialTex: [t1(fnTex('\\sinh'))],
  }),
  row({
    id: 'tanh',
    arity: 1,
    callNames: ['tanh'],
    symbol: 'tanh',
    value: (a) => Math.tanh(a),
    partials: (_a, _b, out, g) => {
      g[0] = 1 - out * out;
    },
    complex: cTanh,
    tex: t1(fnTex('\\tanh')),
    partialText: ['∂tanh(a)/∂a = 1 − tanh²(a)'],
    partialTex: [t1((a) => `1 - \\tanh^{2}\\left(${a}\\right)`)],
  }),
  row({
    id: 'exp',
    arity: 1,
    callNames: ['exp'],
    symbol: 'exp',
    value: (a) => Math.exp(a),
    partials: (_a, _b, out, g) => {
      g[0] = out;
    },
    complex: cExp,
    tex: t1((a) => `e^{${a}}`),
    partialText: ['∂exp(a)/∂a = exp(a)'],
    partialTex: [t1((a) => `e^{${a}}`)],
  }),
  row({
    id: 'log',
    arity: 1,
    callNames: ['log', 'ln'],
    symbol: 'ln',
    value: (a) => Math.log(a),
    partials: (a, _b, _o, g) => {
      g[0] = logSlope(a);
    },
    ruleFor: (_i, a) => (a < 0 ? RULES.log : null),
    complex: cLog,
    tex: t1(fnTex('\\ln')),
    partialText: ['∂ln(a)/∂a = 1/a'],
    partialTex: [t1((a) => `\\frac{1}{${a}}`)],
    conventionText: 'log of a negative number is NaN',
  }),
  row({
    id: 'log2',
    arity: 1,
    callNames: ['log2'],
    symbol: 'log₂',
    value: (a) => Math.log2(a),
    partials: (a, _b, _o, g) => {
      g[0] = logSlope(a) / Math.LN2;
    },
    ruleFor: (_i, a) => (a < 0 ? RULES.log : null),
    complex: (a) => scale(cLog(a), 1 / Math.LN2),
    tex: t1(fnTex('\\log_{2}')),
    partialText: ['∂log₂(a)/∂a = 1/(a·ln 2)'],
    partialTex: [t1((a) => `\\frac{1}{${a} \\ln 2}`)],
    conventionText: 'log of a negative number is NaN',
  }),
  row({
    id: 'log10',
    arity: 1,
    callNames: ['log10'],
    symbol: 'log₁₀',
    value: (a) => Math.log10(a),
    partials: (a, _b, _o, g) => {
      g[0] = logSlope(a) / Math.LN10;
    },
    ruleFor: (_i, a) => (a < 0 ? RULES.log : null),
    complex: (a) => scale(cLog(a), 1 / Math.LN10),
    tex: t1(fnTex('\\log_{10}')),
    partialText: ['∂log₁₀(a)/∂a = 1/(a·ln 10)'],
    partialTex: [t1((a) => `\\frac{1}{${a} \\ln 10}`)],
    conventionText: 'log of a negative number is NaN',
  }),
  row({
    id: 'sqrt',
    arity: 1,
    callNames: ['sqrt'],
    symbol: '√',
    value: (a) => Math.sqrt(a),
    partials: (a, _b, out, g) => {
      // +∞ at both zeros: sqrt(−0) is −0 and 0.5/−0 would say −∞.
      g[0] = a === 0 ? Infinity : 0.5 / out;
    },
    ruleFor: (_i, a) => (a === 0 ? RULES.sqrt : null),
    complex: cSqrt,
    tex: t1((a) => `\\sqrt{${a}}`),
    partialText: ['∂√a/∂a = 1/(2√a)'],
    partialTex: [t1((a) => `\\frac{1}{2\\sqrt{${a}}}`)],
    conventionText: "sqrt'(0) = +∞",
  }),
  row({
    id: 'abs',
    arity: 1,
    callNames: ['abs'],
    symbol: '|·|',
    value: (a) => Math.abs(a),
    partials: (a, _b, _o, g) => {
      g[0] = a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN;
    },
    ruleFor: (_i, a) => (a === 0 ? RULES.abs : null),
    tex: t1((a) => `\\left|${a}\\right|`),
    partialText: ['∂|a|/∂a = sign(a)'],
    partialTex: [t1((a) => `${op('sign')}\\left(${a}\\right)`)],
    conventionText: "abs'(0) = 0",
  }),
  row({
    id: 'relu',
    arity: 1,
    callNames: ['relu'],
    symbol: 'relu',
    value: (a) => (a > 0 ? a : a <= 0 ? 0 : NaN),
    partials: (a, _b, _o, g) => {
      g[0] = a > 0 ? 1 : a <= 0 ? 0 : NaN;
    },
    ruleFor: (_i, a) => (a === 0 ? RULES.relu : null),
    tex: t1((a) => `${op('relu')}\\left(${a}\\right)`),
    partialText: ['∂relu(a)/∂a = 1 if a > 0, else 0'],
    partialTex: [t1((a) => `[${a} > 0]`)],
    conventionText: "relu'(0) = 0",
  }),
  row({
    id: 'sigmoid',
    arity: 1,
    callNames: ['sigmoid'],
    symbol: 'σ',
    value: sigmoid,
    partials: (_a, _b, out, g) => {
      g[0] = out * (1 - out);
    },
    complex: cSigmoid,
    tex: t1((a) => `\\sigma\\left(${a}\\right)`),
    partialText: ['∂σ(a)/∂a = σ(a)·(1 − σ(a))'],
    partialTex: [
      t1((a) => `\\sigma\\left(${a}\\right)\\left(1 - \\sigma\\left(${a}\\right)\\right)`),
    ],
  }),
  row({
    id: 'softplus',
    arity: 1,
    callNames: ['softplus'],
    symbol: 'softplus',
    value: softplus,
    partials: (a, _b, _o, g) => {
      g[0] = sigmoid(a);
    },
    complex: cSoftplus,
    tex: t1((a) => `${op('softplus')}\\left(${a}\\right)`),
    partialText: ['∂softplus(a)/∂a = σ(a)'],
    partialTex: [t1((a) => `\\sigma\\left(${a}\\right)`)],
  }),
  row({
    id: 'max',
    arity: 2,
    callNames: ['max'],
    symbol: 'max',
    value: (a, b) => Math.max(a, b),
    partials: (a, b, _o, g) => {
      const p = a > b ? 1 : a < b ? 0 : a === b ? 0.5 : NaN;
      g[0] = p;
      g[1] = 1 - p;
    },
    ruleFor: (_i, a, b) => (a === b ? RULES.max : null),
    tex: t2((a, b) => `\\max\\left(${a}, ${b}\\right)`),
    partialText: [
      '∂max(a,b)/∂a = 1 if a > b, ½ if a = b, else 0',
      '∂max(a,b)/∂b = 1 if b > a, ½ if a = b, else 0',
    ],
    partialTex: [t2((a, b) => `[${a} > ${b}]`), t2((a, b) => `[${b} > ${a}]`)],
    conventionText: 'max/min at a tie: ½ to each argument',
  }),
  row({
    id: 'min',
    arity: 2,
    callNames: ['min'],
    symbol: 'min',
    value: (a, b) => Math.min(a, b),
    partials: (a, b, _o, g) => {
      const p = a < b ? 1 : a > b ? 0 : a === b ? 0.5 : NaN;
      g[0] = p;
      g[1] = 1 - p;
    },
    ruleFor: (_i, a, b) => (a === b ? RULES.min : null),
    tex: t2((a, b) => `\\min\\left(${a}, ${b}\\right)`),
    partialText: [
      '∂min(a,b)/∂a = 1 if a < b, ½ if a = b, else 0',
      '∂min(a,b)/∂b = 1 if b < a, ½ if a = b, else 0',
    ],
    partialTex: [t2((a, b) => `[${a} < ${b}]`), t2((a, b) => `[${b} < ${a}]`)],
    conventionText: 'max/min at a tie: ½ to each argument',
  }),
  row({
    id: 'hypot',
    arity: 2,
    callNames: ['hypot'],
    symbol: 'hypot',
    value: (a, b) => Math.hypot(a, b),
    partials: (a, b, out, g) => {
      g[0] = a / out;
      g[1] = b / out;
    },
    complex: cHypot,
    tex: t2((a, b) => `\\sqrt{${a}^{2} + ${b}^{2}}`),
    partialText: ['∂hypot(a,b)/∂a = a/hypot(a,b)', '∂hypot(a,b)/∂b = b/hypot(a,b)'],
    partialTex: [
      t2((a, b) => `\\frac{${a}}{\\sqrt{${a}^{2} + ${b}^{2}}}`),
      t2((a, b) => `\\frac{${b}}{\\sqrt{${a}^{2} + ${b}^{2}}}`),
    ],
  }),
];

/** Rows by index; a graph's `Tape.opIndex` points here. */
export const OPS_BY_INDEX: readonly OpRow[] = OPS;

/** The value and fused-partials functions by op index, for the hot loops. */
export const VALUE_BY_INDEX: readonly OpRow['value'][] = OPS.map((r) => r.value);
export const PARTIALS_BY_INDEX: readonly OpRow['partials'][] = OPS.map((r) => r.partials);

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
// Hot loops. They live beside the table so the arithmetic rows can be inlined (a megamorphic
// call per node costs more than the arithmetic itself) without any other module naming an op.
// Every inlined case computes exactly what its row computes, bit for bit; the rest go through
// the row. Row order is part of the contract for these cases:
const [ADD, SUB, MUL, DIV, POW, NEG] = [0, 1, 2, 3, 4, 5] as const;
if (
  ['add', 'sub', 'mul', 'div', 'pow', 'neg'].some(
    (id, k) => OPS[[ADD, SUB, MUL, DIV, POW, NEG][k]!]?.id !== id,
  )
) {
  throw new Error('ops.ts: the inlined arithmetic cases no longer match the row order');
}

/** Forward sweep over a tape: `values[i]` for every op node, from its arguments, in place. */
export function sweepValuesInPlace(
  opIndex: Int16Array,
  arg0: Int32Array,
  arg1: Int32Array,
  values: Float64Array,
): void {
  const fns = VALUE_BY_INDEX;
  const n = opIndex.length;
  for (let i = 0; i < n; i++) {
    const k = opIndex[i]!;
    if (k < 0) continue;
    const a = values[arg0[i]!]!;
    switch (k) {
      case ADD:
        values[i] = a + values[arg1[i]!]!;
        break;
      case SUB:
        values[i] = a - values[arg1[i]!]!;
        break;
      case MUL:
        values[i] = a * values[arg1[i]!]!;
        break;
      case DIV:
        values[i] = a / values[arg1[i]!]!;
        break;
      case NEG:
        values[i] = -a;
        break;
      default: {
        const b = arg1[i]!;
        values[i] = fns[k]!(a, b >= 0 ? values[b]! : 0);
      }
    }
  }
}

/**
 * Reverse sweep from node `from` down: adjoints[arg] += adjoints[node] · ∂node/∂arg for every op
 * node with `live[node] = 1`. Constants' adjoint slots are written too (callers ignore them).
 */
export function sweepAdjointsInPlace(
  opIndex: Int16Array,
  arg0: Int32Array,
  arg1: Int32Array,
  values: Float64Array,
  adjoints: Float64Array,
  live: Uint8Array,
  from: number,
): void {
  const fns = PARTIALS_BY_INDEX;
  const g = new Float64Array(2);
  for (let i = from; i >= 0; i--) {
    const k = opIndex[i]!;
    if (k < 0 || live[i] === 0) continue;
    const a0 = arg0[i]!;
    const a1 = arg1[i]!;
    const d = adjoints[i]!;
    switch (k) {
      case ADD:
        adjoints[a0] = adjoints[a0]! + d;
        adjoints[a1] = adjoints[a1]! + d;
        break;
      case SUB:
        adjoints[a0] = adjoints[a0]! + d;
        adjoints[a1] = adjoints[a1]! + -d;
        break;
      case MUL:
        adjoints[a0] = adjoints[a0]! + d * values[a1]!;
        adjoints[a1] = adjoints[a1]! + d * values[a0]!;
        break;
      case DIV: {
        const b = values[a1]!;
        adjoints[a0] = adjoints[a0]! + d * (1 / b);
        adjoints[a1] = adjoints[a1]! + d * (-values[i]! / b);
        break;
      }
      case POW: {
        // The slope in the exponent (a logarithm) is skipped when the exponent is a constant.
        const a = values[a0]!;
        const b = values[a1]!;
        adjoints[a0] = adjoints[a0]! + d * powSlopeBase(a, b);
        if (opIndex[a1] !== -2)
          adjoints[a1] = adjoints[a1]! + d * powSlopeExponent(a, b, values[i]!);
        break;
      }
      case NEG:
        adjoints[a0] = adjoints[a0]! + -d;
        break;
      default:
        fns[k]!(values[a0]!, a1 >= 0 ? values[a1]! : 0, values[i]!, g);
        adjoints[a0] = adjoints[a0]! + d * g[0]!;
        if (a1 >= 0) adjoints[a1] = adjoints[a1]! + d * g[1]!;
    }
  }
}
