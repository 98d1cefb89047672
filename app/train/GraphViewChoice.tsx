import { useId } from 'react';
import { BATCH_MEAN, BATCH_REST, batchRowName } from '../../ad-core/index.ts';
import { trainingActions, useTraining } from '../store/training.ts';

/**
 * "Graph: one example / batch". The batch view draws each row of the next step's batch as a
 * collapsed block feeding the mean, so its reverse pass ends with the step's batch gradient.
 */
export function GraphViewChoice() {
  const view = useTraining((s) => s.graphView);
  const batch = useTraining((s) => s.batch);
  const model = useTraining((s) => s.model);
  const id = useId();
  let note: string | null = null;
  if (view === 'batch' && batch) {
    if (batch.ok) {
      const { rows, drawn } = batch.batch;
      const n = rows.length;
      const first = batchRowName(rows[0]!);
      const last = batchRowName(rows[drawn - 1]!);
      const named = drawn === 1 ? first : `${first} … ${last}`;
      note =
        drawn < n
          ? `The graph: ${named} as blocks, the other ${n - drawn} rows summed in the block ${BATCH_REST}, all feeding ${BATCH_MEAN} = (sum)/${n}. Its reverse pass ends with this step's batch gradient.`
          : `The graph: ${named} as blocks feeding ${BATCH_MEAN} = (sum)/${n}. The mean's adjoint 1 reaches each row as 1/${n}; the reverse pass ends with this step's batch gradient.`;
    } else {
      note = `This batch would be a graph of ${batch.nodes.toLocaleString('en')} nodes (${batch.rowCount} rows); the batch view draws up to ${Math.max(1, batch.maxRows)} rows of this formula — choose a smaller batch size.`;
    }
  }
  return (
    <div className="train-view">
      <fieldset className="train-view-choice" disabled={!model}>
        <legend>Graph</legend>
        <label>
          <input
            type="radio"
            name={`${id}-view`}
            checked={view === 'example'}
            onChange={() => trainingActions.setGraphView('example')}
          />
          One example
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-view`}
            checked={view === 'batch'}
            onChange={() => trainingActions.setGraphView('batch')}
          />
          Batch
        </label>
      </fieldset>
      {note && (
        <p
          className={batch && !batch.ok ? 'train-note train-error' : 'train-note'}
          data-testid="batch-note"
          role={batch && !batch.ok ? 'alert' : undefined}
        >
          {note}
        </p>
      )}
    </div>
  );
}
