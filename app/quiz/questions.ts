// What the quiz asks before each step is revealed. A step that computes something asks for it:
// a forward-pass step for the node's value (and in forward mode also its tangent), a reverse
// step for each argument's adjoint *after* the step, i.e. the running sum including what the
// argument already held, because that is the number the graph will show next. Steps that
// compute nothing (inputs, seeds, a node with only constant arguments) are given, not asked.
import { formatNumber, type Step, type Trace } from '../../ad-core/index.ts';
import {
  adjointName,
  definitionOf,
  equationOf,
  localDerivativeLines,
  tangentName,
} from './definition.ts';

export type Quantity = 'value' | 'tangent' | 'adjoint';

export interface Question {
  /** The step (1-based) whose result this is; answering all its questions reveals it. */
  step: number;
  /** The node whose value, tangent or adjoint is asked. */
  node: number;
  quantity: Quantity;
  /** The asked quantity's symbol: `v₂`, `v̇₂`, `v̄₋₁`. */
  symbol: string;
  expected: number;
  /** What is asked, in one line: `v₂ = v₋₁ · v₀: its value?` */
  prompt: string;
  /** How to get it, without the numbers. */
  hint: string;
}

function evaluateQuestions(trace: Trace, k: number, step: Extract<Step, { kind: 'evaluate' }>): Question[] {
  const { graph } = trace;
  const node = graph.nodes[step.node]!;
  if (node.kind !== 'op') return [];
  const qs: Question[] = [
    {
      step: k,
      node: node.id,
      quantity: 'value',
      symbol: node.name,
      expected: step.value,
      prompt: `Value of ${equationOf(graph, node)}`,
      hint: `Apply ${definitionOf(graph, node)} to the values already on the graph.`,
    },
  ];
  if (step.tangent !== undefined) {
    qs.push({
      step: k,
      node: node.id,
      quantity: 'tangent',
      symbol: tangentName(node),
      expected: step.tangent,
      prompt: `Tangent ${tangentName(node)} of ${equationOf(graph, node)}`,
      hint: `Sum over its arguments: tangent of the argument × ∂${node.name}/∂argument.`,
    });
  }
  return qs;
}

function propagateQuestions(trace: Trace, k: number, step: Extract<Step, { kind: 'propagate' }>): Question[] {
  const { graph } = trace;
  const node = graph.nodes[step.node]!;
  // One question per argument receiving adjoint; `x*x` sends two contributions to one node,
  // and what the graph shows afterwards is the sum of both.
  const last = new Map<number, { before: number; after: number }>();
  for (const c of step.contributions) {
    const seen = last.get(c.to);
    last.set(c.to, { before: seen ? seen.before : c.before, after: c.after });
  }
  return [...last].map(([to, { before, after }]) => {
    const arg = graph.nodes[to]!;
    const edges = step.contributions.filter((c) => c.to === to).length;
    return {
      step: k,
      node: to,
      quantity: 'adjoint' as const,
      symbol: adjointName(arg),
      expected: after,
      prompt: `Adjoint ${adjointName(arg)} after this step`,
      hint:
        `It holds ${formatNumber(before)} now; add ${adjointName(node)} · ∂${node.name}/∂${arg.name}` +
        (edges > 1 ? ` once for each of its ${edges} edges into ${node.name}.` : '.'),
    };
  });
}

/** The questions of step `k` (1-based), in the order they are asked; empty when it is given. */
export function questionsFor(trace: Trace, k: number): Question[] {
  const step = trace.steps[k - 1];
  if (!step) return [];
  switch (step.kind) {
    case 'evaluate':
      return evaluateQuestions(trace, k, step);
    case 'propagate':
      return propagateQuestions(trace, k, step);
    case 'seed-adjoint':
    case 'seed-tangents':
      return [];
  }
}

/** Why step `k` is revealed without a question (meaningful only when it has none). */
export function givenReason(trace: Trace, k: number): string {
  const step = trace.steps[k - 1];
  if (!step) return '';
  const { graph } = trace;
  switch (step.kind) {
    case 'evaluate': {
      const n = graph.nodes[step.node]!;
      const seed = step.tangent === undefined ? '' : `, its seed tangent ${tangentName(n)} = ${formatNumber(step.tangent)}`;
      return `Step ${k}: input ${n.name} = ${definitionOf(graph, n)} = ${formatNumber(step.value)}${seed} is given.`;
    }
    case 'seed-adjoint':
      return `Step ${k}: the seed ${adjointName(graph.nodes[step.node]!)} = ∂f/∂f = ${formatNumber(step.adjoint)} is given.`;
    case 'seed-tangents':
      return `Step ${k}: the input tangents (the seed) are given.`;
    case 'propagate':
      return `Step ${k}: ${graph.nodes[step.node]!.name} has only constant arguments, so nothing flows back.`;
  }
}

/**
 * The lines of a step's explanation that compute `q` (those starting with its symbol), so a wrong
 * answer about one argument's adjoint does not also give away the next question's answer.
 */
export function workedLines(lines: readonly string[], q: Pick<Question, 'symbol'>): string[] {
  const own = lines.filter((line) => line.startsWith(`${q.symbol} `));
  return own.length > 0 ? own : [...lines];
}

/**
 * What a wrong answer's feedback says before the worked numbers: a value is evaluated (no chain
 * rule involved); an adjoint first shows the symbolic local derivative it is multiplied by
 * (`∂v₃/∂v₀ = −v₂/v₀²`), then the chain rule's numbers; a tangent, the local derivatives of the
 * node with respect to each argument.
 */
export function feedbackLead(trace: Trace, q: Question): { local: string[]; intro: string } {
  const step = trace.steps[q.step - 1];
  const { graph } = trace;
  if (q.quantity === 'value') return { local: [], intro: 'Evaluate it with the values on the graph:' };
  if (q.quantity === 'adjoint' && step?.kind === 'propagate') {
    const consumer = graph.nodes[step.node]!;
    return {
      local: localDerivativeLines(graph, consumer, q.node),
      intro: 'Times the adjoint flowing back, the chain rule gives:',
    };
  }
  const node = graph.nodes[q.node]!;
  const args = [...new Set(node.args)].filter((id) => graph.nodes[id]?.kind !== 'constant');
  return {
    local: args.flatMap((id) => localDerivativeLines(graph, node, id)),
    intro: 'Times the arguments’ tangents, the chain rule gives:',
  };
}
