import { useId } from 'react';
import { EXAMPLES, exampleById, lessonFor } from '../examples.ts';
import { appStore, useApp, useWork, workStore } from '../store/appStore.ts';
import { recentTitle } from '../store/recentFormulas.ts';
import { usePointerPick } from './usePointerPick.ts';
import { TRAIN_PRESETS, trainPresetById } from '../train/presets.ts';
import { loadTrainPreset } from '../train/loadPreset.ts';

/** Menu values of the student's own formulas (example ids never start with `@`). */
const OWN = '@own';
const RECENT = '@recent:';

export function ExamplesMenu() {
  const source = useApp((s) => s.source);
  const own = useWork((s) => s.own);
  const recent = useWork((s) => s.recent);
  const id = useId();
  const pick = usePointerPick();
  const current =
    EXAMPLES.find((e) => e.formula === source)?.id ??
    TRAIN_PRESETS.find((p) => p.formula === source)?.id ??
    (own && own.source === source ? OWN : '');
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
          const work = workStore.getState();
          if (e.target.value === OWN) work.restoreOwn();
          if (e.target.value.startsWith(RECENT))
            work.openRecent(Number(e.target.value.slice(RECENT.length)));
          pick.picked(e.currentTarget);
        }}
      >
        <option value="" disabled>
          Choose an example…
        </option>
        {own && <option value={OWN}>Your formula: {recentTitle(own.source, 32)}</option>}
        {recent.some((f) => f !== own?.source) && (
          <optgroup label="Your recent formulas">
            {recent.map((f, i) =>
              f === own?.source ? null : (
                <option key={`${i}:${f}`} value={`${RECENT}${i}`}>
                  {recentTitle(f, 40)}
                </option>
              ),
            )}
          </optgroup>
        )}
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
