// Complex evaluation of the tape, for the complex-step derivative: f(x + ih) = f(x) + ih·f'(x) + O(h²),
// so Im f(x + ih) / h is the derivative with no subtraction, hence no cancellation, at any tiny h.
// It is only valid when every operation on the tape is analytic; `nonAnalyticOps` says which are not.
import { pointValue } from './evaluate.ts';
import { OPS_BY_INDEX } from './ops.ts';
import type { Complex, Graph, Point } from './types.ts';

/** Op ids on the tape that have no complex extension (abs, relu, max, …), each listed once. */
export function nonAnalyticOps(graph: Graph): string[] {
  const missing = new Set<string>();
  const { opIndex } = graph.tape;
  for (let id = 0; id < opIndex.length; id++) {
    const index = opIndex[id] ?? -1;
    if (index < 0) continue;
    const spec = OPS_BY_INDEX[index];
    if (!spec || !spec.complex) missing.add(spec?.id ?? `#${index}`);
  }
  return [...missing];
}

/**
 * The output at `point` with the input `variable` moved to `point[variable] + i·h`; null when
 * the tape holds a non-analytic op, because a complex value there would be a wrong number.
 * A variable missing from `point` evaluates as NaN, like the real evaluation.
 */
export function evaluateComplexStep(
  graph: Graph,
  point: Point,
  variable: string,
  h: number,
): Complex | null {
  const { opIndex, arg0, arg1, constant } = graph.tape;
  const n = opIndex.length;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  graph.inputs.forEach((node, i) => {
    const name = graph.variables[i] ?? '';
    re[node] = pointValue(point, name);
    im[node] = name === variable ? h : 0;
  });
  const zero: Complex = { re: 0, im: 0 };
  for (let id = 0; id < n; id++) {
    const index = opIndex[id] ?? -1;
    if (index === -1) continue;
    if (index === -2) {
      re[id] = constant[id] ?? NaN;
      im[id] = 0;
      continue;
    }
    const spec = OPS_BY_INDEX[index];
    if (!spec || !spec.complex) return null;
    const a0 = arg0[id] ?? -1;
    const a1 = arg1[id] ?? -1;
    const a: Complex = { re: re[a0] ?? NaN, im: im[a0] ?? NaN };
    const b: Complex = a1 >= 0 ? { re: re[a1] ?? NaN, im: im[a1] ?? NaN } : zero;
    const out = spec.complex(a, b);
    re[id] = out.re;
    im[id] = out.im;
  }
  return { re: re[graph.output] ?? NaN, im: im[graph.output] ?? NaN };
}
