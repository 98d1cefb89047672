import { useStore } from 'zustand';
import { printGraphStore } from './printGraph.ts';

/** While printing from Share: the whole drawing as a picture, in the graph's place on paper. */
export function PrintGraph() {
  const url = useStore(printGraphStore, (s) => s.url);
  const note = useStore(printGraphStore, (s) => s.note);
  if (!url) return null;
  return (
    <>
      <img className="print-graph" src={url} alt="The computational graph, whole" />
      {note && <p className="print-graph-note">{note}</p>}
    </>
  );
}
