import { downloadPng, downloadSvg, svgRefused } from './graphImage.ts';
import { SVG_NODE_LIMIT } from './lodPicture.ts';
import './export.css';

/** `Download SVG` / `Download PNG` of the graph, for slides; results are told through onStatus. */
export function ExportButtons({ onStatus }: { onStatus(message: string): void }) {
  return (
    <>
      <p className="field-label export-title" id="export-title">
        Picture of the graph (for slides)
      </p>
      <div className="export-buttons" role="group" aria-labelledby="export-title">
        <button type="button" onClick={() => onStatus(svgMessage(downloadSvg(), svgRefused()))}>
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
    </>
  );
}

function svgMessage(result: ReturnType<typeof downloadSvg>, nodes: number | null): string {
  if (result === 'saved') return 'SVG downloaded.';
  if (result === 'none') return 'There is no graph to export yet.';
  return `This graph has ${(nodes ?? 0).toLocaleString('en')} nodes: an SVG of more than ${SVG_NODE_LIMIT.toLocaleString('en')} is too big to be of use. Download PNG saves the whole graph as a picture.`;
}
