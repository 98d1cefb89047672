import { useMemo } from 'react';
import { explainStep } from '../../ad-core/index.ts';
import { useApp } from '../store/appStore.ts';

export function StepExplanation() {
  const trace = useApp((s) => s.derived.trace);
  const step = useApp((s) => s.step);
  const explanation = useMemo(() => (trace ? explainStep(trace, step) : null), [trace, step]);
  if (!trace || !explanation) {
    return (
      <section className="panel-section" aria-label="Current step">
        <p className="note">Each step of the passes, and the gradient check, will be explained here once the formula is valid.</p>
      </section>
    );
  }
  const total = trace.steps.length;
  const kind = trace.steps[step - 1]?.kind;
  const tone = kind === 'propagate' || kind === 'seed-adjoint' ? 'adjoint' : trace.mode === 'forward' && step > 0 ? 'tangent' : 'value';

  return (
    <section className="panel-section step-explanation" aria-label="Current step">
      <h2>
        <span className={`step-tag tag-${tone}`}>
          Step {step} of {total}
        </span>{' '}
        {explanation.title}
      </h2>
      <div className="explain-lines" aria-live="polite">
        {explanation.lines.map((line, i) => (
          <p key={i} className={`explain-line${/\+=/.test(line) ? ' line-adjoint' : ''}`}>
            {line}
          </p>
        ))}
      </div>
      {explanation.convention && (
        <p className="convention">
          <span aria-hidden="true">⚑ </span>
          <strong>Convention:</strong> {explanation.convention}
        </p>
      )}
    </section>
  );
}
