// Code export: the current formula and point as a runnable program in PyTorch, JAX, micrograd or
// standalone TypeScript, generated from the graph (not the source text), printing the value and
// the gradient.
import type { Graph, Point } from '../types.ts';
import { programOf } from './program.ts';
import { jaxProgram, microgradProgram, pytorchProgram } from './python.ts';
import { typescriptProgram } from './typescript.ts';

export const EXPORT_TARGETS = ['pytorch', 'jax', 'micrograd', 'ts'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** Human names, for a menu. */
export const EXPORT_TARGET_LABELS: Readonly<Record<ExportTarget, string>> = {
  pytorch: 'PyTorch',
  jax: 'JAX',
  micrograd: 'micrograd',
  ts: 'TypeScript',
};

/** File name extension of each target's program. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportTarget, string>> = {
  pytorch: 'py',
  jax: 'py',
  micrograd: 'py',
  ts: 'ts',
};

export function isExportTarget(text: string): text is ExportTarget {
  return (EXPORT_TARGETS as readonly string[]).includes(text);
}

/**
 * The program for `target` that reproduces f and its gradient at `point`. `formula` only goes
 * into the opening comment; every line of code comes from the graph's nodes.
 */
export function exportProgram(
  graph: Graph,
  point: Point,
  target: ExportTarget,
  formula = '',
): string {
  switch (target) {
    case 'pytorch':
      return pytorchProgram(programOf(graph, point, 'python'), formula);
    case 'jax':
      return jaxProgram(programOf(graph, point, 'python'), formula);
    case 'micrograd':
      return microgradProgram(programOf(graph, point, 'python'), formula);
    case 'ts':
      return typescriptProgram(programOf(graph, point, 'ts'), formula);
  }
}
