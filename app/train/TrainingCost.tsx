import { useId, useMemo, useState } from 'react';
import { gradientCost, graphSize, paramsAt, type GradientCost } from '../../ad-core/index.ts';
import { useTraining } from '../store/training.ts';
import { ComparisonTable } from '../teach/ComparisonTable.tsx';

const count = (n: number) => {
  if (n < 1e7) return Math.round(n).toLocaleString('en');
  if (n < 1e9) return `${(n / 1e6).toPrecision(3)} million`;
  if (n < 1e12) return `${(n / 1e9).toPrecision(3)} billion`;
  return `${(n / 1e12).toPrecision(3)} trillion`;
};

/**
 * What reverse mode saved: one batch gradient by reverse mode (one backward pass per row for all
 * N parameters) against forward mode (N passes) and central differences (2N loss evaluations),
 * counted at the current N and extrapolated by a slider up to a million parameters.
 */
export function TrainingCost() {
  const model = useTraining((s) => s.model);
  const batchSize = useTraining((s) => s.batchSize);
  const id = useId();
  const [position, setPosition] = useState(0);
  const size = useMemo(() => (model ? graphSize(model.graph) : null), [model]);
  if (!model || !size) return <p className="train-note">Fix the data or the roles to count.</p>;
  const n = model.params.length;
  const rowCount = model.table.rowCount;
  const rows = batchSize === null || batchSize >= rowCount ? rowCount : batchSize;
  const now = gradientCost(size, n, n, rows);
  const target = paramsAt(position, n);
  const later = gradientCost(size, n, target, rows);
  const extrapolated = target !== n;
  return (
    <div className="train-cost" data-testid="training-cost">
      <p className="train-note">
        One gradient of the loss over {rows} {rows === 1 ? 'row' : 'rows'}: each row&apos;s graph
        has {size.ops} operations and {size.edges} edges.
      </p>
      <CostTable cost={now} caption={`Cost of one gradient at ${count(n)} parameters`} />
      <label htmlFor={`${id}-n`} className="train-cost-slider">
        Parameters: <strong className="num">{count(target)}</strong>
      </label>
      <input
        id={`${id}-n`}
        type="range"
        min={0}
        max={1000}
        step={1}
        value={Math.round(position * 1000)}
        aria-valuetext={`${count(target)} parameters`}
        onChange={(e) => setPosition(Number(e.target.value) / 1000)}
      />
      {extrapolated && (
        <CostTable
          cost={later}
          caption={`Extrapolated to ${count(target)} parameters (the graph grown in proportion, as a dense network's)`}
        />
      )}
      <p data-testid="cost-saving">
        Reverse mode: <strong>1 backward pass</strong> for all {count(later.params)} parameters,
        against {count(later.forwardPasses)} forward passes or {count(later.fdPasses)} loss
        evaluations — about {count(later.fdOps / later.reverseOps)}× fewer operations than finite
        differences.
      </p>
    </div>
  );
}

function CostTable({ cost, caption }: { cost: GradientCost; caption: string }) {
  const rows: [string, number, number][] = [
    ['Reverse mode', cost.reversePasses, cost.reverseOps],
    ['Forward mode', cost.forwardPasses, cost.forwardOps],
    ['Central differences', cost.fdPasses, cost.fdOps],
  ];
  return (
    <ComparisonTable
      className="train-table train-cost-table"
      caption={caption}
      columns={['Method', 'Passes', 'Operations']}
      rows={rows.map(([name, passes, ops]) => ({
        key: name,
        head: name,
        attrs: { 'data-method': name },
        cells: (
          <>
            <td className="num">{count(passes)}</td>
            <td className="num" data-ops={String(ops)}>
              {count(ops)}
            </td>
          </>
        ),
      }))}
    />
  );
}
