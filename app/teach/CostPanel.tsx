import { useMemo, type ReactNode } from 'react';
import type { Graph } from '../../ad-core/index.ts';
import { compareMerge, compareModes } from './cost.ts';
import { useSafeId } from './use-safe-id.ts';
import './teach.css';

export interface CostPanelProps {
  /** The graph as written: repeated subexpressions kept separate (what a tape records). */
  tree: Graph;
  /** The same formula compiled with `mergeCommonSubexpressions: true`; null if not available. */
  merged: Graph | null;
  /** Whether the playground currently shows the merged graph (the store's toggle). */
  mergeOn: boolean;
  /** Shown right under the cost table (the gradient built pass by pass, in the drawer). */
  passes?: ReactNode;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Forward versus reverse mode on the current formula, and what merging subexpressions saves. */
export function CostPanel({ tree, merged, mergeOn, passes }: CostPanelProps) {
  const titleId = useSafeId('teach-cost');
  const current = mergeOn && merged ? merged : tree;
  const cost = useMemo(() => compareModes(current), [current]);
  const merge = useMemo(() => (merged ? compareMerge(tree, merged) : null), [tree, merged]);
  const n = cost.inputs;
  const verdict =
    cost.cheaper === 'tie' ? 'Same cost' : cost.cheaper === 'reverse' ? 'Reverse mode is cheaper' : 'Forward mode is cheaper';

  return (
    <section className="teach-panel teach-cost" aria-labelledby={titleId}>
      <h3 id={titleId}>Cost of the full gradient</h3>
      {/* The verdict first: on a projector it is the sentence the class reads. */}
      <p className="teach-verdict">
        <strong>{verdict}.</strong> {cost.explanation}
      </p>
      <p className="teach-note">
        {fmt(cost.ops)} operations and {fmt(cost.edges)} derivative-carrying edges on the {mergeOn && merged ? 'merged' : ''}{' '}
        tape; {n} {n === 1 ? 'input' : 'inputs'}, 1 output. One operation = one op evaluated or one multiply-add
        along an edge.
      </p>
      <table aria-label="Cost by mode">
        <thead>
          <tr>
            <th scope="col">Mode</th>
            <th scope="col">Passes</th>
            <th scope="col">Op evaluations</th>
            <th scope="col">Multiply-adds</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          <tr className={cost.cheaper === 'forward' ? 'is-cheaper' : undefined} data-mode="forward">
            <th scope="row">Forward{cost.cheaper === 'forward' ? ' ✓' : ''}</th>
            <td>
              <span className="teach-num">{fmt(cost.forward.passes)}</span>
              <span className="teach-aside">one per input</span>
            </td>
            <td className="teach-num">{fmt(cost.forward.evaluations)}</td>
            <td className="teach-num">{fmt(cost.forward.multiplyAdds)}</td>
            <td className="teach-num" data-total={cost.forward.total}>
              {fmt(cost.forward.total)}
            </td>
          </tr>
          <tr className={cost.cheaper === 'reverse' ? 'is-cheaper' : undefined} data-mode="reverse">
            <th scope="row">Reverse{cost.cheaper === 'reverse' ? ' ✓' : ''}</th>
            <td>
              <span className="teach-num">1 + 1</span>
              <span className="teach-aside">forward, then back</span>
            </td>
            <td className="teach-num">{fmt(cost.reverse.evaluations)}</td>
            <td className="teach-num">{fmt(cost.reverse.multiplyAdds)}</td>
            <td className="teach-num" data-total={cost.reverse.total}>
              {fmt(cost.reverse.total)}
            </td>
          </tr>
        </tbody>
      </table>
      {passes}
      {merge && (
        <>
          <h3>Merging common subexpressions</h3>
          <table aria-label="Node counts with and without merging">
            <thead>
              <tr>
                <th scope="col">Graph</th>
                <th scope="col">Nodes</th>
                <th scope="col">Operations</th>
              </tr>
            </thead>
            <tbody>
              <tr className={!mergeOn ? 'is-shown' : undefined}>
                <th scope="row">As written (tree){!mergeOn ? ' — shown' : ''}</th>
                <td className="teach-num">{fmt(merge.treeNodes)}</td>
                <td className="teach-num">{fmt(merge.treeOps)}</td>
              </tr>
              <tr className={mergeOn ? 'is-shown' : undefined}>
                <th scope="row">Merged (shared DAG){mergeOn ? ' — shown' : ''}</th>
                <td className="teach-num">{fmt(merge.mergedNodes)}</td>
                <td className="teach-num">{fmt(merge.mergedOps)}</td>
              </tr>
            </tbody>
          </table>
          <p>
            {merge.saved > 0
              ? `Merging computes each repeated subexpression once: ${fmt(merge.saved)} fewer ${merge.saved === 1 ? 'node' : 'nodes'}. The shared node then has several consumers, so in the reverse pass its adjoint is the sum of their contributions.`
              : 'This formula repeats no subexpression, so merging changes nothing.'}
          </p>
        </>
      )}
    </section>
  );
}
