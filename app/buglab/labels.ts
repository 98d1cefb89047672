// Words for the bug lab: where a bug is planted and where its pass departs from the correct one.
import { OPS_BY_ID, wrongRuleFor } from '../../ad-core/index.ts';
import type { BugKind, BuggyPass, Graph } from '../../ad-core/index.ts';
import { operationText } from '../teach/trace-rows.ts';

const BAR = '\u0304';
const bar = (name: string) => (name.startsWith('v') ? `v${BAR}${name.slice(1)}` : name);

function nodeText(graph: Graph, id: number): string {
  const node = graph.nodes[id];
  return node ? operationText(graph, node) : '?';
}

/** A site as an option: a dropped edge `v₀ → v₃`, or an operation with its wrong rule. */
export function siteLabel(graph: Graph, kind: BugKind, site: number): string {
  if (kind === 'drop') {
    const edge = graph.edges[site];
    if (!edge) return '?';
    const from = graph.nodes[edge.from]?.name ?? '?';
    const to = graph.nodes[edge.to]?.name ?? '?';
    return `${bar(from)} misses ${bar(to)} · ∂${to}/∂${from}  (edge ${from} → ${to})`;
  }
  const node = graph.nodes[site];
  if (!node) return '?';
  if (kind === 'wrong-rule') {
    const wrong = wrongRuleFor(node.op)?.text.join(', ') ?? '';
    return `${nodeText(graph, site)}: ${wrong}`;
  }
  return nodeText(graph, site);
}

/** The right rule of a node's op, as the ops table writes it. */
export function rightRule(graph: Graph, id: number): string {
  const node = graph.nodes[id];
  return node ? (OPS_BY_ID[node.op]?.partialText.join(', ') ?? '') : '';
}

/** Where the pass departs, or why this bug changes nothing here. */
export function departureText(graph: Graph, pass: BuggyPass, correctSteps: number): string {
  const d = pass.departure;
  if (!d) {
    const why: Record<BugKind, string> = {
      assign: 'no adjoint receives two contributions (no value is used twice), so = and += agree',
      drop: 'every contribution it could drop is 0',
      'wrong-rule': 'the wrong rule gives the same number at this point',
      'no-chain': 'every adjoint that flows back is 1, so leaving it out changes nothing',
      twice: 'the output does not depend on the inputs',
    };
    return `On this formula at this point the bug changes nothing: ${why[pass.bug.kind]}. Try another formula or point.`;
  }
  const where = nodeText(graph, d.node);
  const second = d.step > correctSteps ? ' (the second backward pass)' : '';
  return `The buggy pass departs from the correct one at step ${d.step}${second}, in the backward step of ${where}: ${bar(graph.nodes[d.receiver]?.name ?? '?')} is the first adjoint that differs.`;
}
