// Functions learners bring from array libraries. The formula language is scalar, so these are not
// operations; a call gets a hint that says so and writes the scalar formula instead. Keyed by a
// Map (user text never indexes an object).

const HINTS = new Map<string, string>([
  ['softmax', 'softmax works on vectors; with scalars write exp(a)/(exp(a)+exp(b))'],
  ['log_softmax', 'log_softmax works on vectors; with scalars write a - log(exp(a)+exp(b))'],
  ['logsumexp', 'logsumexp works on vectors; with scalars write log(exp(a)+exp(b))'],
  ['sum', 'sum works on vectors; with scalars write a + b + c'],
  ['mean', 'mean works on vectors; with scalars write (a + b + c)/3'],
  ['prod', 'prod works on vectors; with scalars write a*b*c'],
  ['dot', 'dot works on vectors; with scalars write a1*b1 + a2*b2'],
  ['norm', 'norm works on vectors; with scalars write sqrt(a^2 + b^2), or hypot(a, b)'],
  ['matmul', 'matmul works on matrices; with scalars write each sum of products: w11*x1 + w12*x2'],
  ['mse', 'mse works on vectors; with scalars write ((y1 - t1)^2 + (y2 - t2)^2)/2'],
]);

/** The scalar-language hint for a vector function's name, or null for any other name. */
export function vectorFunctionHint(name: string): string | null {
  return HINTS.get(name) ?? null;
}

export const VECTOR_FUNCTION_NAMES: readonly string[] = [...HINTS.keys()];
