import { appStore, useApp } from '../store/appStore.ts';
import './drawer.css';

/**
 * Shown over the graph while subexpressions are merged: the switch lives in a drawer tab, and a
 * teacher who folds the drawer must still see that the graph is the shared DAG, not the tree.
 */
export function MergeFlag() {
  const merge = useApp((s) => s.merge);
  if (!merge) return null;
  return (
    <button
      type="button"
      className="merge-flag"
      onClick={() => appStore.getState().openDrawerTab('cost')}
    >
      Merged DAG shown
    </button>
  );
}
