import { useId } from 'react';
import { printSheet } from './printSheet.tsx';
import type { PrintMode } from './worksheet.ts';

/**
 * `Print` and `Worksheet`, beside the picture downloads: paper is another way of taking this view
 * out of the app. The dialog closes first, or the browser would print it over the page.
 */
export function PrintButtons() {
  const print = (mode: PrintMode, button: HTMLButtonElement) => {
    button.closest('dialog')?.close();
    void printSheet(mode);
  };
  const titleId = useId();
  return (
    <>
      <p className="field-label print-title" id={titleId}>
        On paper (a handout, or a worksheet with its answer key)
      </p>
      <div className="print-buttons" role="group" aria-labelledby={titleId}>
        <button type="button" onClick={(e) => print('print', e.currentTarget)}>
          Print
        </button>
        <button
          type="button"
          onClick={(e) => print('worksheet', e.currentTarget)}
          title="Print with the values and adjoints left blank, and an answer key on a second page"
        >
          Worksheet
        </button>
      </div>
    </>
  );
}
