// Warnings about look-alike names, under the editor: a warning, not an error, so the graph and
// values still follow the text. Each names where the name is (line, column) and carries its span.
import { useApp } from '../store/appStore.ts';
import { selectNameWarnings } from '../store/nameWarnings.ts';
import { lineAndColumn } from './position.ts';
import './name-warnings.css';

export function NameWarnings() {
  const source = useApp((s) => s.source);
  const warnings = useApp((s) => selectNameWarnings(s.source));
  if (warnings.length === 0) return null;
  return (
    <ul className="name-warnings" aria-label="Warnings about names">
      {warnings.map((w) => {
        const where = lineAndColumn(source, w.span.start);
        return (
          <li
            key={`${w.code}-${w.span.start}`}
            className="name-warning"
            data-testid="name-warning"
            data-code={w.code}
            data-start={w.span.start}
            data-end={w.span.end}
          >
            <span className="name-warning-icon" aria-hidden="true">
              ⚠
            </span>{' '}
            <span className="name-warning-label">Warning:</span> {w.message}{' '}
            <span className="name-warning-where">
              (line {where.line}, column {where.column})
            </span>
            {w.hint && <span className="name-warning-hint"> {w.hint}</span>}
          </li>
        );
      })}
    </ul>
  );
}
