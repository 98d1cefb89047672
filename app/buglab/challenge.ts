// `Find the bug`: a bug hidden on one node of the current formula, chosen by a seed so a round can
// be replayed, and the grading of the node the learner suspects.
import {
  bugInfo,
  bugNode,
  bugSites,
  formatNumber,
  mulberry32,
  OPS_BY_ID,
  wrongRuleFor,
} from '../../ad-core/index.ts';
import type { Bug, BugKind, BuggyPass, Graph, Trace } from '../../ad-core/index.ts';
import { operationText } from '../teach/trace-rows.ts';

/** The bugs a challenge may hide: each sits in one node's backward step. */
export const HIDEABLE: readonly BugKind[] = ['assign', 'drop', 'wrong-rule', 'no-chain'];

/** A small seeded generator (mulberry32): the same seed gives the same round. */
export const seededRandom: (seed: number) => () => number = mulberry32;

/**
 * A hidden bug for `correct` (a reverse trace): a kind, then a site where it changes the gradient,
 * both drawn from `seed`. null when no bug can show on this formula (e.g. `x`).
 */
export function pickHiddenBug(correct: Trace, seed: number): Bug | null {
  const random = seededRandom(seed);
  const options = HIDEABLE.map((kind) => ({ kind, sites: bugSites(correct, kind) })).filter(
    (o) => o.sites.length > 0,
  );
  if (options.length === 0) return null;
  const { kind, sites } = options[Math.floor(random() * options.length)]!;
  return { kind, site: sites[Math.floor(random() * sites.length)]! };
}

export interface Verdict {
  right: boolean;
  /** The node the bug is in. */
  answer: number;
  message: string;
}

function nodeText(graph: Graph, id: number): string {
  const node = graph.nodes[id];
  return node ? operationText(graph, node) : '?';
}

const BAR = '\u0304';
const bar = (name: string) => (name.startsWith('v') ? `v${BAR}${name.slice(1)}` : name);

/** What the bug did, with the correct and the buggy contribution. */
export function whatWentWrong(correct: Trace, pass: BuggyPass): string {
  const { graph } = correct;
  const bug = pass.bug;
  const node = bugNode(graph, bug);
  const d = pass.departure;
  if (node === null || !d) return '';
  const good = correct.steps[d.step - 1];
  const bad = pass.trace.steps[d.step - 1];
  if (good?.kind !== 'propagate' || bad?.kind !== 'propagate') return '';
  const to = graph.nodes[d.receiver]?.name ?? '?';
  const g = good.contributions.find((c) => c.to === d.receiver);
  const b = bad.contributions.find((c) => c.to === d.receiver);
  const right = g
    ? `${bar(to)} += ${formatNumber(good.adjoint)} · ${formatNumber(g.partial)} = ${formatNumber(g.amount)}`
    : '';
  const n = graph.nodes[node];
  switch (bug.kind) {
    case 'assign':
      return `Its backward step assigned instead of accumulating: ${bar(to)} = ${formatNumber(b?.amount ?? NaN)} threw away the ${formatNumber(b?.before ?? NaN)} already there (right: ${formatNumber(g?.after ?? NaN)}).`;
    case 'drop':
      return `Its backward step never passed anything to ${to}: the contribution ${right} is missing.`;
    case 'wrong-rule': {
      const arg = g ? (graph.edges[g.edge]?.argIndex ?? 0) : 0;
      const wrong = n ? wrongRuleFor(n.op)?.text[arg] : '';
      const rule = n ? OPS_BY_ID[n.op]?.partialText[arg] : '';
      return `It used the rule ${wrong ?? ''} (giving ${formatNumber(b?.partial ?? NaN)}) instead of ${rule ?? ''} (${formatNumber(g?.partial ?? NaN)}): right ${right}, buggy ${bar(to)} += ${formatNumber(b?.amount ?? NaN)}.`;
    }
    case 'no-chain':
      return `Its backward step left out its own adjoint ${formatNumber(good.adjoint)}: it added ${formatNumber(b?.amount ?? NaN)} to ${bar(to)} instead of ${right}.`;
    case 'twice':
      return '';
  }
}

/** Grade a suspected node against the hidden bug. */
export function gradeGuess(correct: Trace, pass: BuggyPass, guess: number): Verdict {
  const { graph } = correct;
  const answer = bugNode(graph, pass.bug) ?? -1;
  const title = bugInfo(pass.bug.kind).title;
  const where = nodeText(graph, answer);
  const detail = whatWentWrong(correct, pass);
  if (guess === answer) {
    return { right: true, answer, message: `Right: the bug is in ${where} — ${title}. ${detail}` };
  }
  const suspect = graph.nodes[guess];
  const why =
    suspect?.kind === 'input'
      ? `${nodeText(graph, guess)} is an input: it has no backward step, its adjoint only collects what flows in.`
      : `${nodeText(graph, guess)} passes its adjoint back correctly; if its own adjoint is off, the error flowed into it from later.`;
  return {
    right: false,
    answer,
    message: `Not quite: ${why} The bug is in ${where} — ${title}. ${detail}`,
  };
}
