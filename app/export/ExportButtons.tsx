import { downloadPng, downloadSvg } from './graphImage.ts';
import './export.css';

/** `Download SVG` / `Download PNG` of the graph, for slides; results are told through onStatus. */
export function ExportButtons({ onStatus }: { onStatus(message: string): void }) {
  return (
    <>
      <p className="field-label export-title" id="export-title">
        Picture of the graph (for slides)
      </p>
      <div className="export-buttons" role="group" aria-labelledby="export-title">
        <button
          type="button"
          onClick={() =>
            onStatus(downloadSvg() ? 'SVG downloaded.' : 'There is no graph to export yet.')
          }
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
    </>
  );
}
