// The bug lab: the reverse pass run with one deliberate mistake — the ones learners make when they
// write backward() by hand — and where the buggy pass first departs from the correct one. The
// correct pass is never touched: a buggy pass is a second trace built beside it, from the same
// values and (except for a wrong local rule) the same local partials.
import { checkAgainst } from './check.ts';
import { OP_CONSTANT, outputAncestors } from './graph.ts';
import { OPS_BY_ID } from './ops.ts';
import type {
  CheckOptions,
  CheckRow,
  Contribution,
  Evaluation,
  Graph,
  Step,
  Trace,
} from './types.ts';

export type BugKind = 'assign' | 'drop' | 'wrong-rule' | 'no-chain' | 'twice';

export interface BugInfo {
  kind: BugKind;
  title: string;
  /** What goes wrong, in a sentence or two. */
  summary: string;
  /** The buggy line of a hand-written backward(), and the right one. */
  wrong: string;
  right: string;
}

export const BUGS: readonly BugInfo[] = [
  {
    kind: 'assign',
    title: 'Assign instead of accumulate (= for +=)',
    summary:
      'Each contribution overwrites the adjoint instead of adding to it. Harmless where a value is used once; where it fans out, only the last path survives.',
    wrong: 'v̄ᵢ = v̄ⱼ · ∂vⱼ/∂vᵢ',
    right: 'v̄ᵢ += v̄ⱼ · ∂vⱼ/∂vᵢ',
  },
  {
    kind: 'drop',
    title: 'Drop one contribution',
    summary:
      'One edge never passes its share back: a path from the output to an input is forgotten, so the sum over paths misses a term.',
    wrong: '(the line for one argument is missing)',
    right: 'v̄ᵢ += v̄ⱼ · ∂vⱼ/∂vᵢ for every argument vᵢ of vⱼ',
  },
  {
    kind: 'wrong-rule',
    title: 'Wrong local derivative',
    summary:
      'One operation uses a wrong rule for its local partial (a sign slip, a forgotten factor); everything upstream of it inherits the error.',
    wrong: 'v̄ᵢ += v̄ⱼ · (wrong ∂vⱼ/∂vᵢ)',
    right: 'v̄ᵢ += v̄ⱼ · ∂vⱼ/∂vᵢ',
  },
  {
    kind: 'no-chain',
    title: 'Forget the chain factor',
    summary:
      'Each contribution is the local partial alone, without the adjoint of the node it comes from: the chain rule is cut at every step.',
    wrong: 'v̄ᵢ += ∂vⱼ/∂vᵢ',
    right: 'v̄ᵢ += v̄ⱼ · ∂vⱼ/∂vᵢ',
  },
  {
    kind: 'twice',
    title: 'Backward twice without reset',
    summary:
      'backward() is called a second time without zeroing the adjoints: the output is seeded with 1 again and every contribution is added on top of what the first pass left.',
    wrong: 'backward(); backward()',
    right: 'zero_grad(); backward()',
  },
];

export const BUG_KINDS: readonly BugKind[] = BUGS.map((b) => b.kind);

export function bugInfo(kind: BugKind): BugInfo {
  return BUGS.find((b) => b.kind === kind) ?? BUGS[0]!;
}

export function isBugKind(text: string): text is BugKind {
  return (BUG_KINDS as readonly string[]).includes(text);
}

/**
 * One chosen bug. `site` is where the mistake is made: for `drop` an edge id (the contribution
 * along it is forgotten); otherwise the id of the node whose backward step is wrong (`assign`:
 * it overwrites its arguments' adjoints; `wrong-rule`: its local partials are wrong; `no-chain`:
 * it leaves out its own adjoint). Without a site, `assign` and `no-chain` are wrong at every node
 * and `drop` and `wrong-rule` are wrong at their first site (see `bugSites`); `twice` has none.
 */
export interface Bug {
  kind: BugKind;
  site?: number;
}

// ---------------------------------------------------------------------------------------------
// Wrong local rules, one per operation: the slips learners actually make.

export interface WrongRule {
  /** The wrong rule as text, one per argument, written like the ops table's `partialText`. */
  text: string[];
  /** The wrong ∂out/∂arg[i] from the arguments and the output. */
  partial(i: 0 | 1, a: number, b: number, out: number): number;
}

const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

