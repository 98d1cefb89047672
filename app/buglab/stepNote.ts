// What the bug did at one step of the buggy pass, in words and numbers, next to the step's usual
// explanation (which shows the buggy numbers as they were computed).
import { bugInfo, formatNumber, OPS_BY_ID, wrongRuleFor } from '../../ad-core/index.ts';
import type { Contribution, Graph, Step } from '../../ad-core/index.ts';
import type { BugView } from '../store/bugs.ts';

const BAR = '\u0304';
const bar = (name: string) => (name.startsWith('v') ? `v${BAR}${name.slice(1)}` : name);
const fmt = (x: number) => formatNumber(x);
const signed = (x: number) => (x < 0 ? `(${fmt(x)})` : fmt(x));

function nameOf(graph: Graph, id: number): string {
  return graph.nodes[id]?.name ?? '?';
}

/** The right-hand side of an ops-table rule text (`∂sin(a)/∂a = cos(a)` → `cos(a)`). */
function ruleLine(text: string | undefined): string {
  return text ?? '';
}

function contributionLine(graph: Graph, c: Contribution, adjoint: number): string {
  return `${bar(nameOf(graph, c.from))} · ∂${nameOf(graph, c.from)}/∂${nameOf(graph, c.to)} = ${fmt(adjoint)} · ${signed(c.partial)} = ${fmt(adjoint * c.partial)}`;
}

/** The note for step `k` (1-based) of the buggy trace; null where the step is the correct one. */
export function bugStepNote(view: BugView, k: number): string | null {
  const { pass, correct } = view;
  const graph = correct.graph;
  const step: Step | undefined = pass.trace.steps[k - 1];
  if (!step) return null;
  const title = bugInfo(pass.bug.kind).title;
  if (pass.bug.kind === 'twice') {
    if (k <= correct.steps.length) return null;
    if (step.kind === 'seed-adjoint')
      return `Bug (${title}): backward() runs again. The output is seeded with 1, but every other adjoint still holds what the first pass left — nothing was reset to 0.`;
    if (step.kind === 'propagate' && step.contributions.length > 0) {
      const c = step.contributions[0]!;
      return `Bug (${title}): second pass. ${bar(nameOf(graph, c.to))} already held ${fmt(c.before)} from the first pass; adding ${fmt(c.amount)} again gives ${fmt(c.after)}.`;
    }
    return null;
  }
  const good = correct.steps[k - 1];
  if (step.kind !== 'propagate' || good?.kind !== 'propagate') return null;
  const notes: string[] = [];
  const node = graph.nodes[step.node];
  for (const g of good.contributions) {
    const b = step.contributions.find((c) => c.edge === g.edge);
    const to = bar(nameOf(graph, g.to));
    if (!b) {
      notes.push(
        `the contribution ${contributionLine(graph, g, step.adjoint)} never reaches ${to}: this path is forgotten.`,
      );
      continue;
    }
    if (pass.bug.kind === 'wrong-rule' && b.partial !== g.partial && node) {
      const arg = graph.edges[g.edge]?.argIndex ?? 0;
      const wrong = wrongRuleFor(node.op)?.text[arg];
      const right = OPS_BY_ID[node.op]?.partialText[arg];
      notes.push(
        `this step used ${ruleLine(wrong)} = ${fmt(b.partial)}; the right rule is ${ruleLine(right)} = ${fmt(g.partial)}.`,
      );
    }
    if (pass.bug.kind === 'no-chain' && b.amount !== b.partial * step.adjoint) {
      notes.push(
        `the contribution to ${to} is the local partial ${fmt(b.partial)} alone; with the chain factor ${bar(node?.name ?? '?')} = ${fmt(step.adjoint)} it is ${fmt(step.adjoint * b.partial)}.`,
      );
    }
    if (pass.bug.kind === 'assign' && b.after !== b.before + b.amount) {
      notes.push(
        `${to} = ${fmt(b.amount)} overwrote the ${fmt(b.before)} already there; accumulated, it is ${fmt(b.before)} + ${signed(b.amount)} = ${fmt(b.before + b.amount)}.`,
      );
    }
  }
  return notes.length === 0 ? null : `Bug (${title}): ${notes.join(' Also, ')}`;
}
