import { useMemo, type ReactNode } from 'react';
import type { Graph } from '../../ad-core/index.ts';
import { ComparisonTable } from './ComparisonTable.tsx';
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
  const modes = [
    {
      mode: 'forward',
      name: 'Forward',
      passes: fmt(cost.forward.passes),
      aside: 'one per input',
      counts: cost.forward,
    },
    {
      mode: 'reverse',
      name: 'Reverse',
      passes: '1 + 1',
      aside: 'forward, then back',
      counts: cost.reverse,
    },
  ] as const;
  const verdict =
    cost.cheaper === 'tie'
      ? 'Same cost'
      : cost.cheaper === 'reverse'
        ? 'Reverse mode is cheaper'
        : 'Forward mode is cheaper';

  return (
    <section className="teach-panel teach-cost" aria-labelledby={titleId}>
      <h3 id={titleId}>Cost of the full gradient</h3>
      {/* The verdict first: on a projector it is the sentence the class reads. */}
      <p className="teach-verdict">
        <strong>{verdict}.</strong> {cost.explanation}
      </p>
      <p className="teach-note">
        {fmt(cost.ops)} operations and {fmt(cost.edges)} derivative-carrying edges on the{' '}
        {mergeOn && merged ? 'merged' : ''} tape; {n} {n === 1 ? 'input' : 'inputs'}, 1 output. One
        operation = one op evaluated or one multiply-add along an edge.
      </p>
      <ComparisonTable
        aria-label="Cost by mode"
        columns={['Mode', 'Passes', 'Op evaluations', 'Multiply-adds', 'Total']}
        rows={modes.map(({ mode, name, passes, aside, counts }) => ({
          key: mode,
          head: `${name}${cost.cheaper === mode ? ' ✓' : ''}`,
          attrs: { className: cost.cheaper === mode ? 'is-cheaper' : undefined, 'data-mode': mode },
          cells: (
            <>
              <td>
                <span className="teach-num">{passes}</span>
                <span className="teach-aside">{aside}</span>
              </td>
              <td className="teach-num">{fmt(counts.evaluations)}</td>
              <td className="teach-num">{fmt(counts.multiplyAdds)}</td>
              <td className="teach-num" data-total={counts.total}>
                {fmt(counts.total)}
              </td>
            </>
          ),
        }))}
      />
      {passes}
      {merge && (
        <>
          <h3>Merging common subexpressions</h3>
          <ComparisonTable
            aria-label="Node counts with and without merging"
            columns={['Graph', 'Nodes', 'Operations']}
            rows={[
              {
                key: 'tree',
                name: 'As written (tree)',
                shown: !mergeOn,
                nodes: merge.treeNodes,
                ops: merge.treeOps,
              },
              {
                key: 'merged',
                name: 'Merged (shared DAG)',
                shown: mergeOn,
                nodes: merge.mergedNodes,
                ops: merge.mergedOps,
              },
            ].map(({ key, name, shown, nodes, ops }) => ({
              key,
              head: `${name}${shown ? ' — shown' : ''}`,
              attrs: { className: shown ? 'is-shown' : undefined },
              cells: (
                <>
                  <td className="teach-num">{fmt(nodes)}</td>
                  <td className="teach-num">{fmt(ops)}</td>
                </>
              ),
            }))}
          />
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
