import { useDeferredValue, useMemo } from 'react';
import { useApp } from '../store/appStore.ts';
import { blockViewOf, explainShownStep, stepGroupsOf, visibleCounter } from '../store/blocks.ts';
import { MathView, useKatexReady } from '../teach/MathView.tsx';
import { splitSymbolicNumeric } from './texLines.ts';
import { BugStepNote } from '../buglab/BugStepNote.tsx';
import { DualExplanation } from '../dual/DualExplanation.tsx';
import { DualToggle } from '../dual/DualToggle.tsx';

export function StepExplanation() {
  const trace = useApp((s) => s.derived.trace);
  const step = useApp((s) => s.step);
  // A collapsed block is one step, explained as a summary of its operations.
  const groups = useApp(stepGroupsOf);
  const blockView = useApp(blockViewOf);
  const explanation = useMemo(
    () => (trace ? explainShownStep(trace, groups, blockView, step) : null),
    [trace, groups, blockView, step],
  );
  const katexReady = useKatexReady();
  // The plain lines follow at once; typesetting (tens of ms for long chains) runs in a background
  // render so that neither a keystroke nor a step waits for KaTeX.
  const typesetSource = useDeferredValue(explanation);
  if (!trace || !explanation) {
    return (
      <section className="panel-section" aria-label="Current step">
        <p className="note">
          Each step of the passes, and the gradient check, will be explained here once the formula
          is valid.
        </p>
      </section>
    );
  }
  const { k: shownStep, n: total } = visibleCounter(groups, step, trace.steps.length);
  const kind = trace.steps[step - 1]?.kind;
  // Typeset lines replace the plain ones on screen; the plain ones stay for screen readers (the
  // typeset copy is hidden from them, so nothing is read twice) and for copying as text.
  const typeset = katexReady && explanation.tex.length > 0 && (typesetSource?.tex.length ?? 0) > 0;
  const shown = typesetSource ?? explanation;
  const tone =
    kind === 'propagate' || kind === 'seed-adjoint'
      ? 'adjoint'
      : trace.mode === 'forward' && step > 0
        ? 'tangent'
        : 'value';

  return (
    <section className="panel-section step-explanation" aria-label="Current step">
      <h2>
        <span className={`step-tag tag-${tone}`}>
          Step {shownStep} of {total}
        </span>{' '}
        {explanation.title}
      </h2>
      <DualToggle />
      <div className="explain-box">
        <div className="explain-lines" aria-live="polite">
          {explanation.lines.map((line, i) => (
            <p
              key={i}
              className={`explain-line${/\+=/.test(line) ? ' line-adjoint' : ''}${typeset ? ' visually-hidden' : ''}`}
            >
              {line}
            </p>
          ))}
        </div>
        {typeset && (
          <div className="explain-tex" aria-hidden="true" data-testid="explanation-tex">
            {shown.tex.map((tex, i) => {
              const split = splitSymbolicNumeric(tex);
              const fallback = shown.lines[i] ?? '';
              // Display-size fractions, but inline so KaTeX may break a long chain after = or +.
              return (
                <p
                  key={i}
                  className={`explain-tex-line${/mathrel\{\+\}=/.test(tex) ? ' line-adjoint' : ''}`}
                >
                  {split ? (
                    <>
                      <MathView
                        tex={`\\displaystyle ${split.symbolic}`}
                        fallback={fallback}
                        className="tex-symbolic"
                      />
                      <MathView
                        tex={`\\displaystyle ${split.numeric}`}
                        fallback=""
                        className="tex-numeric"
                      />
                    </>
                  ) : (
                    <MathView tex={`\\displaystyle ${tex}`} fallback={fallback} />
                  )}
                </p>
              );
            })}
          </div>
        )}
      </div>
      {explanation.convention && (
        <p className="convention">
          <span aria-hidden="true">§ </span>
          <strong>Convention:</strong> {explanation.convention}
        </p>
      )}
      <DualExplanation />
      <BugStepNote />
    </section>
  );
}
