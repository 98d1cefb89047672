import { useMemo } from 'react';
import { useApp } from '../store/appStore.ts';
import { bugStepNote } from './stepNote.ts';

/** Under the step's explanation: what the bug did at this step (not while the bug is a secret). */
export function BugStepNote() {
  const view = useApp((s) => (s.bugSecret ? null : s.derived.bugView));
  const step = useApp((s) => s.step);
  const note = useMemo(() => (view ? bugStepNote(view, step) : null), [view, step]);
  if (!note) return null;
  return (
    <p className="bug-step-note" data-testid="bug-step-note">
      <span aria-hidden="true">✗ </span>
      {note}
    </p>
  );
}
