// The frame the Share and Export code dialogs share: a modal <dialog> with its heading, a status
// line that announces what the last button did, and a Close button.
import type { ReactNode, RefObject } from 'react';
import { copyText } from '../teach/clipboard.ts';

export function DialogFrame({
  dialogRef,
  className,
  titleId,
  title,
  status,
  onClose,
  children,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  className: string;
  titleId: string;
  title: string;
  /** What the last action did (`Link copied.`), read out by screen readers. */
  status: string;
  onClose?: () => void;
  children: ReactNode;
}) {
  return (
    <dialog ref={dialogRef} className={className} aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <p role="status" className="note">
        {status}
      </p>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

/** Copies `text` and says so, or, without a clipboard, tells the learner to copy `what` by hand. */
export async function copyWithStatus(
  text: string,
  what: string,
  setStatus: (status: string) => void,
): Promise<void> {
  const ok = await copyText(text);
  setStatus(
    ok
      ? `${what} copied.`
      : `Could not reach the clipboard: select the ${what.toLowerCase()} above and copy it.`,
  );
}
