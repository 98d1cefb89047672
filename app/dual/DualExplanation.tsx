import { useMemo } from 'react';
import { useApp } from '../store/appStore.ts';
import { dualLines } from './dualLines.ts';
import { useDual } from './dualStore.ts';
import './dual.css';

/** The current forward step as dual arithmetic, when dual numbers are on. */
export function DualExplanation() {
  const on = useDual((s) => s.on);
  const trace = useApp((s) => s.derived.trace);
  const step = useApp((s) => s.step);
  const lines = useMemo(() => (on && trace ? dualLines(trace, step) : []), [on, trace, step]);
  if (lines.length === 0) return null;
  return (
    <div className="dual-lines" data-testid="dual-lines" aria-label="As dual numbers" role="group">
      {lines.map((line, i) => (
        <p key={i} className={i === 0 && lines.length > 1 ? 'dual-rule' : 'dual-line'}>
          {line}
        </p>
      ))}
    </div>
  );
}
