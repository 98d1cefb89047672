// The formula textarea over a backdrop that mirrors its text as React text spans, so the
// diagnostic's span can be underlined and a hovered node's spans highlighted without ever
// writing HTML from the learner's text.
import { useId, useMemo, useRef, type SyntheticEvent } from 'react';
import { appStore, useApp, useWork, workStore } from '../store/appStore.ts';
import { editorWrap, mirrorSegments, type Mark } from './segments.ts';
import { lineAndColumn } from './position.ts';
import { NameWarnings } from './NameWarnings.tsx';
import { undoCommand } from './undoKeys.ts';
import { dropNativeUndoAfterBlur } from './nativeUndo.ts';
import './undo.css';
import './compiling.css';

/** Pastes at least this long bypass the browser's slow line-by-line insertion. */
const FAST_PASTE_CHARS = 5_000;
/** A hovered node with more uses than this is not highlighted in the text. */
const MAX_HIGHLIGHT_SPANS = 1_000;

export function FormulaEditor() {
  const source = useApp((s) => s.source);
  const diagnostics = useApp((s) => s.derived.diagnostics);
  const derivedSource = useApp((s) => s.derived.source);
  const compiling = useApp((s) => s.compiling);
  const staleGraph = useApp((s) => s.derived.stale);
  const graph = useApp((s) => s.derived.graph);
  const hovered = useApp((s) => s.hovered);
  const selected = useApp((s) => s.selected);
  const backdrop = useRef<HTMLDivElement>(null);
  const id = useId();
  const diagId = useId();
  // While a large formula compiles in a worker, what is derived belongs to the previous text:
  // its diagnostic and spans would point at the wrong characters.
  const current = derivedSource === source;
  const stale = staleGraph || !current;
  const diag = current ? diagnostics[0] : undefined;

  const marks = useMemo(() => {
    const out: Mark[] = [];
    if (diag) out.push({ span: diag.span, kind: 'error' });
    // A stale graph's spans point into an older text, so they would highlight the wrong part.
    const nodeId = hovered ?? selected;
    if (!stale && graph && nodeId !== null) {
      const spans = graph.nodes[nodeId]?.spans ?? [];
      // A name used thousands of times would be thousands of elements on every hover.
      if (spans.length <= MAX_HIGHLIGHT_SPANS)
        for (const span of spans) out.push({ span, kind: 'highlight' });
    }
    return out;
  }, [diag, stale, graph, hovered, selected]);
  const segments = useMemo(() => mirrorSegments(source, marks), [source, marks]);

  const syncScroll = (e: SyntheticEvent<HTMLTextAreaElement>) => {
    if (backdrop.current) {
      backdrop.current.scrollTop = e.currentTarget.scrollTop;
      backdrop.current.scrollLeft = e.currentTarget.scrollLeft;
    }
  };
  const reportSelection = (e: SyntheticEvent<HTMLTextAreaElement>) => {
    const t = e.currentTarget;
    appStore.getState().setEditorSelection({ start: t.selectionStart, end: t.selectionEnd });
  };

  const where = diag ? lineAndColumn(source, diag.span.start) : null;

  return (
    <div className="formula-editor">
      <div className="editor-label-row">
        <label htmlFor={id} className="field-label">
          Formula
        </label>
        <UndoButtons />
      </div>
      <div className={`editor-box${diag ? ' has-error' : ''}`}>
        <div className="editor-backdrop" ref={backdrop} aria-hidden="true">
          {segments.map((seg) => (
            <span
              key={`${seg.start}-${seg.pastEnd ? 'end' : ''}`}
              className={seg.marks.map((m) => `mark-${m}`).join(' ')}
            >
              {seg.text}
            </span>
          ))}
          {/* A trailing newline in a textarea still takes a line; keep the mirror the same height. */}
          {'\n'}
        </div>
        <textarea
          id={id}
          className="editor-input"
          value={source}
          wrap={editorWrap(source)}
          rows={4}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          aria-invalid={diag ? true : undefined}
          aria-describedby={diag ? diagId : undefined}
          onChange={(e) => {
            workStore.getState().type(e.target.value);
            reportSelection(e);
          }}
          onKeyDown={(e) => {
            // The app keeps the undo history (it survives examples, lessons and links, which the
            // textarea's own history does not).
            const command = undoCommand(e);
            if (!command) return;
            e.preventDefault();
            workStore.getState()[command]();
          }}
          onPaste={(e) => {
            // The browser inserts pasted text line by line (a 2,000-line paste took 40 s);
            // past a few thousand characters the text is put in at once and handed to the store.
            const text = e.clipboardData.getData('text/plain');
            if (text.length < FAST_PASTE_CHARS) return;
            e.preventDefault();
            const t = e.currentTarget;
            t.setRangeText(text, t.selectionStart, t.selectionEnd, 'end');
            workStore.getState().type(t.value);
            reportSelection(e);
          }}
          onSelect={reportSelection}
          onScroll={syncScroll}
          onBlur={(e) => {
            appStore.getState().setEditorSelection(null);
            dropNativeUndoAfterBlur(e.currentTarget);
          }}
        />
      </div>
      {compiling && (
        <p className="editor-compiling" role="status" data-testid="compiling">
          Working… compiling this long formula; the graph shows the last one until it is ready.
        </p>
      )}
      {diag ? (
        <div
          id={diagId}
          className="diagnostic"
          role="alert"
          data-testid="diagnostic"
          data-code={diag.code}
          data-start={diag.span.start}
          data-end={diag.span.end}
        >
          <p className="diagnostic-message">
            <span className="diagnostic-icon" aria-hidden="true">
              ✕
            </span>{' '}
            {diag.message}
            {where && (
              <span className="diagnostic-where">
                {' '}
                (line {where.line}, column {where.column})
              </span>
            )}
          </p>
          {diag.hint && <p className="diagnostic-hint">Hint: {diag.hint}</p>}
          {graph && (
            <p className="diagnostic-stale">The graph shows the last formula that worked.</p>
          )}
        </div>
      ) : null}
      <NameWarnings />
    </div>
  );
}

/** Undo and redo for those without a keyboard shortcut (touch screens). */
function UndoButtons() {
  const canUndo = useWork((s) => s.history.past.length > 0);
  const canRedo = useWork((s) => s.history.future.length > 0);
  return (
    <span className="undo-buttons">
      <button
        type="button"
        disabled={!canUndo}
        onClick={() => workStore.getState().undo()}
        title="Undo (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!canRedo}
        onClick={() => workStore.getState().redo()}
        title="Redo (Ctrl+Shift+Z)"
      >
        Redo
      </button>
    </span>
  );
}
