// One forward-mode step as dual arithmetic: the op's dual rule, then the same with this step's
// numbers, `(2 + 1ε)·(5 + 0ε) = 10 + (1·5 + 0·2)ε = 10 + 5ε`; ε² = 0 is said once, at the first
// step that needs it.
import { formatNumber } from '../../ad-core/index.ts';
import type { Step, Trace } from '../../ad-core/index.ts';
import { dualRuleFor, dualText, substitute } from './dualRules.ts';

const DOT = '\u0307';
const dotted = (name: string) => (name.startsWith('v') ? `v${DOT}${name.slice(1)}` : name);
const signed = (x: number) =>
  x < 0 || Object.is(x, -0) ? `(${formatNumber(x)})` : formatNumber(x);

/** Every node's tangent as the forward trace records it (constants 0). */
function tangentsOf(trace: Trace): Float64Array {
  const t = new Float64Array(trace.graph.nodes.length);
  for (const s of trace.steps)
    if (s.kind === 'evaluate' && s.tangent !== undefined) t[s.node] = s.tangent;
  return t;
}

/**
 * Where ε² = 0 is said (1-based step; 0 if nowhere): the first product of two dual numbers, where
 * the b·d·ε² term visibly appears and vanishes; without one, the first op whose rule needs it.
 */
export function epsilonSquaredStep(trace: Trace): number {
  const { graph } = trace;
  const ruleAt = (s: Step) => {
    if (s.kind !== 'evaluate') return null;
    const node = graph.nodes[s.node];
    return node?.kind === 'op' ? { node, rule: dualRuleFor(node.op) } : null;
  };
  const product = trace.steps.findIndex((s) => {
    const r = ruleAt(s);
    return (
      r !== null &&
      r.rule !== null &&
      PRODUCT.test(r.rule.expression) &&
      r.node.args.every((id) => graph.nodes[id]?.kind !== 'constant')
    );
  });
  if (product >= 0) return product + 1;
  return trace.steps.findIndex((s) => ruleAt(s)?.rule?.nonlinear ?? false) + 1;
}

/** A rule whose value is the product of its two arguments. */
const PRODUCT = /^a ?· ?c$/;

/** The dual-number lines of step `k` (1-based) of a forward trace; [] where there is nothing to say. */
export function dualLines(trace: Trace, k: number): string[] {
  if (trace.mode !== 'forward') return [];
  const step: Step | undefined = trace.steps[k - 1];
  if (!step || step.kind !== 'evaluate' || step.tangent === undefined) return [];
  const { graph, evaluation } = trace;
  const node = graph.nodes[step.node];
  if (!node) return [];
  const own = dualText(step.value, step.tangent);
  if (node.kind === 'input') {
    const name = node.variable ?? node.label;
    return [`${node.name} = ${name} + ${dotted(node.name)}ε (its seed is the ε part) = ${own}`];
  }
  const rule = dualRuleFor(node.op);
  if (!rule) return [];
  const tangents = tangentsOf(trace);
  const values = evaluation.values;
  const args = node.args.map((id) => dualText(values[id] ?? NaN, tangents[id] ?? 0));
  const terms = (step.contributions ?? []).map(
    (c) => `${signed(tangents[c.from] ?? NaN)}·${signed(c.partial)}`,
  );
  const epsilon =
    terms.length === 0 ? '0' : terms.length === 1 ? terms[0]! : `(${terms.join(' + ')})`;
  const lines = [
    rule.text,
    `${node.name} = ${substitute(rule.expression, args)} = ${formatNumber(step.value)} + ${epsilon}ε = ${own}`,
  ];
  if (k === epsilonSquaredStep(trace)) {
    lines.push(
      rule && PRODUCT.test(rule.expression)
        ? 'ε² = 0 is used here: multiplying out gives one more term, b·d·ε², and it vanishes because ε² = 0. That is why the ε part is exactly the derivative.'
        : 'ε² = 0 is used here: the Taylor series f(a) + f′(a)·bε + ½f″(a)·b²ε² + … stops after the ε term because ε² = 0. That is why the ε part is exactly the derivative.',
    );
  }
  return lines;
}
