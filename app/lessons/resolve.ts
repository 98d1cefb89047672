// A lesson page's spec turned into the exact playground state it shows and the engine's results
// for that state, computed with the same ad-core calls the store makes, so the filled-in text is
// what the screen shows whenever the playground is on this page.
import { buildTrace, checkGradient, compile, frameAt, type FdMethod, type Mode, type Point, type Trace } from '../../ad-core/index.ts';
import { findNode, type PageContext } from './template.ts';
import type { LessonPage, StepSpec } from './types.ts';

export interface PageState {
  formula: string;
  point: Point;
  mode: Mode;
  /** Forward mode's seed variable. */
  seed: string;
  step: number;
  method: FdMethod;
  h: number | null;
}

export type Resolved = { ok: true; state: PageState; ctx: PageContext } | { ok: false; error: string };

function resolveStep(trace: Trace, spec: StepSpec): number | string {
  const { steps, graph } = trace;
  if (typeof spec === 'number') return spec >= 0 && spec <= steps.length ? spec : `step ${spec} is out of range`;
  if (spec === 'start') return 0;
  if (spec === 'end') return steps.length;
  if (spec === 'seed') {
    const i = steps.findIndex((s) => s.kind === 'seed-adjoint' || s.kind === 'seed-tangents');
    return i >= 0 ? i + 1 : 'this trace has no seed step';
  }
  if (spec === 'forward-end') {
    let last = -1;
    steps.forEach((s, i) => {
      if (s.kind === 'evaluate') last = i;
    });
    return last + 1;
  }
  const [kind, ref] = 'evaluated' in spec ? (['evaluate', spec.evaluated] as const) : (['propagate', spec.propagated] as const);
  const node = findNode(graph, ref);
  if (!node) return `no node "${ref}"`;
  const i = steps.findIndex((s) => s.kind === kind && s.node === node.id);
  return i >= 0 ? i + 1 : `no ${kind} step for ${node.name}`;
}

export function resolvePage(page: LessonPage): Resolved {
  const built = compile(page.formula);
  if (!built.ok) return { ok: false, error: `formula does not compile: ${built.diagnostics[0]?.message ?? ''}` };
  const graph = built.graph;
  const missing = graph.variables.filter((v) => typeof page.at[v] !== 'number' || !Number.isFinite(page.at[v]));
  if (missing.length > 0) return { ok: false, error: `no value for ${missing.join(', ')}` };
  const point: Point = Object.fromEntries(graph.variables.map((v) => [v, page.at[v]!]));
  const mode = page.mode ?? 'reverse';
  const seed = page.seed ?? graph.variables[0] ?? '';
  if (!graph.variables.includes(seed)) return { ok: false, error: `seed "${seed}" is not a variable` };
  const seedVector: Point = Object.fromEntries(graph.variables.map((v) => [v, v === seed ? 1 : 0]));
  const trace = buildTrace(graph, point, mode, mode === 'forward' ? seedVector : undefined);
  const step = resolveStep(trace, page.step);
  if (typeof step === 'string') return { ok: false, error: step };
  const method = page.method ?? 'central';
  const h = page.h ?? null;
  const checks = checkGradient(graph, point, h === null ? { method } : { method, h });
  return {
    ok: true,
    state: { formula: page.formula, point, mode, seed, step, method, h },
    ctx: { graph, trace, frame: frameAt(trace, step), checks, method, h },
  };
}
