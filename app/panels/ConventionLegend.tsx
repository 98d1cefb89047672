// The rule in words for every node marked § on the graph: under the drawing, not under each node,
// so the drawing keeps no room free for rules that rarely apply.
import { useApp } from '../store/appStore.ts';
import './convention-legend.css';

export function ConventionLegend() {
  const graph = useApp((s) => s.derived.graph);
  const conventions = useApp((s) => s.derived.evaluation?.conventions);
  const stale = useApp((s) => s.derived.stale);
  if (!graph || !conventions || conventions.size === 0 || stale) return null;
  return (
    <ul className="convention-legend" aria-label="Derivative conventions used on the graph">
      {[...conventions].map(([id, rule]) => {
        const node = graph.nodes[id];
        return (
          <li key={id}>
            <span className="convention-mark" aria-hidden="true">
              §
            </span>{' '}
            <strong>{node ? `${node.name} (${node.label})` : `node ${id}`}:</strong> {rule}
          </li>
        );
      })}
    </ul>
  );
}
