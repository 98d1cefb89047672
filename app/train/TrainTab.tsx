import { useEffect, useId, useState } from 'react';
import { formatNumber, OPTIMIZERS, isOptimizerId } from '../../ad-core/index.ts';
import { useApp } from '../store/appStore.ts';
import { startTrainingSync, trainingActions, useTraining } from '../store/training.ts';
import { DataTableEditor } from './DataTableEditor.tsx';
import { DescentPath } from './DescentPath.tsx';
import { GradCheckScatter } from './GradCheckScatter.tsx';
import { TrainingCost } from './TrainingCost.tsx';
import { GraphViewChoice } from './GraphViewChoice.tsx';
import { LossCurve } from './LossCurve.tsx';
import { ModelPlot } from './ModelPlot.tsx';
import { ParamTable } from './ParamTable.tsx';
import { useTrainingLoop } from './useTrainingLoop.ts';
import './train.css';

/**
 * Training on the graph the learner knows: the formula is a per-example loss, the Data table its
 * examples, and gradient descent moves the parameters, which the graph shows for one row.
 */
export function TrainTab({ available }: { available: number }) {
  useEffect(() => {
    const stop = startTrainingSync();
    trainingActions.show();
    return () => {
      trainingActions.hide();
      stop();
    };
  }, []);
  useTrainingLoop();
  // The formula's own graph (in the batch view the app shows the batch's).
  const graph = useApp((s) => s.derived.sourceGraph ?? s.derived.graph);
  const model = useTraining((s) => s.model);
  const run = useTraining((s) => s.run);
  const shownRow = useTraining((s) => s.shownRow);
  const logScale = useTraining((s) => s.logScale);
  useTraining((s) => s.version);
  const id = useId();
  if (!graph)
    return (
      <p className="drawer-empty">Type a formula to train: a loss over parameters and data.</p>
    );
  return (
    <div className="train-tab" style={{ maxHeight: available > 0 ? available : undefined }}>
      <TrainControls />
      <div className="train-grid">
        <section aria-labelledby={`${id}-loss`} className="train-box">
          <h3 id={`${id}-loss`}>Loss curve</h3>
          <label className="toggle">
            <input
              type="checkbox"
              checked={logScale}
              onChange={(e) => trainingActions.setLogScale(e.target.checked)}
            />
            Log scale
          </label>
          <LossCurve losses={run?.losses ?? []} logScale={logScale} />
        </section>
        <section aria-labelledby={`${id}-model`} className="train-box">
          <h3 id={`${id}-model`}>The model</h3>
          {model && run ? (
            <ModelPlot model={model} params={run.params} shownRow={shownRow} />
          ) : (
            <p className="train-note">Fix the data or the roles to see the model.</p>
          )}
        </section>
        {model && model.params.length === 2 && (
          <section aria-labelledby={`${id}-path`} className="train-box">
            <h3 id={`${id}-path`}>Descent path</h3>
            <DescentPath model={model} />
          </section>
        )}
        <section aria-labelledby={`${id}-data`} className="train-box">
          <h3 id={`${id}-data`}>Data</h3>
          <DataTableEditor />
        </section>
        <section aria-labelledby={`${id}-params`} className="train-box">
          <h3 id={`${id}-params`}>Parameters and data names</h3>
          <div className="train-data-scroll">
            <ParamTable variables={graph.variables} />
          </div>
        </section>
        <section aria-labelledby={`${id}-check`} className="train-box">
          <h3 id={`${id}-check`}>Gradient check at scale</h3>
          <GradCheckScatter />
        </section>
        <section aria-labelledby={`${id}-cost`} className="train-box">
          <h3 id={`${id}-cost`}>What reverse mode saved</h3>
          <TrainingCost />
        </section>
      </div>
    </div>
  );
}

