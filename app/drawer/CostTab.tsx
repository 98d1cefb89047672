import { useDeferredValue } from 'react';
import { appStore, useApp } from '../store/appStore.ts';
import { selectTreeAndDag } from '../store/teachData.ts';
import { CostPanel } from '../teach/CostPanel.tsx';
import { ForwardPasses } from '../teach/ForwardPasses.tsx';
import { JacobianCostNote } from '../panels/JacobianPanel.tsx';

/** Put one pass on the graph from its start and play it, so the class watches that pass. */
function showPass(mode: 'forward' | 'reverse', variable?: string): void {
  const app = appStore.getState();
  if (variable !== undefined) app.setSeed({ kind: 'variable', name: variable });
  app.setMode(mode);
  appStore.getState().seek(0);
  appStore.getState().play();
}
const showForward = (variable: string) => showPass('forward', variable);
const showReverse = () => showPass('reverse');

/** The merge toggle (it changes the graph on screen) and the cost of each mode. */
export function CostTab() {
  const merge = useApp((s) => s.merge);
  // The player's mode and seed now (not deferred), so the row marked "on the graph" is never stale.
  const mode = useApp((s) => s.mode);
  const seedVector = useApp((s) => s.derived.seedVector);
  // Compiling the other variant (tree or DAG) waits until the graph on screen has painted.
  const derived = useDeferredValue(useApp((s) => s.derived));
  const pair = selectTreeAndDag(derived);
  return (
    <div className="drawer-stack">
      <div className="drawer-merge">
        <label className="toggle">
          <input
            type="checkbox"
            checked={merge}
            onChange={(e) => appStore.getState().setMerge(e.target.checked)}
          />
          Merge common subexpressions
        </label>
        {/* The headline numbers beside the switch, so the effect is seen without scrolling. */}
        {pair?.merged && (
          <span className="drawer-merge-counts" data-testid="merge-counts">
            tree <strong className="teach-num">{pair.tree.nodes.length}</strong> nodes → DAG{' '}
            <strong className="teach-num">{pair.merged.nodes.length}</strong> nodes
          </span>
        )}
      </div>
      <JacobianCostNote />
      {pair ? (
        <CostPanel
          tree={pair.tree}
          merged={pair.merged}
          mergeOn={derived.merge}
          passes={
            derived.graph &&
            derived.evaluation && (
              <ForwardPasses
                graph={derived.graph}
                evaluation={derived.evaluation}
                mode={mode}
                seedVector={seedVector}
                onShowPass={showForward}
                onShowReverse={showReverse}
              />
            )
          }
        />
      ) : (
        <p className="drawer-empty">The cost comparison appears once the formula is valid.</p>
      )}
    </div>
  );
}
