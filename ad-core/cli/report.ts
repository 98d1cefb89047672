// Everything the CLI prints, computed once as plain data; the text and JSON renderers only format it.
import { checkAgainst } from '../check.ts';
import { nonAnalyticOps } from '../complex-eval.ts';
import { evaluate } from '../evaluate.ts';
import { forward } from '../forward.ts';
import { OPS_BY_ID } from '../ops.ts';
import { copyPoint, emptyPoint } from '../point.ts';
import { reverse } from '../reverse.ts';
import type { CheckRow, FdMethod, Graph, GraphNode, Mode, Point } from '../types.ts';

export interface NodeRow {
  id: number;
  /** Wengert name (`v₁`) or a constant's literal. */
  name: string;
  op: string;
  args: number[];
  /** `v₁ · v₂`, `sin(v₁)`, `x` for an input, the literal for a constant. */
  operation: string;
  value: number;
  adjoint: number;
  /** Forward mode only. */
  tangent?: number;
  /** The binding name if a statement `a = …` produced this node. */
  binding?: string;
  /** The rule in words where a derivative convention decided this node's partials. */
  convention?: string;
}

export interface Report {
  formula: string;
  mode: Mode;
  variables: string[];
  point: Point;
  value: number;
  gradient: Point;
  method: FdMethod;
  /** The user's `--h`, if any (scaled by max(1, |x|) per variable, like every step). */
  h: number | undefined;
  check: CheckRow[];
  nodes: NodeRow[];
  /** Forward mode: the seed direction and the output's tangent ∇f·seed. */
  seed?: Point;
  directional?: number;
  /** Complex step only: the non-analytic ops that make it unsupported here. */
  unsupportedOps?: string[];
}

export interface ReportInput {
  formula: string;
  graph: Graph;
  point: Point;
  mode: Mode;
  seed?: Point;
  method: FdMethod;
  h?: number;
}

export function buildReport(input: ReportInput): Report {
  const { graph, point, mode, method } = input;
  const evaluation = evaluate(graph, point);
  const { adjoints } = reverse(graph, evaluation);
  const tangents =
    mode === 'forward' && input.seed ? forward(graph, evaluation, input.seed).tangents : null;
  const gradient = emptyPoint();
  graph.variables.forEach((v, i) => {
    gradient[v] = adjoints[graph.inputs[i] ?? -1] ?? NaN;
  });
  const nodes = graph.nodes.map((node): NodeRow => {
    const row: NodeRow = {
      id: node.id,
      name: node.name,
      op: node.op,
      args: [...node.args],
      operation: operationText(graph, node),
      value: evaluation.values[node.id] ?? NaN,
      adjoint: adjoints[node.id] ?? NaN,
    };
    if (tangents) row.tangent = tangents[node.id] ?? NaN;
    if (node.binding !== undefined) row.binding = node.binding;
    const convention = evaluation.conventions.get(node.id);
    if (convention !== undefined) row.convention = convention;
    return row;
  });
  const report: Report = {
    formula: input.formula,
    mode,
    variables: [...graph.variables],
    point: copyPoint(point),
    value: evaluation.values[graph.output] ?? NaN,
    gradient,
    method,
    h: input.h,
    // The reverse pass above is the AD side of the check: it is not run a second time.
    check: checkAgainst(
      graph,
      point,
      graph.inputs.map((id) => adjoints[id] ?? NaN),
      {
        method,
        ...(input.h !== undefined ? { h: input.h } : {}),
      },
    ),
    nodes,
  };
  if (method === 'complex') {
    const ops = nonAnalyticOps(graph);
    if (ops.length > 0) report.unsupportedOps = ops;
  }
  if (tangents && input.seed) {
    report.seed = copyPoint(input.seed);
    report.directional = tangents[graph.output] ?? NaN;
  }
  return report;
}

/** The right-hand side of a Wengert line: `v₁ · v₂`, `−v₁`, `sin(v₁)`, `max(v₁, v₂)`. */
export function operationText(graph: Graph, node: GraphNode): string {
  if (node.kind === 'input') return node.variable ?? node.label;
  if (node.kind === 'constant') return node.label;
  const args = node.args.map((id) => graph.nodes[id]?.name ?? `#${id}`);
  const spec = OPS_BY_ID[node.op];
  if (spec?.infix !== undefined && args.length === 2) return `${args[0]} ${spec.infix} ${args[1]}`;
  const fn = spec?.callNames[0];
  if (fn === undefined && args.length === 1) return `${spec?.symbol ?? node.op}${args[0]}`;
  return `${fn ?? node.op}(${args.join(', ')})`;
}
