// Formulas of a given size in the two shapes the graph's performance targets name, for the layout
// benchmarks and tests: a wide sum (one long column of inputs) and a chain of bindings (one input
// feeding every step, the long edges that once cost quadratic waypoints).

/** `x0 + x1 + … `: about `nodes` nodes (half inputs, half additions). */
export function wideSum(nodes: number): string {
  const terms = Math.max(1, Math.round((nodes + 1) / 2));
  return Array.from({ length: terms }, (_, i) => `x${i}`).join(' + ');
}

/** `a1 = x*2; a2 = a1*x + 1; …` ending with the last binding: about `nodes` nodes. */
export function bindingChain(nodes: number): string {
  const steps = Math.max(1, Math.round((nodes - 4) / 3) + 1);
  const lines = ['a1 = x*2'];
  for (let k = 2; k <= steps; k++) lines.push(`a${k} = a${k - 1}*x + 1`);
  lines.push(`a${steps}`);
  return lines.join('\n');
}