/** Keyed by op id (data, like the ops table's rows); ops missing here get `flippedRule`. */
export const WRONG_RULES: Readonly<Record<string, WrongRule>> = {
  add: { text: ['∂(a+b)/∂a = b', '∂(a+b)/∂b = a'], partial: (i, a, b) => (i === 0 ? b : a) },
  sub: { text: ['∂(a−b)/∂a = 1', '∂(a−b)/∂b = 1'], partial: () => 1 },
  mul: { text: ['∂(a·b)/∂a = a', '∂(a·b)/∂b = b'], partial: (i, a, b) => (i === 0 ? a : b) },
  div: {
    text: ['∂(a/b)/∂a = 1/b', '∂(a/b)/∂b = a/b²'],
    partial: (i, a, b) => (i === 0 ? 1 / b : a / (b * b)),
  },
  pow: {
    text: ['∂(a^b)/∂a = b·a^b', '∂(a^b)/∂b = a^b'],
    partial: (i, a, b, out) => (i === 0 ? b * out : out),
  },
  neg: { text: ['∂(−a)/∂a = 1'], partial: () => 1 },
  sin: { text: ['∂sin(a)/∂a = −cos(a)'], partial: (_i, a) => -Math.cos(a) },
  cos: { text: ['∂cos(a)/∂a = sin(a)'], partial: (_i, a) => Math.sin(a) },
  tan: { text: ['∂tan(a)/∂a = 1 + tan(a)'], partial: (_i, _a, _b, out) => 1 + out },
  asin: { text: ['∂asin(a)/∂a = 1/√(1+a²)'], partial: (_i, a) => 1 / Math.sqrt(1 + a * a) },
  acos: { text: ['∂acos(a)/∂a = 1/√(1−a²)'], partial: (_i, a) => 1 / Math.sqrt(1 - a * a) },
  atan: { text: ['∂atan(a)/∂a = 1/(1−a²)'], partial: (_i, a) => 1 / (1 - a * a) },
  atan2: {
    text: ['∂atan2(a,b)/∂a = a/(a²+b²)', '∂atan2(a,b)/∂b = b/(a²+b²)'],
    partial: (i, a, b) => (i === 0 ? a : b) / (a * a + b * b),
  },
  sinh: { text: ['∂sinh(a)/∂a = −cosh(a)'], partial: (_i, a) => -Math.cosh(a) },
  cosh: { text: ['∂cosh(a)/∂a = −sinh(a)'], partial: (_i, a) => -Math.sinh(a) },
  tanh: { text: ['∂tanh(a)/∂a = 1 − a'], partial: (_i, a) => 1 - a },
  exp: { text: ['∂exp(a)/∂a = a·exp(a−1)'], partial: (_i, a) => a * Math.exp(a - 1) },
  log: { text: ['∂ln(a)/∂a = ln(a)'], partial: (_i, _a, _b, out) => out },
  log2: { text: ['∂log₂(a)/∂a = 1/a'], partial: (_i, a) => 1 / a },
  log10: { text: ['∂log₁₀(a)/∂a = 1/a'], partial: (_i, a) => 1 / a },
  sqrt: { text: ['∂√a/∂a = 1/√a'], partial: (_i, _a, _b, out) => 1 / out },
  abs: { text: ['∂|a|/∂a = 1'], partial: () => 1 },
  relu: { text: ['∂relu(a)/∂a = relu(a)'], partial: (_i, _a, _b, out) => out },
  sigmoid: { text: ['∂σ(a)/∂a = σ(a)'], partial: (_i, _a, _b, out) => out },
  softplus: { text: ['∂softplus(a)/∂a = σ(−a)'], partial: (_i, a) => sigmoid(-a) },
  max: { text: ['∂max(a,b)/∂a = 1', '∂max(a,b)/∂b = 1'], partial: () => 1 },
  min: { text: ['∂min(a,b)/∂a = 1', '∂min(a,b)/∂b = 1'], partial: () => 1 },
  hypot: {
    text: ['∂hypot(a,b)/∂a = a/(a²+b²)', '∂hypot(a,b)/∂b = b/(a²+b²)'],
    partial: (i, a, b) => (i === 0 ? a : b) / (a * a + b * b),
  },
};

/** The wrong rule of op `id`: the table's, or (an op added later) the right rule with its sign flipped. */
export function wrongRuleFor(id: string): WrongRule | null {
  const known = Object.hasOwn(WRONG_RULES, id) ? WRONG_RULES[id] : undefined;
  if (known) return known;
  const row = Object.hasOwn(OPS_BY_ID, id) ? OPS_BY_ID[id] : undefined;
  if (!row) return null;
  return {
    text: row.partialText.map((t) => {
      const at = t.indexOf(' = ');
      return at < 0 ? t : `${t.slice(0, at)} = −(${t.slice(at + 3)})`;
    }),
    partial: (i, a, b, out) => -row.partial(i, a, b, out),
  };
}

