// One step of a trace in words and numbers, the way a teacher would say it at the board:
// `v₃ = v₁ · v₂ = 2 · 5 = 10`, `v̄₁ += v̄₃ · ∂v₃/∂v₁ = 1 · 5 = 5`. TeX versions are built from
// the graph alone (Wengert names, op rows, numbers), never from the learner's raw text.
import { formatNumber } from './format.ts';
import { focusedIndex, outputName } from './jacobian.ts';
import { OPS_BY_ID, type OpRow } from './ops.ts';
import type { Contribution, Graph, GraphNode, Step, Trace } from './types.ts';

export interface Explanation {
  /** A short heading: `Evaluate v₃`, `Seed the output`, `Propagate v̄₃`. */
  title: string;
  /** Plain text, one statement per line, numbers to 4 significant digits. */
  lines: string[];
  /** The same lines as TeX (symbolic, then with numbers), for a KaTeX view. */
  tex: string[];
  /** The derivative convention used in this step, in words, if one was. */
  convention?: string;
}

const BAR = '\u0304';
const DOT = '\u0307';

/** `v₃` → `v̄₃` (adjoint), `v̇₃` (tangent). Constants have no Wengert name; they keep theirs. */
const withMark = (name: string, mark: string) =>
  name.startsWith('v') ? `v${mark}${name.slice(1)}` : name;
const bar = (n: GraphNode) => withMark(n.name, BAR);
const dot = (n: GraphNode) => withMark(n.name, DOT);
const fmt = (x: number) => formatNumber(x);

// ---------------------------------------------------------------------------------------------
// TeX pieces

/** Identifiers are letters, digits and `_`; anything else is dropped rather than trusted. */
export function texIdentifier(name: string): string {
  const safe = [...name].filter((ch) => /[\p{L}\p{N}_]/u.test(ch)).join('');
  return `\\mathrm{${safe.replace(/_/g, '\\_')}}`;
}

export function texNumber(x: number): string {
  if (Number.isNaN(x)) return '\\mathrm{NaN}';
  if (x === Infinity) return '\\infty';
  if (x === -Infinity) return '-\\infty';
  const s = formatNumber(x).replace(/−/g, '-');
  const m = /^(-?[\d.]+)e(-?\d+)$/.exec(s);
  return m ? `${m[1]} \\times 10^{${m[2]}}` : s;
}

function texNode(n: GraphNode, accent?: 'bar' | 'dot'): string {
  if (n.wengertIndex === null) return texNumber(n.constant ?? NaN);
  const v = accent ? `\\${accent}{v}` : 'v';
  return `${v}_{${n.wengertIndex}}`;
}

// ---------------------------------------------------------------------------------------------
// The op applied to arguments, in text

function rowOf(n: GraphNode): OpRow | undefined {
  return OPS_BY_ID[n.op];
}

/** Text of `row` applied to `args`: `v₁ · v₂`, `sin(v₃)`, `|v₁|`, `−v₁`. */
function applyText(row: OpRow, args: string[], numeric: number[] | null): string {
  const shown = args.map((a, i) => {
    const x = numeric?.[i];
    // A negative number as an operand of an infix operator (or any pow base) needs brackets.
    const wrap =
      x !== undefined &&
      (x < 0 || Object.is(x, -0)) &&
      row.infix !== undefined &&
      (i > 0 || row.id === 'pow');
    return wrap ? `(${a})` : a;
  });
  if (row.infix) return `${shown[0]} ${row.infix} ${shown[1]}`;
  if (row.id === 'neg') return `−${numeric && (numeric[0] ?? 0) < 0 ? `(${shown[0]})` : shown[0]}`;
  if (row.id === 'abs') return `|${shown[0]}|`;
  return `${row.symbol}(${shown.join(', ')})`;
}

function texApply(row: OpRow, args: string[], numeric: number[] | null): string {
  const shown = args.map((a, i) => {
    const x = numeric?.[i];
    const needs =
      x !== undefined &&
      x < 0 &&
      ((row.infix !== undefined && (i > 0 || row.id === 'pow')) || row.id === 'neg');
    return needs ? `\\left(${a}\\right)` : a;
  });
  return row.tex(shown);
}

/** ∂out/∂arg as text from the row's symbolic partial, with `a`, `b` replaced by `args`. */
function partialSymbol(row: OpRow, i: number, args: string[]): string {
  const text = row.partialText[i] ?? '';
  const rhs = text.slice(text.indexOf(' = ') + 3);
  return rhs.replace(/\b[ab]\b/g, (m) => (m === 'a' ? args[0] : args[1]) ?? m);
}

const needsBrackets = (s: string) => /[\s+−\-/·]/.test(s.replace(/^\(.*\)$/, ''));
const bracket = (s: string) => (needsBrackets(s) ? `(${s})` : s);

// ---------------------------------------------------------------------------------------------

