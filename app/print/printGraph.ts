// The graph on paper: a picture of the whole drawing (the export's standalone SVG, framed to the
// drawing whatever the on-screen pan and zoom), shown in place of the live view while printing.
import { createStore } from 'zustand/vanilla';
import { graphSvg } from '../export/graphImage.ts';
import type { PrintMode } from './worksheet.ts';

/** Set on <html> while the picture is taken; print.css keys the worksheet's blanks on it. */
export const CAPTURE_ATTRIBUTE = 'data-print-capture';

export const SVG_DATA_URL = 'data:image/svg+xml;charset=utf-8,';

export const printGraphStore = createStore<{ url: string | null }>(() => ({ url: null }));

/**
 * Take the picture: the page's styles for paper (no current step; on a worksheet, no numbers) are
 * switched on for the moment the computed styles are copied into the file. Null: nothing drawn.
 */
export function captureGraph(mode: PrintMode, doc: Document = document): string | null {
  const root = doc.documentElement;
  // Paper is white: the picture is taken in the light theme, whatever the screen's.
  const theme = root.getAttribute('data-theme');
  root.setAttribute('data-theme', 'light');
  root.setAttribute(CAPTURE_ATTRIBUTE, mode);
  try {
    const svg = graphSvg(doc);
    if (svg === null) return null;
    // A data: URL (the page's CSP allows images from data:), read as it stands, nothing to free.
    return `${SVG_DATA_URL}${encodeURIComponent(svg)}`;
  } finally {
    root.removeAttribute(CAPTURE_ATTRIBUTE);
    if (theme === null) root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }
}

export function releaseGraph(): void {
  printGraphStore.setState({ url: null });
}
