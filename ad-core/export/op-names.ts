// Per-target spellings of every operation, keyed by op id (ops.ts stays the one list of ops; a test
// checks every table covers every row). PyTorch and JAX differentiate for themselves, so they need
// only the expression; micrograd and the standalone TypeScript program need the local derivatives
// too, written in their own language with the engine's conventions (PyTorch's) where none exists.

type Args = (a: string, b: string) => string;

/** PyTorch, float64 tensors. `tensor` marks calls whose constant arguments must be tensors. */
export interface TensorOp {
  expr: Args;
  /** A call (`torch.sin(a)`): a constant argument must be a tensor, not a Python float. */
  call: boolean;
}

const infix = (op: string): TensorOp => ({ expr: (a, b) => `${a} ${op} ${b}`, call: false });
const call1 = (name: string): TensorOp => ({ expr: (a) => `${name}(${a})`, call: true });
const call2 = (name: string): TensorOp => ({ expr: (a, b) => `${name}(${a}, ${b})`, call: true });

export const PYTORCH_OPS: Record<string, TensorOp> = {
  add: infix('+'),
  sub: infix('-'),
  mul: infix('*'),
  div: infix('/'),
  pow: infix('**'),
  neg: { expr: (a) => `-${a}`, call: false },
  sin: call1('torch.sin'),
  cos: call1('torch.cos'),
  tan: call1('torch.tan'),
  asin: call1('torch.asin'),
  acos: call1('torch.acos'),
  atan: call1('torch.atan'),
  atan2: call2('torch.atan2'),
  sinh: call1('torch.sinh'),
  cosh: call1('torch.cosh'),
  tanh: call1('torch.tanh'),
  exp: call1('torch.exp'),
  log: call1('torch.log'),
  log2: call1('torch.log2'),
  log10: call1('torch.log10'),
  sqrt: call1('torch.sqrt'),
  abs: call1('torch.abs'),
  relu: call1('torch.relu'),
  sigmoid: call1('torch.sigmoid'),
  softplus: call1('torch.nn.functional.softplus'),
  max: call2('torch.maximum'),
  min: call2('torch.minimum'),
  hypot: call2('torch.hypot'),
};

export const JAX_OPS: Record<string, TensorOp> = {
  add: infix('+'),
  sub: infix('-'),
  mul: infix('*'),
  div: infix('/'),
  pow: infix('**'),
  neg: { expr: (a) => `-${a}`, call: false },
  sin: call1('jnp.sin'),
  cos: call1('jnp.cos'),
  tan: call1('jnp.tan'),
  asin: call1('jnp.arcsin'),
  acos: call1('jnp.arccos'),
  atan: call1('jnp.arctan'),
  atan2: call2('jnp.arctan2'),
  sinh: call1('jnp.sinh'),
  cosh: call1('jnp.cosh'),
  tanh: call1('jnp.tanh'),
  exp: call1('jnp.exp'),
  log: call1('jnp.log'),
  log2: call1('jnp.log2'),
  log10: call1('jnp.log10'),
  sqrt: call1('jnp.sqrt'),
  abs: call1('jnp.abs'),
  relu: call1('jax.nn.relu'),
  sigmoid: call1('jax.nn.sigmoid'),
  softplus: call1('jax.nn.softplus'),
  max: call2('jnp.maximum'),
  min: call2('jnp.minimum'),
  hypot: call2('jnp.hypot'),
};

/**
 * micrograd (Karpathy's `micrograd.engine.Value`) has +, −, ×, ÷, a constant power and relu.
 * Every other op is defined in the exported program the way micrograd defines its own: a value
 * and a `_backward` adding the local derivative times `out.grad` (in Python, with `math`; `a`,
 * `b` are the arguments' data, `out` the result's).
 */
export type MicrogradOp =
  | { kind: 'builtin'; expr: Args; constantExponentOnly?: boolean }
  | { kind: 'defined'; name: string; value: string; partials: string[]; why: string };

const builtin = (expr: Args): MicrogradOp => ({ kind: 'builtin', expr });
const defined = (name: string, value: string, partials: string[], why?: string): MicrogradOp => ({
  kind: 'defined',
  name,
  value,
  partials,
  why: why ?? `micrograd's Value has no ${name}`,
});

