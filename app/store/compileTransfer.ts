// How a compiled graph crosses from the compile worker to the page. Structured cloning a
// 20,000-node graph in one message costs the page one long task to deserialize it, so the graph
// travels in parts of bounded weight: each part is its own message, hence its own short task, and
// the page reassembles the very same Graph (the parts concatenated, the typed arrays moved, not
// copied). A node whose spans run into the thousands (`x` used 500,000 times) sends them packed
// in an Int32Array, which is cheap to clone, and they are unpacked on arrival. Edges, four numbers
// each, always travel packed (a part of edges is one Int32Array, moved): cloning 12,000 small
// objects cost the page several times more than making them again from the numbers.
import type {
  BuildResult,
  Diagnostic,
  Evaluation,
  Graph,
  GraphEdge,
  GraphNode,
  Span,
} from '../../ad-core/index.ts';

/** The Graph's arrays that are sent in parts (everything else rides in the final message). */
export const PART_KEYS = ['nodes', 'edges', 'inEdges', 'outEdges'] as const;
export type PartKey = (typeof PART_KEYS)[number];

/**
 * A part's weight limit, in roughly "values the page must deserialize": a node counts its
 * fields, its spans and its arguments (see weightOf); a packed edge counts 1.
 */
export const PART_WEIGHT = 12_000;
/** What a node's fixed fields weigh (id, kind, op, name, label, … and its two arrays). */
const NODE_FIELDS = 10;
/** Numbers per packed edge: id, from, to, argIndex. */
const EDGE_INTS = 4;
/** Nodes with more spans than this send them packed. */
const PACK_SPANS_OVER = 256;

type WireNode = Omit<GraphNode, 'spans'> & { spans: Span[] | Int32Array };

export type CompileReply =
  | { id: number; kind: 'part'; key: PartKey; items: unknown[] }
  | { id: number; kind: 'done'; result: WireResult; evaluation?: WireEvaluation }
  | { id: number; kind: 'error'; error: string };

/**
 * The graph's evaluation at the point in use (derive.ts's `pointKeyOf` of it), made in the worker
 * so the page need not: its two arrays are moved, not copied.
 */
export interface WireEvaluation {
  pointKey: string;
  values: Float64Array;
  partials: Float64Array;
  conventions: [number, string][];
}

/** What the worker computed at a point, ready to send. */
export interface PointEvaluation {
  pointKey: string;
  evaluation: Evaluation;
}

export function wireEvaluation({ pointKey, evaluation }: PointEvaluation): WireEvaluation {
  const { values, partials, conventions } = evaluation;
  return { pointKey, values, partials, conventions: [...conventions] };
}

export function unwireEvaluation(wire: WireEvaluation): PointEvaluation {
  const { pointKey, values, partials, conventions } = wire;
  return { pointKey, evaluation: { values, partials, conventions: new Map(conventions) } };
}

export type WireResult =
  { ok: true; graph: Omit<Graph, PartKey> } | { ok: false; diagnostics: Diagnostic[] };

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
  for (let i = 0; i < spans.length; i++)
    spans[i] = { start: packed[2 * i]!, end: packed[2 * i + 1]! };
  return { ...node, spans };
}

function weightOf(key: PartKey, item: unknown): number {
  if (key === 'edges') return 1;
  if (Array.isArray(item)) return 1 + item.length;
  if (item && typeof item === 'object') {
    const n = item as { spans?: unknown; args?: unknown[] };
    // A span is an object of two numbers: three values to deserialize.
    const spans =
      n.spans instanceof Int32Array ? 1 : Array.isArray(n.spans) ? 3 * n.spans.length : 0;
    return NODE_FIELDS + spans + (Array.isArray(n.args) ? n.args.length : 0);
  }
  return 1;
}

/** A run of edges as one Int32Array (moved, not cloned): the part's only item. */
export function packEdges(edges: readonly GraphEdge[]): Int32Array {
  const packed = new Int32Array(edges.length * EDGE_INTS);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const o = i * EDGE_INTS;
    packed[o] = e.id;
    packed[o + 1] = e.from;
    packed[o + 2] = e.to;
    packed[o + 3] = e.argIndex;
  }
  return packed;
}

export function unpackEdges(packed: Int32Array): GraphEdge[] {
  const edges = new Array<GraphEdge>(packed.length / EDGE_INTS);
  for (let i = 0; i < edges.length; i++) {
    const o = i * EDGE_INTS;
    edges[i] = {
      id: packed[o]!,
      from: packed[o + 1]!,
      to: packed[o + 2]!,
      argIndex: packed[o + 3]! as 0 | 1,
    };
  }
  return edges;
}

/**
 * The messages that carry `built` for request `id`, in order; the last is `done` (carrying
 * `evaluated`, the graph's evaluation at a point, when given).
 */
export function* replyMessages(
  id: number,
  built: BuildResult,
  evaluated?: PointEvaluation,
): Generator<Outgoing> {
  if (!built.ok) {
    yield { message: { id, kind: 'done', result: built }, transfer: [] };
    return;
  }
  const { graph } = built;
  const part = (key: PartKey, items: unknown[]): Outgoing => {
    if (key !== 'edges')
      return { message: { id, kind: 'part', key, items }, transfer: transfersOf(items) };
    const packed = packEdges(items as GraphEdge[]);
    return { message: { id, kind: 'part', key, items: [packed] }, transfer: [packed.buffer] };
  };
  for (const key of PART_KEYS) {
    const list: readonly unknown[] = graph[key];
    let items: unknown[] = [];
    let weight = 0;
    for (const raw of list) {
      const item = key === 'nodes' ? packNode(raw as GraphNode) : raw;
      items.push(item);
      weight += weightOf(key, item);
      if (weight >= PART_WEIGHT) {
        yield part(key, items);
        items = [];
        weight = 0;
      }
    }
    if (items.length > 0) yield part(key, items);
  }
  const rest: Partial<Graph> = { ...graph };
  for (const key of PART_KEYS) delete rest[key];
  const tape = graph.tape;
  // The tape is the worker's own copy, never used there again: move its buffers.
  const transfer = [tape.opIndex, tape.arg0, tape.arg1, tape.constant, tape.edge0, tape.edge1].map(
    (a) => a.buffer,
  );
  const evaluation = evaluated ? wireEvaluation(evaluated) : undefined;
  if (evaluation) transfer.push(evaluation.values.buffer, evaluation.partials.buffer);
  yield {
    message: {
      id,
      kind: 'done',
      result: { ok: true, graph: rest as Omit<Graph, PartKey> },
      ...(evaluation ? { evaluation } : {}),
    },
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
    const list =
      key === 'nodes'
        ? items.map((n) => unpackNode(n as WireNode))
        : key === 'edges' && items[0] instanceof Int32Array
          ? unpackEdges(items[0])
          : items;
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