// ---------------------------------------------------------------------------------------------
// The buggy pass

/** Where the buggy pass first differs from the correct one. */
export interface BugDeparture {
  /** The 1-based step (a frame index) after which some adjoint first differs. */
  step: number;
  /** The node that step is about: the node whose backward step went wrong. */
  node: number;
  /** The first node whose adjoint differs after that step. */
  receiver: number;
}

export interface BuggyPass {
  /** The bug with its site resolved (absent only where it applies everywhere). */
  bug: Bug;
  /** A reverse trace like `buildTrace`'s, showing the buggy arithmetic. */
  trace: Trace;
  /** Final adjoints of the buggy pass (0 where nothing arrived). */
  adjoints: Float64Array;
  /** null: on this formula at this point the bug changes nothing. */
  departure: BugDeparture | null;
}

/** The edge ids into op node `i` from non-constant arguments, in argument order. */
function argumentEdges(graph: Graph, i: number): { to: number; edge: number; arg: 0 | 1 }[] {
  const { opIndex, arg0, arg1, edge0, edge1 } = graph.tape;
  const out: { to: number; edge: number; arg: 0 | 1 }[] = [];
  if (opIndex[arg0[i]!] !== OP_CONSTANT) out.push({ to: arg0[i]!, edge: edge0[i]!, arg: 0 });
  if (arg1[i]! >= 0 && opIndex[arg1[i]!] !== OP_CONSTANT)
    out.push({ to: arg1[i]!, edge: edge1[i]!, arg: 1 });
  return out;
}

/** Live op nodes in the order the reverse pass visits them (reverse tape order). */
function propagationOrder(graph: Graph): number[] {
  const { opIndex } = graph.tape;
  const live = outputAncestors(graph);
  const order: number[] = [];
  for (let i = graph.output; i >= 0; i--) if (opIndex[i]! >= 0 && live[i] === 1) order.push(i);
  return order;
}

/** The evaluation with node `site`'s local partials replaced by its op's wrong rule. */
function withWrongRule(graph: Graph, evaluation: Evaluation, site: number): Evaluation {
  const node = graph.nodes[site];
  const rule = node ? wrongRuleFor(node.op) : null;
  if (!node || !rule) return evaluation;
  const partials = new Float64Array(evaluation.partials);
  const { values } = evaluation;
  const a = values[node.args[0]!] ?? NaN;
  const b = node.args.length > 1 ? (values[node.args[1]!] ?? NaN) : 0;
  const out = values[site] ?? NaN;
  for (const e of graph.inEdges[site] ?? []) {
    const edge = graph.edges[e];
    if (edge) partials[e] = rule.partial(edge.argIndex, a, b, out);
  }
  return { ...evaluation, partials };
}

function buggySteps(
  graph: Graph,
  evaluation: Evaluation,
  bug: Bug,
): { steps: Step[]; adjoints: Float64Array } {
  const { opIndex } = graph.tape;
  const { values, partials } = evaluation;
  const steps: Step[] = [];
  for (let i = 0; i < opIndex.length; i++) {
    if (opIndex[i] !== OP_CONSTANT) steps.push({ kind: 'evaluate', node: i, value: values[i]! });
  }
  const adjoints = new Float64Array(opIndex.length);
  if (graph.output < 0) return { steps, adjoints };
  const order = propagationOrder(graph);
  const passes = bug.kind === 'twice' ? 2 : 1;
  for (let pass = 0; pass < passes; pass++) {
    adjoints[graph.output] = 1;
    steps.push({ kind: 'seed-adjoint', node: graph.output, adjoint: 1 });
    for (const i of order) {
      const adjoint = adjoints[i]!;
      const here = bug.site === undefined || bug.site === i;
      const contributions: Contribution[] = [];
      for (const { to, edge } of argumentEdges(graph, i)) {
        if (bug.kind === 'drop' && edge === bug.site) continue;
        const partial = partials[edge]!;
        const amount = bug.kind === 'no-chain' && here ? partial : adjoint * partial;
        const before = adjoints[to]!;
        const after = bug.kind === 'assign' && here ? amount : before + amount;
        adjoints[to] = after;
        contributions.push({ edge, from: i, to, partial, amount, before, after });
      }
      steps.push({ kind: 'propagate', node: i, adjoint, contributions });
    }
  }
  return { steps, adjoints };
}

const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** Nodes whose adjoint `step` sets. */
function touched(step: Step | undefined): number[] {
  if (!step) return [];
  if (step.kind === 'seed-adjoint') return [step.node];
  if (step.kind === 'propagate') return step.contributions.map((c) => c.to);
  return [];
}

