// The shapes that flow between ad-core modules and out to the app. Kept in one place so every
// module (and every helper working on one) agrees on them; behaviour lives in the modules.

/** Half-open character range [start, end) in the source text (UTF-16 code units). */
export interface Span {
  start: number;
  end: number;
}

export type DiagnosticCode =
  | 'empty-formula'
  | 'unexpected-character'
  | 'decimal-comma'
  | 'unclosed-paren'
  | 'unmatched-paren'
  | 'expected-value'
  | 'unexpected-end'
  | 'missing-operator'
  | 'unknown-function'
  | 'wrong-arity'
  | 'not-a-function'
  | 'undefined-binding'
  | 'duplicate-binding'
  | 'assign-to-constant'
  | 'no-output'
  /** Functions of your own (`sq(t) = t^2`): a call that reaches its own definition again. */
  | 'recursive-function'
  /** `f(2) = …`, `f() = …`: a definition's parameters must be names. */
  | 'bad-parameter'
  | 'duplicate-parameter'
  /** `sin(t) = …`: a built-in operation's name. */
  | 'builtin-function-name'
  /** Inlining every call would make the graph too big (`f2(t) = f1(f1(t))`, …). */
  | 'expansion-too-large'
  /** Several outputs (`x*y, sin(x)`) anywhere but on the last line, or too many of them. */
  | 'misplaced-outputs'
  | 'too-many-outputs'
  | 'too-deep'
  | 'too-long'
  | 'bad-number'
  /** A `,` or `=` (or similar) where it cannot appear, e.g. `2 = x`. */
  | 'unexpected-token';

export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  span: Span;
  hint?: string;
}

// ---------------------------------------------------------------------------------------------
// AST

export type UnaryOp = 'neg' | 'pos';
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow';

export type Expr =
  | { kind: 'number'; value: number; span: Span }
  /** `pi`, `π`, `e` */
  | { kind: 'constant'; name: 'pi' | 'e'; value: number; span: Span }
  | { kind: 'name'; name: string; span: Span }
  | { kind: 'unary'; op: UnaryOp; arg: Expr; span: Span }
  /** `implicit` marks juxtaposition such as `2x`; `**` parses as `pow`. */
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; span: Span; implicit?: boolean }
  /** `fn` is the operation id from the ops table (e.g. `ln` resolves to `log`). */
  | { kind: 'call'; fn: string; name: string; args: Expr[]; span: Span; nameSpan: Span }
  /** A call of a function defined in the formula (`sq(x)` after `sq(t) = t^2`); inlined. */
  | { kind: 'apply'; name: string; args: Expr[]; span: Span; nameSpan: Span };

/** A parameter of a definition `sq(t) = t^2`: a local name, bound to the argument at each call. */
export interface Parameter {
  name: string;
  span: Span;
}

export type Statement =
  | { kind: 'assign'; name: string; nameSpan: Span; expr: Expr; span: Span }
  /** `neuron(a, b, w1, w2, c) = tanh(w1*a + w2*b + c)`: `expr` is the body. Computes nothing itself. */
  | { kind: 'define'; name: string; nameSpan: Span; params: Parameter[]; expr: Expr; span: Span }
  /**
   * `outputs` is set only on a last line with several outputs (`x*y, sin(x), x + y`): every
   * entry in order, `expr` being the first, so code that knows one output still sees one.
   */
  | { kind: 'expr'; expr: Expr; span: Span; outputs?: Expr[] };

export interface Program {
  source: string;
  statements: Statement[];
}

export type ParseResult =
  | { ok: true; program: Program }
  | { ok: false; diagnostics: Diagnostic[] };

// ---------------------------------------------------------------------------------------------
// Operations (one row per op in ops.ts)

export interface Complex {
  re: number;
  im: number;
}

