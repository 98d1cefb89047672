// Ordering the nodes within each column of a large graph. d3-dag's decrossTwoLayer recounts every
// crossing (quadratic in a column's height) after each pass to keep the best order, which was
// most of a 100-node layout; barycentre sweeps without the recount are ten times cheaper and, on
// formula graphs, leave fewer crossings (measured: 246 against 300 at 100 nodes, 6265 against
// 6401 at 500).
import { decrossDfs, type Decross } from 'd3-dag';

/** What the sweeps need of a d3-dag node. */
interface Linked {
  parents(): Iterable<Linked>;
  children(): Iterable<Linked>;
}

/**
 * Starts from a depth-first order taken from the output backwards (for a formula, a tree over
 * shared inputs, that leaves little but the inputs' edges to untangle), then moves each node to
 * the mean position of its neighbours in the previous column, left to right and back, `rounds`
 * times. Nodes without neighbours on that side keep their place.
 */
export function sweepDecross(rounds = 2): Decross<unknown, unknown> {
  const start = decrossDfs().topDown(false);
  return (layers) => {
    start(layers);
    const pos = new Map<Linked, number>();
    const index = (layer: readonly Linked[]) => layer.forEach((node, i) => pos.set(node, i));
    layers.forEach(index);
    const sweep = (layer: Linked[], neighbours: (node: Linked) => Iterable<Linked>) => {
      const centre = new Map<Linked, number>();
      for (const node of layer) {
        let sum = 0;
        let count = 0;
        for (const other of neighbours(node)) {
          sum += pos.get(other) ?? 0;
          count++;
        }
        centre.set(node, count > 0 ? sum / count : pos.get(node)!);
      }
      layer.sort((a, b) => centre.get(a)! - centre.get(b)! || pos.get(a)! - pos.get(b)!);
      index(layer);
    };
    for (let r = 0; r < rounds; r++) {
      for (let i = 1; i < layers.length; i++) sweep(layers[i]!, (node) => node.parents());
      for (let i = layers.length - 2; i >= 0; i--) sweep(layers[i]!, (node) => node.children());
    }
  };
}
