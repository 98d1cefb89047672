// The note in the graph area when the fit collapsed blocks: how many, and that any of them opens.
import { blocksOf } from '../../ad-core/index.ts';
import { appStore, useApp } from '../store/appStore.ts';
import { collapsedNames } from '../store/blocks.ts';

export function BlockNotice() {
  const graph = useApp((s) => s.derived.graph);
  const collapseUser = useApp((s) => s.collapseUser);
  const collapseAuto = useApp((s) => s.collapseAuto);
  // The "last valid formula" note takes this corner while the text does not compile.
  const stale = useApp((s) => s.derived.stale);
  if (!graph || stale) return null;
  const names = new Set(blocksOf(graph).map((b) => b.name));
  const shown = new Set(collapsedNames({ collapseUser, collapseAuto, derived: { graph } }));
  const byFit = collapseAuto.filter((n) => names.has(n) && !collapseUser.has(n) && shown.has(n));
  if (byFit.length === 0) return null;
  const expandAll = () => {
    for (const name of byFit) appStore.getState().toggleBlock(name);
  };
  return (
    <p className="gv-blocks-note" role="status" data-testid="blocks-note">
      <span>
        {byFit.length} {byFit.length === 1 ? 'block' : 'blocks'} collapsed to fit — expand any
      </span>
      <button type="button" onClick={expandAll}>
        Expand all
      </button>
    </p>
  );
}