/** The explanation of step `k` (1-based: the step just taken); k = 0 explains the start. */
export function explainStep(trace: Trace, k: number): Explanation {
  const { graph, steps } = trace;
  const index = Math.max(0, Math.min(steps.length, Math.floor(k)));
  const step = steps[index - 1];
  if (!step) {
    const what =
      trace.mode === 'reverse'
        ? 'values forward, then adjoints backward'
        : 'values and tangents forward';
    return {
      title: 'Start',
      lines: [`Nothing computed yet. The ${trace.mode} pass will compute ${what}.`],
      tex: [],
    };
  }
  switch (step.kind) {
    case 'evaluate':
      return explainEvaluate(trace, step);
    case 'seed-adjoint': {
      const n = graph.nodes[step.node]!;
      if (graph.outputs.length > 1) {
        // Several outputs: this pass is one row of the Jacobian, the followed output's.
        const y = outputName(focusedIndex(graph));
        const yTex = `y_{${focusedIndex(graph) + 1}}`;
        return {
          title: `Seed the adjoint of ${y}`,
          lines: [
            `${bar(n)} = ${fmt(step.adjoint)} (∂${y}/∂${y}); the other outputs are not seeded, so this pass gives row ${y} of the Jacobian`,
          ],
          tex: [
            `${texNode(n, 'bar')} = \\frac{\\partial ${yTex}}{\\partial ${yTex}} = ${texNumber(step.adjoint)}`,
          ],
        };
      }
      return {
        title: 'Seed the output adjoint',
        lines: [`${bar(n)} = ${fmt(step.adjoint)} (∂f/∂f)`],
        tex: [
          `${texNode(n, 'bar')} = \\frac{\\partial f}{\\partial f} = ${texNumber(step.adjoint)}`,
        ],
      };
    }
    case 'seed-tangents':
      return {
        title: 'Seed the input tangents',
        lines: step.tangents.map((t) => `${dot(graph.nodes[t.node]!)} = ${fmt(t.tangent)}`),
        tex: step.tangents.map(
          (t) => `${texNode(graph.nodes[t.node]!, 'dot')} = ${texNumber(t.tangent)}`,
        ),
      };
    case 'propagate':
      return explainPropagate(trace, step);
  }
}

function explainEvaluate(trace: Trace, step: Extract<Step, { kind: 'evaluate' }>): Explanation {
  const { graph, evaluation } = trace;
  const node = graph.nodes[step.node]!;
  if (node.kind === 'input') {
    const name = node.variable ?? node.label;
    const lines = [`${node.name} = ${name} = ${fmt(step.value)}`];
    const tex = [`${texNode(node)} = ${texIdentifier(name)} = ${texNumber(step.value)}`];
    if (step.tangent !== undefined) {
      lines.push(`${dot(node)} = ${fmt(step.tangent)} (seed)`);
      tex.push(`${texNode(node, 'dot')} = ${texNumber(step.tangent)}`);
    }
    return { title: `Input ${name}`, lines, tex };
  }
  const row = rowOf(node)!;
  const args = node.args.map((id) => graph.nodes[id]!);
  const argValues = node.args.map((id) => evaluation.values[id]!);
  const lines = [
    `${node.name} = ${applyText(
      row,
      args.map((a) => a.name),
      null,
    )} = ${applyText(row, argValues.map(fmt), argValues)} = ${fmt(step.value)}`,
  ];
  const tex = [
    `${texNode(node)} = ${texApply(
      row,
      args.map((a) => texNode(a)),
      null,
    )} = ${texApply(row, argValues.map(texNumber), argValues)} = ${texNumber(step.value)}`,
  ];
  const explanation: Explanation = { title: `Evaluate ${node.name}`, lines, tex };
  if (step.tangent !== undefined) {
    const cs = step.contributions ?? [];
    const argNames = args.map((a) => a.name);
    const argTex = args.map((a) => texNode(a));
    if (cs.length === 0) {
      lines.push(`${dot(node)} = 0 (no input flows into it)`);
      tex.push(`${texNode(node, 'dot')} = 0`);
    } else {
      const argIndexOf = (c: Contribution) => graph.edges[c.edge]!.argIndex;
      const symbolic = cs.map(
        (c) =>
          `${dot(graph.nodes[c.from]!)}·${bracket(partialSymbol(row, argIndexOf(c), argNames))}`,
      );
      const numeric = cs.map((c) => `${signed(tangentOf(trace, c))}·${signed(c.partial)}`);
      lines.push(
        `${dot(node)} = ${symbolic.join(' + ')} = ${numeric.join(' + ')} = ${fmt(step.tangent)}`,
      );
      const symTex = cs.map(
        (c) =>
          `${texNode(graph.nodes[c.from]!, 'dot')} \\cdot ${row.partialTex[argIndexOf(c)]?.(argTex) ?? ''}`,
      );
      const numTex = cs.map(
        (c) => `${texNumber(tangentOf(trace, c))} \\cdot ${paren(texNumber(c.partial))}`,
      );
      tex.push(
        `${texNode(node, 'dot')} = ${symTex.join(' + ')} = ${numTex.join(' + ')} = ${texNumber(step.tangent)}`,
      );
    }
    const rule = evaluation.conventions.get(node.id);
    if (rule) explanation.convention = rule;
  }
  return explanation;
}