export interface OpSpec {
  /** Stable id used in graphs, traces and `data-op`: `add`, `mul`, `sin`, `log`, … */
  id: string;
  arity: 1 | 2;
  /** Names a learner may call it by (`log`, `ln`); empty for infix-only ops (`add`). */
  callNames: string[];
  /** What the graph node shows: `+`, `×`, `sin`. */
  symbol: string;
  /** Infix operator character for the trace text (`v₃ = v₁ · v₂`), if it is one. */
  infix?: string;
  /** Value of the operation. `b` is 0 for unary ops. */
  value(a: number, b: number): number;
  /**
   * Local partial ∂out/∂arg[i], given the arguments and the already computed output `out`.
   * Applies the conventions of DESIGN.md where no derivative exists.
   */
  partial(i: 0 | 1, a: number, b: number, out: number): number;
  /** If a convention was used at this point, the rule in words; otherwise null. */
  convention(a: number, b: number): string | null;
  /** Complex extension for the complex-step check; undefined where the op is not analytic. */
  complex?: (a: Complex, b: Complex) => Complex;
  /** TeX of the op applied to already-typeset arguments. */
  tex(args: string[]): string;
  /** Symbolic partials as text, one per argument: `∂(a·b)/∂a = b`. */
  partialText: string[];
  /** TeX of ∂out/∂arg[i] in terms of typeset args (`\cos(v_1)`), one per argument. */
  partialTex: ((args: string[]) => string)[];
  /** The convention rule text shown in the UI, if this op has one (`abs'(0) = 0`). */
  conventionText?: string;
}

// ---------------------------------------------------------------------------------------------
// Graph (the tape)

export type NodeKind = 'input' | 'constant' | 'op';

export interface GraphNode {
  /** Index into `Graph.nodes`; the tape is in topological order. */
  id: number;
  kind: NodeKind;
  /** `input`, `const`, or an op id (`mul`). Also what `data-op` shows. */
  op: string;
  /** Argument node ids, in argument order. Repeated ids are allowed (`x*x`). */
  args: number[];
  /** Wengert name: `v₋₁`, `v₀` for inputs, `v₁`, `v₂`, … for ops; constants get their literal. */
  name: string;
  /** Plain ASCII-safe Wengert index (-1, 0, 1, …) for TeX (`v_{-1}`); constants: null. */
  wengertIndex: number | null;
  /** What the node draws: the variable name, the op symbol or the constant's value. */
  label: string;
  /** Variable name for inputs; binding name if a statement `a = …` produced this node. */
  variable?: string;
  binding?: string;
  /** Constant value (constants only). */
  constant?: number;
  /** Source spans this node came from (several when merged or a shared variable). */
  spans: Span[];
  /** A collapsed block's node in a view graph only: the source ids of the inputs it holds folded
   *  (its own parameters, read by nothing else), drawn as lines on the block (blocks.ts). */
  folded?: number[];
}

export interface GraphEdge {
  id: number;
  /** Argument node. */
  from: number;
  /** Consumer node. */
  to: number;
  /** Which argument of `to` this edge feeds (0 or 1). */
  argIndex: 0 | 1;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Variable names in input order (order of first appearance in the source). */
  variables: string[];
  /** Node id of each variable, parallel to `variables`. */
  inputs: number[];
  /** The output the reverse pass, the trace and the check use: `outputs[0]` unless one is chosen. */
  output: number;
  /**
   * Every output node in order (length ≥ 1; several for a last line `x*y, sin(x)`). The same node
   * may appear twice (`a, a`). A graph focused on output k has `output === outputs[k]`.
   */
  outputs: readonly number[];
  /** Edge ids into each node (by argument) and out of each node (consumers), for walks. */
  inEdges: number[][];
  outEdges: number[][];
  /** Typed-array view of the tape for hot loops. */
  tape: Tape;
}

export interface Tape {
  /** Index into OPS_BY_INDEX for op nodes; -1 input, -2 constant. */
  opIndex: Int16Array;
  arg0: Int32Array;
  arg1: Int32Array;
  constant: Float64Array;
  /** Edge ids of arg0/arg1 for each node, -1 where absent. */
  edge0: Int32Array;
  edge1: Int32Array;
}

