import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { formatNumber } from '../../ad-core/index.ts';
import { appStore, useApp } from '../store/appStore.ts';
import { displayName, listWindow, windowMessage } from '../store/listWindow.ts';
import { sliderRange } from './sliderRange.ts';
import './long-lists.css';

// Memoised: a keystroke that leaves a variable and its value as they were leaves its row alone.
const VariableRow = memo(function VariableRow({ name, value }: { name: string; value: number }) {
  const id = useId();
  // The number box keeps what the user is typing ("-", "1.") until it is a number; it follows the
  // store when the value changes from elsewhere (the slider, an example, a link).
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (Number(draft) !== value) setDraft(String(value));
  }
  const range = sliderRange(value);
  const shortName = displayName(name);
  const set = (v: number) => appStore.getState().setVariable(name, v);

  return (
    <div className="variable-row">
      <label htmlFor={id} className="variable-name">
        {shortName}
      </label>
      <input
        id={id}
        // A shortened label would shorten the accessible name: the whole name is given here.
        aria-label={shortName === name ? undefined : name}
        type="number"
        step="any"
        className="num"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const v = e.target.valueAsNumber;
          if (Number.isFinite(v)) set(v);
        }}
        onBlur={() => setDraft(String(value))}
      />
      <input
        type="range"
        className="variable-slider"
        aria-label={`${name} slider`}
        aria-valuetext={formatNumber(value)}
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        onChange={(e) => set(Number(e.target.value))}
      />
    </div>
  );
});

const NO_VARIABLES: readonly string[] = [];

export function VariableInputs() {
  const liveGraph = useApp((s) => s.derived.graph);
  const livePoint = useApp((s) => s.derived.point);
  const live = useMemo(() => ({ graph: liveGraph, point: livePoint }), [liveGraph, livePoint]);
  // A new formula's list follows one render later (useDeferredValue): the keystroke's own render
  // paints the graph first and this list is rendered right after that frame, in the background,
  // so new rows appear a frame or two later, never stale for longer. A value alone (a slider being
  // dragged, a number typed) is shown at once: holding it back would make React put the old value
  // back into the controlled slider under the pointer.
  const deferred = useDeferredValue(live);
  const { graph, point } = deferred.graph === liveGraph ? live : deferred;
  const variables = graph?.variables ?? NO_VARIABLES;
  const [query, setQuery] = useState('');
  const findId = useId();
  // Past 50 variables only a window of rows is rendered (10,000 number boxes and sliders would
  // block the page for seconds); a find box reaches any of the others.
  const shown = useMemo(() => listWindow(variables, (name) => name, query), [variables, query]);
  return (
    <fieldset className="variables">
      <legend className="field-label">Variables</legend>
      {!graph ? (
        <p className="muted">The variables appear once the formula is valid.</p>
      ) : variables.length === 0 ? (
        <p className="muted">This formula has no variables: it is a constant.</p>
      ) : (
        <>
          {shown.windowed && (
            <div className="list-find">
              <label htmlFor={findId}>Find a variable</label>
              <input
                id={findId}
                type="search"
                value={query}
                spellCheck={false}
                onChange={(e) => setQuery(e.target.value)}
              />
              <p className="note" data-testid="variables-window">
                {windowMessage(shown, 'variables', query)}
              </p>
            </div>
          )}
          {shown.shown.map((name) => (
            <VariableRow key={name} name={name} value={point[name] ?? 1} />
          ))}
        </>
      )}
    </fieldset>
  );
}
