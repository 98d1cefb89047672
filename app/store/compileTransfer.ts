// How a compiled graph crosses from the compile worker to the page. Structured cloning a
// 20,000-node graph in one message costs the page one long task to deserialize it, so the graph
// travels in parts of bounded weight: each part is its own message, hence its own short task, and
// the page reassembles the very same Graph (the parts concatenated, the typed arrays moved, not
// copied). A node whose spans run into the thousands (`x` used 500,000 times) sends them packed
// in an Int32Array, which is cheap to clone, and they are unpacked on arrival.
import type { BuildResult, Diagnostic, Graph, GraphNode, Span } from '../../ad-core/index.ts';

/** The Graph's arrays that are sent in parts (everything else rides in the final message). */
export const PART_KEYS = ['nodes', 'edges', 'inEdges', 'outEdges'] as const;
export type PartKey = (typeof PART_KEYS)[number];

/** A part's weight limit: items plus the spans and arguments inside them. */
export const PART_WEIGHT = 12_000;
/** Nodes with more spans than this send them packed. */
const PACK_SPANS_OVER = 256;

type WireNode = Omit<GraphNode, 'spans'> & { spans: Span[] | Int32Array };

export type CompileReply =
  | { id: number; kind: 'part'; key: PartKey; items: unknown[] }
  | { id: number; kind: 'done'; result: WireResult }
  | { id: number; kind: 'error'; error: string };

export type WireResult =
  | { ok: true; graph: Omit<Graph, PartKey> }
  | { ok: false; diagnostics: Diagnostic[] };

export interface Outgoing {
  message: CompileReply;
  transfer: Transferable[];
}

function packNode(node: GraphNode): WireNode {
  if (node.spans.length <= PACK_SPANS_OVER) return node;
  const packed = new Int32Array(node.spans.length * 2);
  node.spans.forEach((s, i) => {
    packed[2 * i] = s.start;
    packed[2 * i + 1] = s.end;
  });
  return { ...node, spans: packed };
}

function unpackNode(node: WireNode): GraphNode {
  if (!(node.spans instanceof Int32Array)) return node as GraphNode;
  const packed = node.spans;
  const spans: Span[] = new Array<Span>(packed.length / 2);
  for (let i = 0; i < spans.length; i++) spans[i] = { start: packed[2 * i]!, end: packed[2 * i + 1]! };
  return { ...node, spans };
}

function weightOf(item: unknown): number {
  if (Array.isArray(item)) return 1 + item.length;
  if (item && typeof item === 'object') {
    const n = item as { spans?: unknown; args?: unknown[] };
    const spans = n.spans instanceof Int32Array ? 1 : Array.isArray(n.spans) ? n.spans.length : 0;
    return 1 + spans + (Array.isArray(n.args) ? n.args.length : 0);
  }
  return 1;
}

/** The messages that carry `built` for request `id`, in order; the last is `done`. */
export function* replyMessages(id: number, built: BuildResult): Generator<Outgoing> {
  if (!built.ok) {
    yield { message: { id, kind: 'done', result: built }, transfer: [] };
    return;
  }
  const { graph } = built;
  for (const key of PART_KEYS) {
    const list: readonly unknown[] = graph[key];
    let items: unknown[] = [];
    let weight = 0;
    for (const raw of list) {
      const item = key === 'nodes' ? packNode(raw as GraphNode) : raw;
      items.push(item);
      weight += weightOf(item);
      if (weight >= PART_WEIGHT) {
        yield { message: { id, kind: 'part', key, items }, transfer: transfersOf(items) };
        items = [];
        weight = 0;
      }
    }
    if (items.length > 0)
      yield { message: { id, kind: 'part', key, items }, transfer: transfersOf(items) };
  }
  const rest: Partial<Graph> = { ...graph };
  for (const key of PART_KEYS) delete rest[key];
  const tape = graph.tape;
  // The tape is the worker's own copy, never used there again: move its buffers.
  const transfer = [tape.opIndex, tape.arg0, tape.arg1, tape.constant, tape.edge0, tape.edge1].map(
    (a) => a.buffer,
  );
  yield {
    message: { id, kind: 'done', result: { ok: true, graph: rest as Omit<Graph, PartKey> } },
    transfer: [...new Set(transfer)],
  };
}

function transfersOf(items: unknown[]): Transferable[] {
  const out: Transferable[] = [];
  for (const item of items) {
    const spans = (item as { spans?: unknown } | null)?.spans;
    if (spans instanceof Int32Array) out.push(spans.buffer);
  }
  return out;
}

/** Collects the parts of one request on the page; `finish` gives back the BuildResult. */
export class GraphAssembler {
  private readonly parts = new Map<PartKey, unknown[][]>();

  add(key: PartKey, items: unknown[]): void {
    const list = key === 'nodes' ? items.map((n) => unpackNode(n as WireNode)) : items;
    const known = this.parts.get(key);
    if (known) known.push(list);
    else this.parts.set(key, [list]);
  }

  finish(result: WireResult): BuildResult {
    if (!result.ok) return result;
    const whole = (key: PartKey): unknown[] => {
      const chunks = this.parts.get(key) ?? [];
      return chunks.length === 1 ? chunks[0]! : ([] as unknown[]).concat(...chunks);
    };
    const graph = {
      ...result.graph,
      nodes: whole('nodes') as GraphNode[],
      edges: whole('edges') as Graph['edges'],
      inEdges: whole('inEdges') as number[][],
      outEdges: whole('outEdges') as number[][],
    } as Graph;
    return { ok: true, graph };
  }
}
