import { useId } from 'react';
import { appStore } from '../store/appStore.ts';

/** The variable the error plot and the slice are drawn along (one choice shared by both). */
export function VariablePicker({
  variables,
  value,
  label,
}: {
  variables: readonly string[];
  value: string;
  label: string;
}) {
  const id = useId();
  return (
    <label className="drawer-field" htmlFor={id}>
      {label}
      <select
        id={id}
        value={value}
        onChange={(e) => appStore.getState().setPlotVariable(e.target.value)}
      >
        {variables.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}
