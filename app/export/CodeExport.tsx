import { useId, useRef, useState } from 'react';
import { useApp } from '../store/appStore.ts';
import { copyWithStatus, DialogFrame } from './DialogFrame.tsx';
import { downloadText } from './saveFile.ts';
import {
  EXPORT_TARGETS,
  EXPORT_TARGET_LABELS,
  codeExportOf,
  type ExportTarget,
} from './CodeExportModel.ts';
import './CodeExport.css';

/**
 * `Export code` (in the Share dialog) and its dialog: the formula and point as a PyTorch, JAX,
 * micrograd or TypeScript program that prints the same value and gradient.
 */
export function CodeExportButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<ExportTarget>('pytorch');
  const [status, setStatus] = useState('');
  const derived = useApp((s) => s.derived);
  const point = useApp((s) => s.point);
  const result = open ? codeExportOf({ derived, point }, target) : null;
  const titleId = useId();
  const groupId = useId();

  const show = () => {
    setStatus('');
    setOpen(true);
    dialog.current?.showModal();
  };
  const onClose = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const copy = (code: string) => copyWithStatus(code, 'Code', setStatus);

  return (
    <>
      <p className="field-label code-export-title">
        Code that reproduces the value and gradient (PyTorch, JAX, micrograd, TypeScript)
      </p>
      <button type="button" ref={opener} onClick={show}>
        Export code
      </button>
      <DialogFrame
        dialogRef={dialog}
        className="code-export-dialog"
        titleId={titleId}
        title="Export code"
        status={status}
        onClose={onClose}
      >
        <p className="note">
          A program that computes this formula’s value and gradient at the current point, generated
          from the graph.
        </p>
        <fieldset className="code-export-targets">
          <legend id={groupId}>Library</legend>
          {EXPORT_TARGETS.map((t) => (
            <label key={t}>
              <input
                type="radio"
                name="code-export-target"
                value={t}
                checked={target === t}
                onChange={() => {
                  setTarget(t);
                  setStatus('');
                }}
              />
              {EXPORT_TARGET_LABELS[t]}
            </label>
          ))}
        </fieldset>
        {result && !result.ok && (
          <p className="code-export-empty" data-testid="code-export-empty">
            {result.message}
          </p>
        )}
        {result?.ok && (
          <>
            {result.viewNote && (
              <p className="note" data-testid="code-export-view-note">
                {result.viewNote}
              </p>
            )}
            {result.outputNote && <p className="note">{result.outputNote}</p>}
            <pre
              className="code-export-code"
              tabIndex={0}
              aria-label={`${EXPORT_TARGET_LABELS[target]} program`}
              data-target={target}
            >
              <code>{result.code}</code>
            </pre>
            <div className="code-export-buttons">
              <button type="button" onClick={() => void copy(result.code)}>
                Copy code
              </button>
              <button
                type="button"
                onClick={() => {
                  downloadText(result.code, result.fileName);
                  setStatus(`${result.fileName} downloaded.`);
                }}
              >
                Download file
              </button>
            </div>
          </>
        )}
      </DialogFrame>
    </>
  );
}
