import { dataNumber, focusedIndex, formatNumber, outputName } from '../../ad-core/index.ts';
import { useApp } from '../store/appStore.ts';

export function OutputValue() {
  const graph = useApp((s) => s.derived.graph);
  const evaluation = useApp((s) => s.derived.evaluation);
  const stale = useApp((s) => s.derived.stale);
  if (!graph || !evaluation) return null;
  const value = evaluation.values[graph.output] ?? Number.NaN;
  const nonFinite = !Number.isFinite(value);
  return (
    <div className={`output${stale ? ' stale-panel' : ''}`}>
      <span className="field-label">
        Output {graph.outputs.length > 1 ? outputName(focusedIndex(graph)) : 'f'} =
      </span>{' '}
      <span
        data-testid="output-value"
        className={`output-value num${nonFinite ? ' nonfinite' : ''}`}
        data-value={dataNumber(value)}
        title={dataNumber(value)}
      >
        {formatNumber(value)}
      </span>
      {nonFinite && <span className="badge badge-warn">not a finite number</span>}
      {stale && <span className="muted small-note"> (last formula that worked)</span>}
    </div>
  );
}