export const MICROGRAD_OPS: Record<string, MicrogradOp> = {
  add: builtin((a, b) => `${a} + ${b}`),
  sub: builtin((a, b) => `${a} - ${b}`),
  mul: builtin((a, b) => `${a} * ${b}`),
  div: builtin((a, b) => `${a} / ${b}`),
  pow: { kind: 'builtin', expr: (a, b) => `${a} ** ${b}`, constantExponentOnly: true },
  neg: builtin((a) => `-${a}`),
  sin: defined('sin', 'math.sin(a)', ['math.cos(a)']),
  cos: defined('cos', 'math.cos(a)', ['-math.sin(a)']),
  tan: defined('tan', 'math.tan(a)', ['1 + out * out']),
  asin: defined('asin', 'math.asin(a)', ['1 / math.sqrt((1 - a) * (1 + a))']),
  acos: defined('acos', 'math.acos(a)', ['-1 / math.sqrt((1 - a) * (1 + a))']),
  atan: defined('atan', 'math.atan(a)', ['1 / (1 + a * a)']),
  atan2: defined('atan2', 'math.atan2(a, b)', ['b / (a * a + b * b)', '-a / (a * a + b * b)']),
  sinh: defined('sinh', 'math.sinh(a)', ['math.cosh(a)']),
  cosh: defined('cosh', 'math.cosh(a)', ['math.sinh(a)']),
  tanh: defined('tanh', 'math.tanh(a)', ['1 - out * out']),
  exp: defined('exp', 'math.exp(a)', ['out']),
  log: defined('log', 'math.log(a)', ['1 / a']),
  log2: defined('log2', 'math.log2(a)', ['1 / (a * math.log(2))']),
  log10: defined('log10', 'math.log10(a)', ['1 / (a * math.log(10))']),
  sqrt: defined('sqrt', 'math.sqrt(a)', ['0.5 / out']),
  abs: defined('abs_', 'abs(a)', ['(a > 0) - (a < 0)'], "micrograd's Value has no abs"),
  relu: builtin((a) => `${a}.relu()`),
  sigmoid: defined('sigmoid', '1 / (1 + math.exp(-a))', ['out * (1 - out)']),
  softplus: defined('softplus', 'math.log1p(math.exp(a))', ['1 / (1 + math.exp(-a))']),
  max: defined(
    'maximum',
    'max(a, b)',
    ['1.0 if a > b else 0.5 if a == b else 0.0', '1.0 if b > a else 0.5 if a == b else 0.0'],
    "micrograd's Value has no max (a tie gives each argument ½, as in PyTorch)",
  ),
  min: defined(
    'minimum',
    'min(a, b)',
    ['1.0 if a < b else 0.5 if a == b else 0.0', '1.0 if b < a else 0.5 if a == b else 0.0'],
    "micrograd's Value has no min (a tie gives each argument ½, as in PyTorch)",
  ),
  hypot: defined('hypot', 'math.hypot(a, b)', ['a / out', 'b / out']),
};

/** micrograd's power needs a number exponent; a variable exponent uses this definition. */
export const MICROGRAD_POW = defined(
  'power',
  'a ** b',
  ['0.0 if b == 0 else b * a ** (b - 1)', '0.0 if a == 0 and b >= 0 else out * math.log(a)'],
  "micrograd's ** takes only a number exponent",
);

/**
 * The standalone TypeScript program: value and local partials per op, in the engine's own
 * formulas (ops.ts), so it prints the engine's numbers. `out` is the node's value. Helpers it
 * needs are listed by name and defined once at the top of the program (HELPERS below).
 */
export interface TsOp {
  value: Args;
  partials: ((a: string, b: string, out: string) => string)[];
  helpers?: (keyof typeof TS_HELPERS)[];
}

const m1 = (name: string, partial: (a: string, out: string) => string): TsOp => ({
  value: (a) => `Math.${name}(${a})`,
  partials: [(a, _b, out) => partial(a, out)],
});

export const TS_HELPERS = {
  powValue:
    'const powValue = (a: number, b: number): number => (b === 2 ? a * a : Math.pow(a, b));',
  powSlopeBase:
    'const powSlopeBase = (a: number, b: number): number =>\n  b === 0 ? 0 : b === 2 ? 2 * a : b * Math.pow(a, b - 1);',
  powSlopeExponent:
    'const powSlopeExponent = (a: number, b: number, out: number): number =>\n  a === 0 && b >= 0 ? 0 : out * Math.log(a);',
  sigmoid:
    'const sigmoid = (a: number): number => {\n  if (a >= 0) return 1 / (1 + Math.exp(-a));\n  const e = Math.exp(a);\n  return e / (1 + e);\n};',
  softplus:
    'const softplus = (a: number): number => Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));',
} as const;