export interface BuildOptions {
  mergeCommonSubexpressions?: boolean;
}

export type BuildResult = { ok: true; graph: Graph } | { ok: false; diagnostics: Diagnostic[] };

/** A point: variable name → value. */
export type Point = Record<string, number>;

// ---------------------------------------------------------------------------------------------
// Evaluation and the two modes

export interface Evaluation {
  values: Float64Array;
  /** Local partial per edge: ∂(to)/∂(from) along that edge. */
  partials: Float64Array;
  /** Node id → convention rule in words, where one was used at this point. */
  conventions: Map<number, string>;
}

export interface ReverseResult {
  adjoints: Float64Array;
  /** Per edge: the amount it added to the adjoint of its `from` node. */
  contributions: Float64Array;
}

export interface ForwardResult {
  tangents: Float64Array;
}

export interface GradientResult {
  value: number;
  gradient: Point;
}

// ---------------------------------------------------------------------------------------------
// Trace: the animation as data

export type Mode = 'reverse' | 'forward';

export interface Contribution {
  edge: number;
  /** Reverse: consumer node whose adjoint flows back. Forward: argument whose tangent flows in. */
  from: number;
  /** Reverse: argument receiving the contribution. Forward: the node being computed. */
  to: number;
  partial: number;
  /** partial × adjoint(from) in reverse; partial × tangent(from) in forward. */
  amount: number;
  /** Running sum at the receiving node before and after this contribution. */
  before: number;
  after: number;
}

export type Step =
  /** Forward pass: one node's value (and in forward mode its tangent, with contributions). */
  | {
      kind: 'evaluate';
      node: number;
      value: number;
      tangent?: number;
      contributions?: Contribution[];
    }
  /** Forward mode: the seed tangent of every input is set. */
  | { kind: 'seed-tangents'; tangents: { node: number; tangent: number }[] }
  /** Reverse mode: the output's adjoint is set to 1. */
  | { kind: 'seed-adjoint'; node: number; adjoint: number }
  /** Reverse mode: one node's adjoint flows to its arguments, one contribution per edge. */
  | { kind: 'propagate'; node: number; adjoint: number; contributions: Contribution[] };

export interface Trace {
  mode: Mode;
  graph: Graph;
  evaluation: Evaluation;
  steps: Step[];
  /** Forward mode's seed direction per input (variable name → tangent). */
  seed?: Point;
}

/** What is known after `step` steps (0 = nothing run yet; steps.length = all done). */
export interface Frame {
  step: number;
  total: number;
  /** The step just taken (steps[step-1]), if any. */
  current: Step | null;
  /** Per node; null while not yet computed at this step. Constants are always known. */
  values: (number | null)[];
  adjoints: (number | null)[];
  tangents: (number | null)[];
  /** Edges that carried something in the current step. */
  activeEdges: number[];
  phase: 'start' | 'forward' | 'seed' | 'reverse' | 'done';
}

// ---------------------------------------------------------------------------------------------
// Finite-difference checks

export type FdMethod = 'forward' | 'central' | 'richardson' | 'complex';
export type CheckStatus = 'pass' | 'mismatch' | 'kink' | 'nonfinite' | 'unsupported';

export interface CheckOptions {
  method?: FdMethod;
  /** Step size; default per method (DESIGN.md). Scaled by max(1, |x|) unless `absoluteStep`. */
  h?: number;
}

export interface CheckRow {
  variable: string;
  ad: number;
  fd: number;
  absError: number;
  relError: number;
  status: CheckStatus;
  method: FdMethod;
  h: number;
  tolerance: number;
  /** For kinks: the one-sided slopes. */
  left?: number;
  right?: number;
  /**
   * For a mismatch that is only the step's truncation error: the same difference at h/10 and
   * h/100, whose errors fall steadily to within tolerance (the differences approach AD).
   */
  converging?: { h: number; fd: number; absError: number }[];
}

export interface SweepPoint {
  h: number;
  /** |fd − ad| per method; NaN where the method does not apply. */
  errors: Record<FdMethod, number>;
}
