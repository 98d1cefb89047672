// The gradient as forward mode builds it: one pass per input, seeded with that input's unit
// direction eₖ, each pass yielding one entry; and as reverse mode gets it, all entries from one
// backward pass. Both come from the engine's own `forward` and `reverse`, so the panel shows the
// numbers the graph animates.
import { emptyPoint, forward, pointFrom, pointGet, reverse } from '../../ad-core/index.ts';
import type { Evaluation, Graph, Point } from '../../ad-core/index.ts';

export interface ForwardPass {
  /** 1-based, as the panel numbers them. */
  pass: number;
  /** The input whose unit direction seeds this pass. */
  variable: string;
  /** eₖ written out per variable: 1 for `variable`, 0 for every other input. */
  seed: Point;
  /** The output's tangent under this seed, which is ∂f/∂variable. */
  tangent: number;
}

export interface PassByPass {
  passes: ForwardPass[];
  /** ∂f/∂variable for every input from one reverse pass (the adjoints of the inputs). */
  reverse: Point;
}

/** The unit seed eₖ along `variable`, over the graph's inputs in order. */
export function unitSeed(graph: Graph, variable: string): Point {
  return pointFrom(graph.variables.map((name) => [name, name === variable ? 1 : 0]));
}

export function passByPass(graph: Graph, evaluation: Evaluation): PassByPass {
  const passes = graph.variables.map((variable, k): ForwardPass => {
    const seed = unitSeed(graph, variable);
    const { tangents } = forward(graph, evaluation, seed);
    return { pass: k + 1, variable, seed, tangent: tangents[graph.output] ?? Number.NaN };
  });
  const { adjoints } = reverse(graph, evaluation);
  const grad = emptyPoint();
  graph.inputs.forEach((node, k) => {
    grad[graph.variables[k]!] = adjoints[node] ?? Number.NaN;
  });
  return { passes, reverse: grad };
}

/** The pass whose seed is `seedVector`, if it is a unit direction; null for any other direction. */
export function passOfSeed(passes: readonly ForwardPass[], seedVector: Point): number | null {
  const hit = passes.find((p) =>
    Object.entries(p.seed).every(([name, v]) => (pointGet(seedVector, name) ?? 0) === v),
  );
  return hit ? hit.pass : null;
}

const COMBINING_DOT = '\u0307';

/**
 * The tangent's name for a variable: `x` → `ẋ`, `x1` → `ẋ1` (the dot sits on the letter, as in
 * Baydin et al.), `theta` → `thetȧ` (on a longer name, over its last letter).
 */
export function tangentName(variable: string): string {
  const dotted = /^\p{L}\d*$/u.test(variable)
    ? variable[0] + COMBINING_DOT + variable.slice(1)
    : variable + COMBINING_DOT;
  // Precomposed where Unicode has it (ẋ is U+1E8B): fonts draw those better than a combining dot.
  return dotted.normalize('NFC');
}

/**
 * `ẋ = 1, ẏ = 0`: the seed of one pass written with the variable names. Past `spelled` inputs the
 * zeros are summed up (`ẇ0 = 1, others 0`), so a row stays one line on a projector.
 */
export function seedText(seed: Point, spelled = 3): string {
  const entries = Object.entries(seed);
  if (entries.length <= spelled) {
    return entries.map(([name, v]) => `${tangentName(name)} = ${String(v)}`).join(', ');
  }
  const ones = entries.filter(([, v]) => v !== 0);
  const rest = entries.length - ones.length;
  const lead = ones.map(([name, v]) => `${tangentName(name)} = ${String(v)}`).join(', ');
  return rest === 0 ? lead : `${lead}, others 0`;
}
