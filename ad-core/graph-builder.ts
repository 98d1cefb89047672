// The one way a graph's nodes, edges and tape are made: the formula's builder (graph.ts) and the
// training batch view (train/batchGraph.ts) both make their nodes with `NodeBuilder`, their edges
// with `wireEdges` and their tape with `buildTape`.
import { subscript } from './format.ts';
import { OP_INDEX, OPS_BY_INDEX } from './ops.ts';
import type { GraphEdge, GraphNode, Span, Tape } from './types.ts';

export const OP_INPUT = -1;
export const OP_CONSTANT = -2;

/** Wengert name of an input (index ≤ 0) or op (index ≥ 1): `v₋₁`, `v₀`, `v₃`. */
export function wengertName(index: number): string {
  return `v${subscript(index)}`;
}

/** An op's label: its symbol in the op table (`+`, `sin`). */
export function opSymbol(opId: string): string {
  return OPS_BY_INDEX[OP_INDEX[opId] ?? -1]?.symbol ?? opId;
}

/**
 * Nodes in building order, ops numbered v₁, v₂, … as they come. With `merge`, a constant or an op
 * already built with the same value or arguments is reused, its spans growing.
 */
export class NodeBuilder {
  readonly nodes: GraphNode[] = [];
  private opCount = 0;
  private readonly merge: Map<string, number> | null;

  constructor(merge = false) {
    this.merge = merge ? new Map() : null;
  }

  private push(node: Omit<GraphNode, 'id'>): number {
    const id = this.nodes.length;
    this.nodes.push({ id, ...node });
    return id;
  }

  private reuse(key: string, spans: readonly Span[]): number | undefined {
    const known = this.merge?.get(key);
    if (known !== undefined) this.nodes[known]!.spans.push(...spans);
    return known;
  }

  input(name: string, wengertIndex: number, spans: readonly Span[] = []): number {
    return this.push({
      kind: 'input',
      op: 'input',
      args: [],
      name: wengertName(wengertIndex),
      wengertIndex,
      label: name,
      variable: name,
      spans: [...spans],
    });
  }

  constant(value: number, spans: readonly Span[], name: string): number {
    const key = this.merge ? `c:${Object.is(value, -0) ? '-0' : String(value)}:${name}` : '';
    const known = this.reuse(key, spans);
    if (known !== undefined) return known;
    const id = this.push({
      kind: 'constant',
      op: 'const',
      args: [],
      name,
      wengertIndex: null,
      label: name,
      constant: value,
      spans: [...spans],
    });
    this.merge?.set(key, id);
    return id;
  }

  op(opId: string, args: number[], spans: readonly Span[], binding?: string): number {
    const key = this.merge ? `${opId}(${args.join(',')})` : '';
    const known = this.reuse(key, spans);
    if (known !== undefined) return known;
    const wengertIndex = ++this.opCount;
    const id = this.push({
      kind: 'op',
      op: opId,
      args,
      name: wengertName(wengertIndex),
      wengertIndex,
      label: opSymbol(opId),
      spans: [...spans],
      ...(binding !== undefined ? { binding } : {}),
    });
    this.merge?.set(key, id);
    return id;
  }
}

/**
 * The edges of nodes whose ids are their places and whose args point to earlier nodes: one edge
 * per argument, numbered node by node, argument by argument.
 */
export function wireEdges(nodes: readonly GraphNode[]): {
  edges: GraphEdge[];
  inEdges: number[][];
  outEdges: number[][];
} {
  const n = nodes.length;
  const edges: GraphEdge[] = [];
  const inEdges: number[][] = [];
  // Filled as edges come: an array literal per node holds exactly its edges, where `[]` and a
  // push would reserve 17 slots for each of half a million nodes.
  const outEdges: (number[] | undefined)[] = new Array<number[] | undefined>(n);
  for (let i = 0; i < n; i++) {
    const args = nodes[i]!.args;
    const first = edges.length;
    args.forEach((from, argIndex) => {
      const edge = edges.length;
      edges.push({ id: edge, from, to: i, argIndex: argIndex as 0 | 1 });
      const users = outEdges[from];
      if (users) users.push(edge);
      else outEdges[from] = [edge];
    });
    inEdges.push(args.map((_, k) => first + k));
  }
  for (let i = 0; i < n; i++) outEdges[i] ??= [];
  return { edges, inEdges, outEdges: outEdges as number[][] };
}

/** The typed-array view of a graph the passes run over. */
export function buildTape(nodes: readonly GraphNode[], inEdges: readonly number[][]): Tape {
  const n = nodes.length;
  const tape: Tape = {
    opIndex: new Int16Array(n),
    arg0: new Int32Array(n).fill(-1),
    arg1: new Int32Array(n).fill(-1),
    constant: new Float64Array(n),
    edge0: new Int32Array(n).fill(-1),
    edge1: new Int32Array(n).fill(-1),
  };
  for (const node of nodes) {
    const i = node.id;
    if (node.kind === 'input') tape.opIndex[i] = OP_INPUT;
    else if (node.kind === 'constant') {
      tape.opIndex[i] = OP_CONSTANT;
      tape.constant[i] = node.constant ?? NaN;
    } else {
      tape.opIndex[i] = OP_INDEX[node.op] ?? -3;
      tape.arg0[i] = node.args[0] ?? -1;
      tape.arg1[i] = node.args[1] ?? -1;
      tape.edge0[i] = inEdges[i]![0] ?? -1;
      tape.edge1[i] = inEdges[i]![1] ?? -1;
    }
  }
  return tape;
}