function applyStep(adjoints: Float64Array, step: Step | undefined): void {
  if (!step) return;
  if (step.kind === 'seed-adjoint') adjoints[step.node] = step.adjoint;
  if (step.kind === 'propagate') for (const c of step.contributions) adjoints[c.to] = c.after;
}

/** The first step after which the two passes' adjoints differ (replayed side by side). */
export function firstDeparture(
  correct: readonly Step[],
  buggy: readonly Step[],
  size: number,
): BugDeparture | null {
  const good = new Float64Array(size);
  const bad = new Float64Array(size);
  for (let k = 0; k < buggy.length; k++) {
    const b = buggy[k];
    const g = correct[k];
    applyStep(good, g);
    applyStep(bad, b);
    for (const n of [...touched(b), ...touched(g)]) {
      if (!same(good[n]!, bad[n]!)) {
        const node = b && (b.kind === 'propagate' || b.kind === 'seed-adjoint') ? b.node : n;
        return { step: k + 1, node, receiver: n };
      }
    }
  }
  return null;
}

/** The default site of a bug that needs one: see `bugSites`. */
function resolve(graph: Graph, correct: Trace, bug: Bug): Bug {
  if (bug.site !== undefined || (bug.kind !== 'drop' && bug.kind !== 'wrong-rule')) return bug;
  const sites = bugSites(correct, bug.kind);
  if (bug.kind === 'drop') {
    // A forgotten path teaches most where a node has several: prefer an edge into a fan-out node.
    const fanIn = new Map<number, number>();
    for (const i of propagationOrder(graph))
      for (const { to } of argumentEdges(graph, i)) fanIn.set(to, (fanIn.get(to) ?? 0) + 1);
    const fan = sites.find((e) => (fanIn.get(graph.edges[e]?.from ?? -1) ?? 0) > 1);
    const site = fan ?? sites[0];
    return site === undefined ? bug : { kind: bug.kind, site };
  }
  const site = sites[0];
  return site === undefined ? bug : { kind: bug.kind, site };
}

/** The reverse pass with `bug`, beside `correct` (a reverse trace from `buildTrace`). */
export function buggyPass(correct: Trace, bug: Bug): BuggyPass {
  const { graph } = correct;
  const resolved = resolve(graph, correct, bug);
  const evaluation =
    resolved.kind === 'wrong-rule' && resolved.site !== undefined
      ? withWrongRule(graph, correct.evaluation, resolved.site)
      : correct.evaluation;
  // A site that is not a place for this bug (a stale link, another formula) changes nothing.
  const valid =
    resolved.site === undefined || candidateSites(graph, resolved.kind).includes(resolved.site);
  const effective: Bug = valid ? resolved : { kind: resolved.kind, site: -1 };
  const { steps, adjoints } = buggySteps(graph, evaluation, effective);
  const trace: Trace = { mode: 'reverse', graph, evaluation, steps };
  const departure = firstDeparture(correct.steps, steps, graph.nodes.length);
  return { bug: resolved, trace, adjoints, departure };
}

/** Every place the bug could be made on this graph, in the order the reverse pass reaches them. */
export function candidateSites(graph: Graph, kind: BugKind): number[] {
  const order = propagationOrder(graph);
  switch (kind) {
    case 'drop':
      return order.flatMap((i) => argumentEdges(graph, i).map((e) => e.edge));
    case 'twice':
      return [];
    default:
      return order.filter((i) => argumentEdges(graph, i).length > 0);
  }
}

/** The places where the bug changes some adjoint at this point (a bug elsewhere would go unseen). */
export function bugSites(correct: Trace, kind: BugKind): number[] {
  if (kind === 'twice') return [];
  // Bounded: a huge formula gets its first sites only (each costs one buggy pass).
  return candidateSites(correct.graph, kind)
    .slice(0, 200)
    .filter((site) => buggyPass(correct, { kind, site }).departure !== null);
}

/** The node whose backward step holds the mistake (a dropped edge: its consumer); null if none. */
export function bugNode(graph: Graph, bug: Bug): number | null {
  if (bug.site === undefined || bug.kind === 'twice') return null;
  if (bug.kind === 'drop') return graph.edges[bug.site]?.to ?? null;
  return graph.nodes[bug.site] ? bug.site : null;
}

/** The gradient check of the buggy pass: its input adjoints against finite differences. */
export function checkBuggyPass(
  pass: BuggyPass,
  point: Record<string, number>,
  options: CheckOptions = {},
): CheckRow[] {
  const { graph } = pass.trace;
  const ad = graph.inputs.map((node) => pass.adjoints[node] ?? NaN);
  return checkAgainst(graph, point, ad, options);
}
