// The followed output of a several-output formula, said and chosen the same way everywhere: the
// Jacobian panel's Output chooser, and the line above each result that is about one output (the
// Hessian, the function slice, the bug lab, the quiz). One state: the store's `output`.
import { useId, useMemo } from 'react';
import { appStore, useApp } from '../store/appStore.ts';
import { followedOutputOf, type FollowedOutput } from './JacobianOutputs.ts';
import './jacobian.css';

/** The output chooser: picking an output makes it the one the reverse pass and the panels follow. */
export function OutputSelect({
  index,
  labels,
  label = 'Output',
}: {
  index: number;
  labels: readonly string[];
  label?: string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={index}
        onChange={(e) => appStore.getState().setOutput(Number(e.target.value))}
      >
        {labels.map((text, k) => (
          <option key={k} value={k}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}

/** The followed output of the formula on screen; null when it has one output. */
export function useFollowedOutput(): FollowedOutput | null {
  const graph = useApp((s) => s.derived.graph);
  const source = useApp((s) => s.derived.source);
  return useMemo(() => followedOutputOf(graph, source), [graph, source]);
}

/**
 * `Output 2 of 3: y₂ = sin(x)` above a result computed from the followed output, with the chooser
 * (`switchable`) to look at another. Nothing for a formula of one output.
 */
export function FollowedOutputLine({ switchable = true }: { switchable?: boolean }) {
  const followed = useFollowedOutput();
  if (!followed) return null;
  return (
    <div
      className="jacobian-follow followed-output"
      data-testid="followed-output"
      data-output={followed.index + 1}
      data-outputs={followed.count}
    >
      <strong className="followed-output-text">{followed.text}</strong>
      {switchable && (
        <span className="followed-output-choice">
          <OutputSelect index={followed.index} labels={followed.labels} label="Show output" />
        </span>
      )}
    </div>
  );
}
