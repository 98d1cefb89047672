// Lesson text is a template whose numbers are filled in from the engine's result for the page's
// state, so the text can never disagree with the screen. `{value:v2}` is node v₂'s value,
// `{adjoint:x}` variable x's adjoint, `{ad:x}` the gradient-check row of x, and so on (the table
// below). Each number carries a `ref` naming where the same number is on screen, which the
// lesson walkthroughs compare against.
import {
  TOLERANCES,
  formatNumber,
  type CheckRow,
  type FdMethod,
  type Frame,
  type Graph,
  type GraphNode,
  type Trace,
} from '../../ad-core/index.ts';
import { adjointName, equationOf, tangentName } from '../quiz/definition.ts';

export interface PageContext {
  graph: Graph;
  trace: Trace;
  frame: Frame;
  checks: CheckRow[];
  method: FdMethod;
  /** The chosen FD step; null: the method's default. */
  h: number | null;
}

export type Segment =
  | { kind: 'text'; text: string }
  /** A number shown as the app shows it; `ref` says where it is on screen. */
  | { kind: 'number'; ref: string; value: number; shown: string }
  /** A word that is also on screen (a check status). */
  | { kind: 'word'; ref: string; text: string };

export type Filled = { ok: true; paragraphs: Segment[][] } | { ok: false; error: string };

const PLACEHOLDER = /\{([a-z]+)(?::([^{}]+))?\}/g;

/** `v2`, `v-1` (Wengert index), `out` (the output) or a variable's name. */
export function findNode(graph: Graph, ref: string): GraphNode | null {
  if (ref === 'out') return graph.nodes[graph.output] ?? null;
  const m = /^v(-?\d+)$/.exec(ref);
  if (m) return graph.nodes.find((n) => n.wengertIndex === Number(m[1])) ?? null;
  const i = graph.variables.indexOf(ref);
  return i >= 0 ? (graph.nodes[graph.inputs[i]!] ?? null) : null;
}

const FIELD = { value: 'values', adjoint: 'adjoints', tangent: 'tangents' } as const;

function resolve(ctx: PageContext, kind: string, arg: string | undefined): Segment | string {
  const num = (ref: string, value: number, digits?: number): Segment => ({
    kind: 'number',
    ref,
    value,
    shown: formatNumber(value, digits),
  });
  const node = () => (arg === undefined ? null : findNode(ctx.graph, arg));
  const row = () => ctx.checks.find((r) => r.variable === arg) ?? null;
  switch (kind) {
    case 'value':
    case 'adjoint':
    case 'tangent': {
      const n = node();
      if (!n) return `no node "${arg}"`;
      const v = ctx.frame[FIELD[kind]][n.id];
      if (v === null || v === undefined) return `the ${kind} of ${n.name} is not known at step ${ctx.frame.step}`;
      return num(`node:${n.id}:${kind}`, v);
    }
    case 'name':
    case 'eq':
    case 'bar':
    case 'dot': {
      const n = node();
      if (!n) return `no node "${arg}"`;
      const text =
        kind === 'name' ? n.name : kind === 'eq' ? equationOf(ctx.graph, n) : kind === 'bar' ? adjointName(n) : tangentName(n);
      return { kind: 'text', text };
    }
    case 'output': {
      const v = ctx.trace.evaluation.values[ctx.graph.output];
      return v === undefined ? 'no output' : num('output', v);
    }
    case 'step':
      return num('step', ctx.frame.step);
    case 'total':
      return num('total', ctx.frame.total);
    case 'variables':
      return num('count:variables', ctx.graph.variables.length);
    case 'ad':
    case 'fd':
    case 'err': {
      const r = row();
      if (!r) return `no gradient-check row for "${arg}"`;
      if (kind === 'err') return num(`check:${r.variable}:error`, r.absError, 2);
      return num(`check:${r.variable}:${kind}`, r[kind]);
    }
    case 'status': {
      const r = row();
      return r ? { kind: 'word', ref: `check:${r.variable}:status`, text: r.status } : `no gradient-check row for "${arg}"`;
    }
    case 'tol':
      return num(`engine:tolerance:${ctx.method}`, TOLERANCES[ctx.method]);
    case 'h': {
      const r = row();
      if (!r) return `no gradient-check row for "${arg}"`;
      return num(`engine:h:${r.variable}`, r.h);
    }
    default:
      return `unknown placeholder {${kind}}`;
  }
}

/** Fill `template` (paragraphs separated by a blank line) from the page's computed state. */
export function fillTemplate(template: string, ctx: PageContext): Filled {
  const paragraphs: Segment[][] = [];
  for (const para of template.trim().split(/\n\s*\n/)) {
    const text = para.replace(/\s+/g, ' ').trim();
    const segments: Segment[] = [];
    let last = 0;
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (m.index > last) segments.push({ kind: 'text', text: text.slice(last, m.index) });
      const seg = resolve(ctx, m[1]!, m[2]);
      if (typeof seg === 'string') return { ok: false, error: `${m[0]}: ${seg}` };
      segments.push(seg);
      last = m.index + m[0].length;
    }
    if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
    const stray = segments.find((s) => s.kind === 'text' && /[{}]/.test(s.text));
    if (stray) return { ok: false, error: `unbalanced brace in "${text.slice(0, 40)}…"` };
    paragraphs.push(segments);
  }
  return { ok: true, paragraphs };
}
