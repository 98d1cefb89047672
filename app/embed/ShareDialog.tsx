import { useRef, useState } from 'react';
import { appStore } from '../store/appStore.ts';
import { hashOf } from '../url/urlSync.ts';
import { embedCode } from './share.ts';
import { ExportButtons } from '../export/ExportButtons.tsx';
import { PrintButtons } from '../print/PrintButtons.tsx';
import { CodeExportButton } from '../export/CodeExport.tsx';
import { copyWithStatus, DialogFrame } from '../export/DialogFrame.tsx';

function currentUrl(): string {
  return `${window.location.origin}${window.location.pathname}${hashOf(appStore.getState())}`;
}

/** The header's `Share` button and its dialog: copy the link, or an <iframe> for a course page. */
export function ShareButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState('');
  const [openings, setOpenings] = useState(0);
  const code = url ? embedCode(url) : '';
  const open = () => {
    setUrl(currentUrl());
    setStatus('');
    setOpenings((n) => n + 1);
    dialog.current?.showModal();
  };
  const copy = (text: string, what: string) => copyWithStatus(text, what, setStatus);
  return (
    <>
      <button type="button" onClick={open}>
        Share
      </button>
      <DialogFrame
        dialogRef={dialog}
        className="share-dialog"
        titleId="share-title"
        title="Share this view"
        status={status}
      >
        <label className="field-label" htmlFor="share-link">
          Link
        </label>
        <input
          id="share-link"
          type="text"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy(url, 'Link')}>
          Copy link
        </button>
        <label className="field-label" htmlFor="share-embed">
          Embed code (for a course page or an LMS)
        </label>
        <textarea
          id="share-embed"
          readOnly
          rows={4}
          value={code}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy(code, 'Embed code')}>
          Copy embed code
        </button>
        {/* Pictures for slides live here rather than in View ▾: a teacher looks under Share for
            every way of taking this view out of the app (link, embed, picture), while View ▾
            only changes how the page looks. */}
        <ExportButtons key={openings} onStatus={setStatus} />
        <CodeExportButton />
        <PrintButtons />
      </DialogFrame>
    </>
  );
}
