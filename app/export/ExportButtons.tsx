import { useEffect, useState } from 'react';
import { downloadPng, downloadSvg, svgRefused } from './graphImage.ts';
import { SVG_NODE_LIMIT } from './lodPicture.ts';
import './export.css';

/**
 * `Download SVG` / `Download PNG` of the graph, for slides; results are told through onStatus.
 * Past the SVG limit the dialog says so before any click: `Download SVG` is marked unavailable
 * (still focusable, so the reason is read with it) and a note under the buttons says why and
 * what to use instead.
 */
export function ExportButtons({ onStatus }: { onStatus(message: string): void }) {
  // Mounted afresh each time the Share dialog opens (ShareButton keys it by its openings): the
  // drawing on screen then decides, a large graph's layout having arrived since the formula did.
  const [refused, setRefused] = useState<number | null>(null);
  useEffect(() => setRefused(svgRefused()), []);

  return (
    <>
      <p className="field-label export-title" id="export-title">
        Picture of the graph (for slides)
      </p>
      <div className="export-buttons" role="group" aria-labelledby="export-title">
        <button
          type="button"
          aria-disabled={refused !== null ? true : undefined}
          aria-describedby={refused !== null ? 'export-svg-refused' : undefined}
          onClick={() => {
            const result = downloadSvg();
            const nodes = svgRefused();
            setRefused(nodes);
            onStatus(svgMessage(result, nodes));
          }}
        >
          Download SVG
        </button>
        <button
          type="button"
          onClick={() =>
            void downloadPng().then((ok) =>
              onStatus(ok ? 'PNG downloaded.' : 'Could not make the PNG here: try Download SVG.'),
            )
          }
        >
          Download PNG
        </button>
      </div>
      {refused !== null && (
        <p className="note export-refused" id="export-svg-refused">
          {refusedReason(refused)}
        </p>
      )}
    </>
  );
}

/** Why there is no SVG of this graph, and what to use instead (the note under the buttons). */
function refusedReason(nodes: number): string {
  return `No SVG for this graph: it has ${nodes.toLocaleString('en')} nodes, and ${TOO_BIG}`;
}

/** What pressing Download SVG did (the dialog's status line). */
function svgMessage(result: ReturnType<typeof downloadSvg>, nodes: number | null): string {
  if (result === 'saved') return 'SVG downloaded.';
  if (result === 'none' || nodes === null) return 'There is no graph to export yet.';
  return `This graph has ${nodes.toLocaleString('en')} nodes: ${TOO_BIG}`;
}

const TOO_BIG = `an SVG of more than ${SVG_NODE_LIMIT.toLocaleString('en')} is too big to be of use. Download PNG saves the whole graph as a picture.`;
