import { dataNumber } from '../../ad-core/index.ts';
import type { Segment } from './template.ts';

/** Filled lesson text as React text; each number tagged with where it is on screen. */
export function LessonText({ paragraphs }: { paragraphs: Segment[][] }) {
  return (
    <div className="lesson-text" data-testid="lesson-text">
      {paragraphs.map((segments, i) => (
        <p key={i}>
          {segments.map((s, j) =>
            s.kind === 'text' ? (
              s.text
            ) : s.kind === 'number' ? (
              <span key={j} className="lesson-num num" data-ref={s.ref} data-number={dataNumber(s.value)}>
                {s.shown}
              </span>
            ) : (
              <span key={j} className="lesson-word" data-ref={s.ref} data-text={s.text}>
                {s.text}
              </span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
