import { dataNumber } from '../../ad-core/index.ts';
import type { Segment } from './template.ts';

// Tokens such as ∂f/∂b or (f(x + h) read badly when a line break splits them.
const UNBREAKABLE = /(\S*[∂/]\S*)/;

function TextRun({ text }: { text: string }) {
  return (
    <>
      {text.split(UNBREAKABLE).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Filled lesson text as React text; each number tagged with where it is on screen. */
export function LessonText({ paragraphs }: { paragraphs: Segment[][] }) {
  return (
    <div className="lesson-text" data-testid="lesson-text">
      {paragraphs.map((segments, i) => (
        <p key={i}>
          {segments.map((s, j) =>
            s.kind === 'text' ? (
              <TextRun key={j} text={s.text} />
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
