// The graph on paper: a picture of the whole drawing (the export's standalone SVG, framed to the
// drawing whatever the on-screen pan and zoom; for a large graph too small on a page for the SVG
// to be read, canvasPaint's picture of every node), shown in place of the live view while printing.
import { createStore } from 'zustand/vanilla';
import { graphSvg, largeDrawing, largeGraphCanvas, svgRefused } from '../export/graphImage.ts';
import { largeGraphFrame, paperPicture } from '../export/lodPicture.ts';
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
  return `The whole graph: ${nodes.toLocaleString('en')} nodes, drawn small to fit the page (far out, each node is a dot in its colour). For a picture to zoom into, use Share → ${svg ? 'Download SVG' : 'Download PNG'}.`;
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
    // A large graph goes on paper whole: as its SVG if that is legible on the page, else as
    // canvasPaint's picture of every node at the page's size (lodPicture.ts).
    const large = largeDrawing(doc);
    const frame = large && largeGraphFrame(large.graph, large.layout);
    let note: string | null = null;
    if (large && frame) {
      const nodes = large.layout.nodes.length;
      note = largeGraphNote(nodes, svgRefused(doc) === null);
      const how = paperPicture(frame, nodes);
      if (how.kind === 'png') {
        const url = largeGraphCanvas(doc, how.scale, true)?.toDataURL('image/png');
        return url ? { url, note } : null;
      }
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