function TrainControls() {
  const lr = useTraining((s) => s.lr);
  const optimizer = useTraining((s) => s.optimizer);
  const batchSize = useTraining((s) => s.batchSize);
  const seed = useTraining((s) => s.seed);
  const running = useTraining((s) => s.running);
  const model = useTraining((s) => s.model);
  const rows = useTraining((s) => s.table?.rowCount ?? 0);
  const snapshot = useTraining((s) => s.snapshot);
  const steps = useTraining((s) => s.run?.step ?? 0);
  const shownRow = useTraining((s) => s.shownRow);
  const perFrame = useTraining((s) => s.stepsPerFrame);
  const batchView = useTraining((s) => s.graphView === 'batch');
  useTraining((s) => s.version);
  const id = useId();
  const [lrText, setLrText] = useState(String(lr));
  const [lrFor, setLrFor] = useState(lr);
  if (lrFor !== lr) {
    // A preset or link changed the rate: show it (adjusting state during render, not in an effect).
    setLrFor(lr);
    setLrText(String(lr));
  }
  const full = batchSize === null || batchSize >= rows;
  const loss = snapshot?.loss ?? NaN;
  return (
    <div className="train-controls">
      <div className="train-buttons">
        <button type="button" onClick={trainingActions.step} disabled={!model}>
          Train step
        </button>
        <button
          type="button"
          onClick={running ? trainingActions.pause : trainingActions.run}
          disabled={!model}
          className="train-primary"
        >
          {running ? 'Pause' : 'Run'}
        </button>
        <button type="button" onClick={trainingActions.reset} disabled={!model}>
          Reset training
        </button>
        <button type="button" onClick={trainingActions.showBackwardPass} disabled={!model}>
          Show this step&apos;s backward pass
        </button>
        <p className="train-status" aria-live="off">
          Step <span data-testid="train-steps">{steps}</span> · Loss{' '}
          <span data-testid="loss-value" data-value={String(loss)} className="num is-value">
            {formatNumber(loss)}
          </span>{' '}
          · graph shows row{' '}
          <input
            type="number"
            min={1}
            max={Math.max(1, rows)}
            step={1}
            value={shownRow + 1}
            aria-label="Row on the graph"
            disabled={batchView}
            className="train-number"
            onChange={(e) => trainingActions.setShownRow(Number(e.target.value) - 1)}
          />
        </p>
      </div>
      <GraphViewChoice />
      <div className="train-settings">
        <label htmlFor={`${id}-lr`}>Learning rate</label>
        <input
          id={`${id}-lr`}
          type="number"
          min={0}
          step="any"
          value={lrText}
          className="train-number"
          onChange={(e) => {
            setLrText(e.target.value);
            const v = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(v) && v > 0) {
              trainingActions.setLr(v);
              setLrFor(v);
            }
          }}
        />
        <label htmlFor={`${id}-opt`}>Optimizer</label>
        <select
          id={`${id}-opt`}
          value={optimizer}
          onChange={(e) => {
            if (isOptimizerId(e.target.value)) trainingActions.setOptimizer(e.target.value);
          }}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-batch`}>Batch size</label>
        <input
          id={`${id}-batch`}
          type="number"
          min={1}
          max={Math.max(1, rows)}
          step={1}
          value={full ? rows : batchSize}
          className="train-number"
          aria-describedby={`${id}-batch-note`}
          onChange={(e) => {
            const v = Number(e.target.value);
            trainingActions.setBatchSize(Number.isInteger(v) && v >= 1 && v < rows ? v : null);
          }}
        />
        <span id={`${id}-batch-note`} className="train-note">
          {full ? 'all rows' : `of ${rows} rows`}
        </span>
        <label htmlFor={`${id}-seed`}>Seed</label>
        <input
          id={`${id}-seed`}
          type="number"
          min={0}
          step={1}
          value={seed}
          className="train-number"
          title="Seed of the random initial parameters and the mini-batch order"
          onChange={(e) => trainingActions.setSeed(Number(e.target.value))}
        />
        <label htmlFor={`${id}-pace`}>Steps per frame</label>
        <select
          id={`${id}-pace`}
          value={perFrame === null ? 'max' : String(perFrame)}
          onChange={(e) =>
            trainingActions.setStepsPerFrame(
              e.target.value === 'max' ? null : Number(e.target.value),
            )
          }
        >
          <option value="1">1</option>
          <option value="10">10</option>
          <option value="100">100</option>
          <option value="max">As many as fit</option>
        </select>
      </div>
    </div>
  );
}
