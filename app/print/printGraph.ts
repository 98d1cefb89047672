// The graph on paper: a picture of the whole drawing (the export's standalone SVG, framed to the
// drawing whatever the on-screen pan and zoom; past the SVG limit, a PNG of every node), shown in
// place of the live view while printing.
import { createStore } from 'zustand/vanilla';
import { graphSvg, largeDrawing, largeGraphCanvas, svgRefused } from '../export/graphImage.ts';
import { PAPER_MAX_PIXELS } from '../export/lodPicture.ts';
import type { PrintMode } from './worksheet.ts';

/** Set on <html> while the picture is taken; print.css keys the worksheet's blanks on it. */
export const CAPTURE_ATTRIBUTE = 'data-print-capture';

export const SVG_DATA_URL = 'data:image/svg+xml;charset=utf-8,';

export const printGraphStore = createStore<{ url: string | null; note: string | null }>(() => ({
  url: null,
  note: null,
}));

/** Under a large graph's printed picture: it is all there, but too small to read on a page. */
export function largeGraphNote(nodes: number, svg: boolean): string {
  return `The whole graph: ${nodes.toLocaleString('en')} nodes, drawn small to fit the page. For a picture to zoom into, use Share → ${svg ? 'Download SVG' : 'Download PNG'}.`;
}

/**
 * Take the picture: the page's styles for paper (no current step; on a worksheet, no numbers) are
 * switched on for the moment the computed styles are copied into the file. Null: nothing drawn.
 */
export function captureGraph(
  mode: PrintMode,
  doc: Document = document,
): { url: string; note: string | null } | null {
  const root = doc.documentElement;
  // Paper is white: the picture is taken in the light theme, whatever the screen's.
  const theme = root.getAttribute('data-theme');
  root.setAttribute('data-theme', 'light');
  root.setAttribute(CAPTURE_ATTRIBUTE, mode);
  try {
    // A graph past the SVG limit goes on paper as a picture of its whole painted drawing.
    const large = largeDrawing(doc);
    const note = large ? largeGraphNote(large.layout.nodes.length, svgRefused(doc) === null) : null;
    if (svgRefused(doc) !== null) {
      const url = largeGraphCanvas(doc, 1, true, PAPER_MAX_PIXELS)?.toDataURL('image/png');
      return url ? { url, note } : null;
    }
    const svg = graphSvg(doc, true);
    if (svg === null) return null;
    // A data: URL (the page's CSP allows images from data:), read as it stands, nothing to free.
    return { url: `${SVG_DATA_URL}${encodeURIComponent(svg)}`, note };
  } finally {
    root.removeAttribute(CAPTURE_ATTRIBUTE);
    if (theme === null) root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }
}

export function releaseGraph(): void {
  printGraphStore.setState({ url: null, note: null });
}
