// React keys for the drawn nodes and edges that survive an edit's renumbering. Node ids are tape
// positions, so one character typed early in a formula shifts the id of every node after it; keyed
// by id, each of those elements would be handed another node (a new place, new text, new numbers)
// and every edge label after it would jump too. Keyed by what a node computes instead (its kind,
// op, label and binding, and the keys of its arguments), a node whose sub-expression the edit did
// not touch keeps its element, so React and the browser leave alone what did not change. A node
// the edit did change (its sub-expression is new) takes over the element its id had before, when
// that one is free: updating an element in place is much cheaper than unmounting one and mounting
// another.
import type { Graph } from '../../ad-core/index.ts';

export interface StableKeys {
  /** By node id. Distinct within one graph. */
  node: readonly string[];
  /** By edge id. Distinct within one graph. */
  edge: readonly string[];
}

const cache = new WeakMap<Graph, StableKeys>();
/** The keys handed out last, whose elements are on screen: what a changed node may take over. */
let last: StableKeys | null = null;

/** Keys for drawing `graph`, reusing the previously drawn graph's elements where they match. */
export function drawingKeys(graph: Graph): StableKeys {
  const hit = cache.get(graph);
  if (hit) return (last = hit);
  const keys = recycled(structuralKeys(graph), last);
  cache.set(graph, keys);
  return (last = keys);
}

/**
 * `now` with each key that was not drawn before replaced by the key its id had before, where that
 * key is neither drawn now nor taken already. Keys stay distinct: a taken-over key is not among
 * `now`'s own keys, and each is taken once.
 */
export function recycled(now: StableKeys, before: StableKeys | null): StableKeys {
  if (!before) return now;
  const take = (keys: readonly string[], old: readonly string[]) => {
    const drawn = new Set(old);
    const own = new Set(keys);
    const taken = new Set<string>();
    return keys.map((key, id) => {
      if (drawn.has(key)) return key;
      const previous = old[id];
      if (previous === undefined || own.has(previous) || taken.has(previous)) return key;
      taken.add(previous);
      return previous;
    });
  };
  return { node: take(now.node, before.node), edge: take(now.edge, before.edge) };
}

/** Keys from what each node computes alone, the same for the same formula whatever came before. */
export function structuralKeys(graph: Graph): StableKeys {
  const seen = new Map<string, number>();
  const node: string[] = new Array<string>(graph.nodes.length);
  // The tape is in topological order: arguments are keyed before their consumers. A node whose
  // argument is missing (never in a compiled graph) is keyed by its id, so keys stay distinct.
  for (const n of graph.nodes) {
    const args = n.args.map((a) => node[a] ?? `#${a}`).join(',');
    // A key is a hash of the node's own fields and its arguments' keys: independent of where in
    // the tape the node sits, and a few characters long however deep the expression (a
    // 20,000-binding chain would otherwise build quadratic strings).
    const hash = hashOf(
      `${n.kind}|${n.op}|${n.label}|${n.variable ?? ''}|${n.binding ?? ''}|${args}`,
    );
    // The same computation twice (`x*y + x*y` is not merged), or a hash collision, is told apart
    // by its occurrence.
    const occurrence = seen.get(hash) ?? 0;
    seen.set(hash, occurrence + 1);
    node[n.id] = occurrence === 0 ? hash : `${hash}.${occurrence}`;
  }
  // One edge per argument slot of its consumer: (consumer, slot) is distinct, and with the
  // argument's key it changes whenever what flows along the edge does.
  const edge = graph.edges.map(
    (e) => `${node[e.from] ?? `#${e.from}`}>${node[e.to] ?? `#${e.to}`}:${e.argIndex}`,
  );
  return { node, edge };
}

/** A 53-bit string hash (cyrb53), written in base 36. */
function hashOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
