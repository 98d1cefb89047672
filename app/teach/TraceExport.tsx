import { useEffect, useRef, useState } from 'react';
import type { Frame, Trace } from '../../ad-core/index.ts';
import { copyText, downloadText } from './clipboard.ts';
import { csvFileName, traceToCsv, traceToLatex, traceToMarkdown } from './trace-export.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'copied'; what: string }
  | { kind: 'downloaded' }
  | { kind: 'no-clipboard'; what: string; text: string };

/** The trace table's export buttons, with a visible confirmation and a copy-by-hand fallback. */
export function TraceExport({ trace, frame }: { trace: Trace; frame: Frame }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const timer = useRef<number | null>(null);
  const fallbackRef = useRef<HTMLTextAreaElement>(null);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  useEffect(() => {
    if (status.kind === 'no-clipboard') fallbackRef.current?.select();
  }, [status]);

  const flash = (next: Status) => {
    setStatus(next);
    if (timer.current !== null) window.clearTimeout(timer.current);
    if (next.kind !== 'no-clipboard') timer.current = window.setTimeout(() => setStatus({ kind: 'idle' }), 4000);
  };

  const copy = async (what: string, text: string) => {
    const ok = await copyText(text);
    flash(ok ? { kind: 'copied', what } : { kind: 'no-clipboard', what, text });
  };

  return (
    <div className="teach-export">
      <div className="teach-actions" role="group" aria-label="Export the trace table">
        <button type="button" onClick={() => void copy('LaTeX', traceToLatex(trace, frame))}>
          Copy as LaTeX
        </button>
        <button type="button" onClick={() => void copy('Markdown', traceToMarkdown(trace, frame))}>
          Copy as Markdown
        </button>
        <button
          type="button"
          onClick={() => {
            downloadText(traceToCsv(trace, frame), csvFileName(trace, frame), 'text/csv');
            flash({ kind: 'downloaded' });
          }}
        >
          Download CSV
        </button>
      </div>
      <div role="status" className={`teach-status${status.kind === 'no-clipboard' ? ' teach-status--warn' : ''}`}>
        {status.kind === 'copied' && `Copied — ${status.what} is on the clipboard.`}
        {status.kind === 'downloaded' && 'CSV downloaded.'}
        {status.kind === 'no-clipboard' &&
          `The clipboard is not available here. The ${status.what} is selected below: press Ctrl+C (⌘C) to copy it.`}
      </div>
      {status.kind === 'no-clipboard' && (
        <>
          <textarea
            ref={fallbackRef}
            className="teach-fallback-text"
            readOnly
            aria-label={`Trace table as ${status.what}`}
            value={status.text}
          />
          <button type="button" onClick={() => setStatus({ kind: 'idle' })}>
            Close
          </button>
        </>
      )}
    </div>
  );
}
