import { useId } from 'react';
import { usePointerPick } from '../editor/usePointerPick.ts';
import { LESSONS } from './content.ts';
import { lessonStore, useLessons } from './lessons.ts';

/** Start a lesson from the header; choosing "Free playground" leaves it. */
export function LessonsMenu() {
  const lessonId = useLessons((s) => s.lessonId);
  const id = useId();
  const pick = usePointerPick();
  return (
    <div className="lessons-menu">
      <label htmlFor={id}>Lessons</label>
      <select
        id={id}
        value={lessonId ?? ''}
        {...pick.handlers}
        onChange={(e) => {
          const { open, leave } = lessonStore.getState();
          if (e.target.value === '') leave();
          else open(e.target.value);
          pick.picked(e.currentTarget);
        }}
      >
        <option value="">{lessonId ? 'Leave the lesson' : 'Choose a lesson…'}</option>
        {LESSONS.map((l, i) => (
          <option key={l.id} value={l.id} title={l.title}>
            {i + 1}. {l.short}
          </option>
        ))}
      </select>
    </div>
  );
}
