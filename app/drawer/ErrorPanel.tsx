import { useDeferredValue, useMemo } from 'react';
import { useApp } from '../store/appStore.ts';
import { checkStep, plotVariableOf, selectSweep } from '../store/teachData.ts';
import { ErrorPlot } from '../teach/ErrorPlot.tsx';
import { fitPlotHeight } from './use-height.ts';
import { VariablePicker } from './VariablePicker.tsx';

/** The finite-difference error sweep for the chosen variable; mounted only while its tab is shown. */
export function ErrorPanel({ available }: { available: number }) {
  // Typing comes first: the sweep (hundreds of evaluations) catches up in a background render.
  const derived = useDeferredValue(useApp((s) => s.derived));
  const chosen = useApp((s) => s.plotVariable);
  const variable = plotVariableOf(derived, chosen);
  // `derived` changes identity on every edit; the sweep itself is cached per graph, point and variable.
  const sweep = useMemo(
    () => (variable === null ? [] : selectSweep(derived, variable)),
    [derived, variable],
  );
  if (!derived.graph || variable === null) {
    return (
      <p className="drawer-empty">The error plot needs a formula with at least one variable.</p>
    );
  }
  return (
    <ErrorPlot
      sweep={sweep}
      chosenH={checkStep(derived, variable)}
      method={derived.method}
      variable={variable}
      // Title row and the one-line note above the plot; legend and caption scroll below it.
      height={fitPlotHeight(available, 92, 180, 320)}
      controls={
        <VariablePicker variables={derived.graph.variables} value={variable} label="Along" />
      }
    />
  );
}