export const TS_OPS: Record<string, TsOp> = {
  add: { value: (a, b) => `${a} + ${b}`, partials: [() => '1', () => '1'] },
  sub: { value: (a, b) => `${a} - ${b}`, partials: [() => '1', () => '-1'] },
  mul: { value: (a, b) => `${a} * ${b}`, partials: [(_a, b) => b, (a) => a] },
  div: {
    value: (a, b) => `${a} / ${b}`,
    partials: [(_a, b) => `1 / ${b}`, (_a, b, out) => `-${out} / ${b}`],
  },
  pow: {
    value: (a, b) => `powValue(${a}, ${b})`,
    partials: [
      (a, b) => `powSlopeBase(${a}, ${b})`,
      (a, b, out) => `powSlopeExponent(${a}, ${b}, ${out})`,
    ],
    helpers: ['powValue', 'powSlopeBase', 'powSlopeExponent'],
  },
  neg: { value: (a) => `-${a}`, partials: [() => '-1'] },
  sin: m1('sin', (a) => `Math.cos(${a})`),
  cos: m1('cos', (a) => `-Math.sin(${a})`),
  tan: m1('tan', (_a, out) => `1 + ${out} * ${out}`),
  asin: m1('asin', (a) => `1 / Math.sqrt((1 - ${a}) * (1 + ${a}))`),
  acos: m1('acos', (a) => `-1 / Math.sqrt((1 - ${a}) * (1 + ${a}))`),
  atan: m1('atan', (a) => `1 / (1 + ${a} * ${a})`),
  atan2: {
    value: (a, b) => `Math.atan2(${a}, ${b})`,
    partials: [
      (a, b) => `${b} / Math.hypot(${a}, ${b}) / Math.hypot(${a}, ${b})`,
      (a, b) => `-${a} / Math.hypot(${a}, ${b}) / Math.hypot(${a}, ${b})`,
    ],
  },
  sinh: m1('sinh', (a) => `Math.cosh(${a})`),
  cosh: m1('cosh', (a) => `Math.sinh(${a})`),
  tanh: m1('tanh', (_a, out) => `1 - ${out} * ${out}`),
  exp: m1('exp', (_a, out) => out),
  log: m1('log', (a) => `1 / ${a}`),
  log2: m1('log2', (a) => `1 / ${a} / Math.LN2`),
  log10: m1('log10', (a) => `1 / ${a} / Math.LN10`),
  sqrt: m1('sqrt', (_a, out) => `0.5 / ${out}`),
  abs: m1('abs', (a) => `(${a} > 0 ? 1 : ${a} < 0 ? -1 : ${a} === 0 ? 0 : NaN)`),
  relu: {
    value: (a) => `(${a} > 0 ? ${a} : ${a} <= 0 ? 0 : NaN)`,
    partials: [(a) => `(${a} > 0 ? 1 : ${a} <= 0 ? 0 : NaN)`],
  },
  sigmoid: {
    value: (a) => `sigmoid(${a})`,
    partials: [(_a, _b, out) => `${out} * (1 - ${out})`],
    helpers: ['sigmoid'],
  },
  softplus: {
    value: (a) => `softplus(${a})`,
    partials: [(a) => `sigmoid(${a})`],
    helpers: ['softplus', 'sigmoid'],
  },
  max: {
    value: (a, b) => `Math.max(${a}, ${b})`,
    partials: [
      (a, b) => `(${a} > ${b} ? 1 : ${a} < ${b} ? 0 : ${a} === ${b} ? 0.5 : NaN)`,
      (a, b) => `1 - (${a} > ${b} ? 1 : ${a} < ${b} ? 0 : ${a} === ${b} ? 0.5 : NaN)`,
    ],
  },
  min: {
    value: (a, b) => `Math.min(${a}, ${b})`,
    partials: [
      (a, b) => `(${a} < ${b} ? 1 : ${a} > ${b} ? 0 : ${a} === ${b} ? 0.5 : NaN)`,
      (a, b) => `1 - (${a} < ${b} ? 1 : ${a} > ${b} ? 0 : ${a} === ${b} ? 0.5 : NaN)`,
    ],
  },
  hypot: {
    value: (a, b) => `Math.hypot(${a}, ${b})`,
    partials: [(a, _b, out) => `${a} / ${out}`, (_a, b, out) => `${b} / ${out}`],
  },
};
