// The trace table as a teacher takes it away: LaTeX (a `tabular` that compiles), Markdown and CSV.
// Each export writes exactly what the table shows at the current frame, so a half-played trace
// gives a worksheet with the rest left blank for students to fill in.
import { OPS_BY_ID, formatNumber } from '../../ad-core/index.ts';
import type { Frame, Graph, GraphNode, Trace } from '../../ad-core/index.ts';
import { escapeLatexText, numberTex, variableTex, wengertTex } from './tex-parts.ts';
import { traceTableModel } from './trace-rows.ts';
import type { TraceRow } from './trace-rows.ts';

/** Significant digits in the LaTeX and Markdown exports (the table's own precision). */
const DIGITS = 4;

function operationTex(graph: Graph, node: GraphNode): string {
  const self = wengertTex(node);
  if (node.kind === 'input') return `${self} = ${variableTex(node.variable ?? node.label)}`;
  const args = node.args.map((id) => {
    const arg = graph.nodes[id];
    return arg ? wengertTex(arg) : '?';
  });
  const spec = OPS_BY_ID[node.op];
  const body = spec ? spec.tex(args) : `\\text{${escapeLatexText(node.op)}}`;
  return `${self} = ${body}`;
}

function mathCell(tex: string): string {
  return `$${tex}$`;
}

function latexNumber(x: number | null): string {
  return x === null ? '' : mathCell(numberTex(x, DIGITS));
}

/** A complete `tabular` (needs `amsmath` for the operator names some operations use). */
export function traceToLatex(trace: Trace, frame: Frame): string {
  const model = traceTableModel(trace, frame);
  const { graph } = trace;
  const derivativeHead = model.mode === 'forward' ? 'Tangent $\\dot v$' : 'Adjoint $\\bar v$';
  const lines: string[] = [
    `% Trace table from Autodiff Playground: ${model.mode} mode, step ${frame.step} of ${frame.total}.`,
    '% Needs \\usepackage{amsmath} in the preamble.',
    '\\begin{tabular}{l l r l r}',
    '\\hline',
    `Node & Operation & Value & Local partials & ${derivativeHead} \\\\`,
    '\\hline',
  ];
  for (const row of model.rows) {
    const node = graph.nodes[row.nodeId];
    if (!node) continue;
    const partials = row.partials
      .map((p) => {
        const wrt = graph.nodes[p.wrt];
        const wrtTex = wrt ? wengertTex(wrt) : '?';
        const which = p.label.endsWith('(1st arg)') ? ' (1st arg)' : p.label.endsWith('(2nd arg)') ? ' (2nd arg)' : '';
        const value = p.value === null ? '' : ` = ${numberTex(p.value, DIGITS)}`;
        return `${mathCell(`\\partial ${wengertTex(node)}/\\partial ${wrtTex}${value}`)}${which}`;
      })
      .join(', ');
    const cells = [
      mathCell(wengertTex(node)),
      mathCell(operationTex(graph, node)),
      latexNumber(row.value),
      partials,
      latexNumber(row.derivative),
    ];
    lines.push(`${cells.join(' & ')} \\\\`);
  }
  lines.push('\\hline', '\\end{tabular}');
  return lines.join('\n') + '\n';
}

function markdownCell(text: string): string {
  return text.replace(/[\\|*_`<[\]]/g, (ch) => `\\${ch}`).replace(/[\r\n]+/g, ' ');
}

function displayNumber(x: number | null): string {
  return x === null ? '' : formatNumber(x, DIGITS);
}

function partialsText(row: TraceRow): string {
  return row.partials.map((p) => `${p.label}${p.value === null ? '' : ` = ${displayNumber(p.value)}`}`).join('; ');
}

/** A GitHub-flavoured Markdown table, numbers as the table shows them. */
export function traceToMarkdown(trace: Trace, frame: Frame): string {
  const model = traceTableModel(trace, frame);
  const header = ['Node', 'Operation', 'Value', 'Local partials', model.derivativeHeading];
  const lines = [
    `| ${header.map(markdownCell).join(' | ')} |`,
    '| --- | --- | ---: | --- | ---: |',
    ...model.rows.map((row) => {
      const cells = [row.name, row.operation, displayNumber(row.value), partialsText(row), displayNumber(row.derivative)];
      return `| ${cells.map(markdownCell).join(' | ')} |`;
    }),
  ];
  return lines.join('\n') + '\n';
}

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Full precision, exactly as `String(x)` writes it (`NaN`, `Infinity`, `-Infinity`), so `Number(cell)` gives it back. */
function csvNumber(x: number | null): string {
  return x === null ? '' : String(x);
}

/** CSV with a header row and full-precision numbers; unknown cells are empty. CRLF line ends. */
export function traceToCsv(trace: Trace, frame: Frame): string {
  const model = traceTableModel(trace, frame);
  const derivative = model.mode === 'forward' ? 'tangent' : 'adjoint';
  const header = ['node_id', 'name', 'kind', 'operation', 'value', 'partial_1_label', 'partial_1', 'partial_2_label', 'partial_2', derivative];
  const rows = model.rows.map((row) => {
    const [p1, p2] = row.partials;
    return [
      String(row.nodeId),
      row.name,
      row.kind,
      row.operation,
      csvNumber(row.value),
      p1?.label ?? '',
      csvNumber(p1?.value ?? null),
      p2?.label ?? '',
      csvNumber(p2?.value ?? null),
      csvNumber(row.derivative),
    ];
  });
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** File name for the CSV download: `trace-reverse-step-12.csv`. */
export function csvFileName(trace: Trace, frame: Frame): string {
  return `trace-${trace.mode}-step-${frame.step}.csv`;
}
