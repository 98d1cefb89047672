// Test-only helpers, deliberately not exported from index.ts: they exist so that every test reads
// the reference fixture through one typed reader and compiles formulas through one helper,
// instead of each test file re-declaring its own copy.
import referenceFixture from './fixtures/reference-cases.json' with { type: 'json' };
import { compile } from './graph.ts';
import type { BuildOptions, Graph, Point } from './types.ts';

/** One case of `fixtures/reference-cases.json`: a formula, a point, and its known value and gradient. */
export interface ReferenceCase {
  name: string;
  formula: string;
  at: Point;
  value: number;
  gradient: Point;
}

// JSON imports type each case's point with every other case's names as optional `undefined`.
export const referenceCases = referenceFixture as unknown as { cases: ReferenceCase[] };

/** The graph of `source`; throws, naming the source, if it does not compile (a broken test). */
export function graphOf(source: string, options?: BuildOptions): Graph {
  const built = compile(source, options);
  if (!built.ok)
    throw new Error(`${source}: ${built.diagnostics.map((d) => d.message).join('; ')}`);
  return built.graph;
}
