import { useId } from 'react';
import { EXAMPLES, exampleById, lessonFor } from '../examples.ts';
import { appStore, useApp } from '../store/appStore.ts';
import { usePointerPick } from './usePointerPick.ts';
import { TRAIN_PRESETS, trainPresetById } from '../train/presets.ts';
import { loadTrainPreset } from '../train/loadPreset.ts';

export function ExamplesMenu() {
  const source = useApp((s) => s.source);
  const id = useId();
  const pick = usePointerPick();
  const current =
    EXAMPLES.find((e) => e.formula === source)?.id ??
    TRAIN_PRESETS.find((p) => p.formula === source)?.id ??
    '';
  return (
    <div className="examples-menu">
      <label htmlFor={id}>Examples</label>
      <select
        id={id}
        value={current}
        {...pick.handlers}
        onChange={(e) => {
          const example = exampleById(e.target.value);
          if (example) appStore.getState().loadExample(example);
          const preset = trainPresetById(e.target.value);
          if (preset) loadTrainPreset(preset);
          pick.picked(e.currentTarget);
        }}
      >
        <option value="" disabled>
          Your own formula
        </option>
        {EXAMPLES.map((e) => (
          <option key={e.id} value={e.id}>
            {e.title}
          </option>
        ))}
        <optgroup label="Training">
          {TRAIN_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

/** The current example's one-line lesson, so a teacher can read out what to look for. */
export function ExampleLesson() {
  const source = useApp((s) => s.source);
  const mode = useApp((s) => s.mode);
  const example =
    EXAMPLES.find((e) => e.formula === source) ?? TRAIN_PRESETS.find((p) => p.formula === source);
  if (!example) return null;
  return (
    <p className="lesson">
      <span className="lesson-label">Look for: </span>
      {lessonFor(example, mode)}
    </p>
  );
}
