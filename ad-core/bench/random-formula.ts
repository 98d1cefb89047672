// Deterministic random formulas for the benchmark: a chain of bindings `aK = …`, each reusing the
// previous binding and a few earlier ones, so the graph has real fan-out (shared nodes whose
// adjoints sum several contributions), as a neural network or an unrolled loop does.

import { mulberry32 } from '../train/prng.ts';

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same formulas. */
export { mulberry32 };

export interface RandomFormula {
  source: string;
  /** Node count the generator aimed at (ops and constants; inputs add three). */
  estimatedNodes: number;
  bindings: number;
}

const BINARY = ['+', '-', '*'] as const;
// Bounded or gently growing functions, so values stay finite however long the chain is.
const UNARY = ['sin', 'cos', 'tanh', 'sigmoid', 'atan'] as const;
const WRAP = ['tanh', 'sin', 'sigmoid'] as const;

/**
 * A formula of about `targetNodes` nodes over x, y, z. Each binding wraps a random expression of
 * ~10–25 nodes in a bounded function; the last binding is the output.
 */
export function randomFormula(targetNodes: number, seed: number): RandomFormula {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const lines: string[] = [];
  let nodes = 3;
  let count = 0;

  const leaf = (): string => {
    const r = rand();
    if (count > 0 && r < 0.45) {
      // Recent bindings are reused most, like layers feeding the next ones.
      const back = Math.min(count, 1 + Math.floor(-Math.log(1 - rand()) * 6));
      return `a${count - back}`;
    }
    if (r < 0.8) return pick(['x', 'y', 'z']);
    nodes++;
    return (0.1 + rand() * 1.9).toFixed(2);
  };
  const expr = (depth: number): string => {
    if (depth === 0 || rand() < 0.2) return leaf();
    nodes++;
    const r = rand();
    if (r < 0.6) return `(${expr(depth - 1)} ${pick(BINARY)} ${expr(depth - 1)})`;
    if (r < 0.7) {
      nodes++;
      return `(${expr(depth - 1)})^2`;
    }
    return `${pick(UNARY)}(${expr(depth - 1)})`;
  };

  while (nodes < targetNodes) {
    const before = count > 0 ? `a${count - 1}` : 'x';
    nodes += 2; // the wrapping function and the `+` joining the previous binding
    lines.push(`a${count} = ${pick(WRAP)}(${before} + ${expr(4)})`);
    count++;
  }
  lines.push(`a${count - 1}`);
  return { source: lines.join('\n'), estimatedNodes: nodes, bindings: count };
}