/** The tangent a forward contribution carried (the `from` node's, recorded in an earlier step). */
function tangentOf(trace: Trace, c: Contribution): number {
  for (const s of trace.steps)
    if (s.kind === 'evaluate' && s.node === c.from) return s.tangent ?? NaN;
  return NaN;
}

const paren = (t: string) => (t.startsWith('-') ? `\\left(${t}\\right)` : t);

function explainPropagate(trace: Trace, step: Extract<Step, { kind: 'propagate' }>): Explanation {
  const { graph, evaluation } = trace;
  const node = graph.nodes[step.node]!;
  const lines: string[] = [];
  const tex: string[] = [];
  const row = rowOf(node)!;
  const argTex = node.args.map((id) => texNode(graph.nodes[id]!));
  // `x*x`: one argument in both slots. Each contribution is named by its slot (first factor,
  // second factor), so the two are visibly different terms of one sum, and the sum is stated.
  const sameArgument = node.args.length === 2 && node.args[0] === node.args[1];
  const argNames = node.args.map((id) => graph.nodes[id]!.name);
  for (const c of step.contributions) {
    const to = graph.nodes[c.to]!;
    const num = `${fmt(step.adjoint)} · ${signed(c.partial)} = ${fmt(c.amount)}`;
    const argIndex = graph.edges[c.edge]!.argIndex;
    if (sameArgument) {
      const slot = row.slots[argIndex] ?? `argument ${argIndex + 1}`;
      const sym = partialSymbol(row, argIndex, argNames);
      lines.push(
        `${bar(to)} += ${bar(node)} · ∂${node.name}/∂(${slot}) = ${bar(node)} · ${bracket(sym)} = ${num}`,
      );
    } else {
      lines.push(`${bar(to)} += ${bar(node)} · ∂${node.name}/∂${to.name} = ${num}`);
    }
    const d = sameArgument
      ? `\\frac{\\partial ${texNode(node)}}{\\partial\\,\\text{(${row.slots[argIndex] ?? ''})}}`
      : `\\frac{\\partial ${texNode(node)}}{\\partial ${texNode(to)}}`;
    const sym = row.partialTex[argIndex]?.(argTex) ?? '';
    tex.push(
      `${texNode(to, 'bar')} \\mathrel{+}= ${texNode(node, 'bar')} \\cdot ${d} = ${texNode(node, 'bar')} \\cdot ${paren(sym)} = ${texNumber(step.adjoint)} \\cdot ${paren(texNumber(c.partial))} = ${texNumber(c.amount)}`,
    );
    if (isFanOut(graph, c.to)) {
      lines.push(`${bar(to)} = ${fmt(c.before)} + ${signed(c.amount)} = ${fmt(c.after)}`);
      tex.push(
        `${texNode(to, 'bar')} = ${texNumber(c.before)} + ${paren(texNumber(c.amount))} = ${texNumber(c.after)}`,
      );
    }
  }
  if (sameArgument && step.contributions.length === 2) {
    const [c0, c1] = step.contributions as [Contribution, Contribution];
    const to = graph.nodes[c0.to]!;
    const s0 = partialSymbol(row, 0, argNames);
    const s1 = partialSymbol(row, 1, argNames);
    const doubled = s0 === s1 && !/^[\d.]+$/.test(s0) ? ` = 2${bracket(s0)}` : '';
    const total = c0.partial + c1.partial;
    lines.push(
      `${to.name} fills both slots, so ∂${node.name}/∂${to.name} = ${s0} + ${bracket(s1)}${doubled} = ${fmt(total)}: ${bar(to)} gets ${fmt(step.adjoint)} · ${signed(total)} = ${fmt(c0.amount + c1.amount)} from ${node.name}`,
    );
    tex.push(
      `\\frac{\\partial ${texNode(node)}}{\\partial ${texNode(to)}} = ${row.partialTex[0]?.(argTex) ?? ''} + ${paren(row.partialTex[1]?.(argTex) ?? '')} = ${texNumber(total)}`,
    );
  }
  if (step.contributions.length === 0)
    lines.push(`${node.name} has only constant arguments: nothing to pass back.`);
  const explanation: Explanation = {
    title: `Propagate ${bar(node)} = ${fmt(step.adjoint)}`,
    lines,
    tex,
  };
  const rule = evaluation.conventions.get(node.id);
  if (rule) explanation.convention = rule;
  return explanation;
}

/** A number as the right operand of `·` or `+`: negatives in brackets. */
const signed = (x: number) => (x < 0 ? `(${fmt(x)})` : fmt(x));

/** Whether `id` feeds more than one edge, so its adjoint is a running sum worth showing. */
function isFanOut(graph: Graph, id: number): boolean {
  return (graph.outEdges[id]?.length ?? 0) > 1;
}
