// Generated formulas for the layout's property test: chains of bindings reusing earlier ones (the
// shape of the core's benchmark generator, ad-core/bench/random-formula.ts, which app code may not
// import), plus the shapes that broke layouts: bindings nobody uses, an output that is an input
// (also one an unused binding reads) or a constant, a binding as the output, repeated and
// shadowing names, one node, no variables.
import fc from 'fast-check';

const VARIABLES = ['x', 'y', 'w', 'b', 'x1', '__proto__', 'constructor'] as const;
const CONSTANTS = ['2', '0.5', '1', '3', 'pi', '1e3'] as const;
const UNARY = ['sin', 'exp', 'tanh', 'relu', 'ln', 'sqrt', '-'] as const;
const BINARY = ['+', '-', '*', '/', '^'] as const;

/** An expression over `names` (variables and bindings defined so far). */
function expression(names: readonly string[]): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom(...CONSTANTS) },
  );
  return fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(fc.constantFrom(...UNARY), tie('e'))
        .map(([f, a]) => (f === '-' ? `-(${a})` : `${f}(${a})`)),
      fc
        .tuple(tie('e'), fc.constantFrom(...BINARY), tie('e'))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
    ),
  })).e;
}

/** The last line of a program: an expression, or just a name or a constant. */
function lastLine(names: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    expression(names),
    fc.constantFrom(...names), // an input or a binding as the output
    fc.constantFrom(...CONSTANTS), // a constant as the output
  );
}

/** A program of 0–4 bindings (some unused, some redefining or shadowing a name) and a result. */
export const programs: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: VARIABLES.length }))
  .chain(([count, vars]) => {
    const variables = VARIABLES.slice(0, vars);
    const bindingNames = ['a', 'h1', 'a', 'x', 'sin', 'z']; // repeats and shadows on purpose
    let lines: fc.Arbitrary<string[]> = fc.constant([]);
    for (let k = 0; k < count; k++) {
      const known = [...variables, ...bindingNames.slice(0, k)];
      lines = lines.chain((done) =>
        fc
          .tuple(fc.constantFrom(...bindingNames), expression(known))
          .map(([name, e]) => [...done, `${name} = ${e}`]),
      );
    }
    const all = [...variables, ...bindingNames.slice(0, count)];
    return fc.tuple(lines, lastLine(all)).map(([ls, last]) => [...ls, last].join('\n'));
  });

/** Everything the layout must survive: the programs above, fixed edge cases, core formulas. */
export const layoutFormulas: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: programs },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'z = w*x + b\nx', // output = an input an unused binding reads (the old cycle)
      'x',
      '7',
      '2*3 + 1',
      'a = 3\n4',
      'a = x*2\nb = a + 1\na',
      'x*x*x*x',
      'a = x\na = a*a\na',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 25 }).chain(chain) },
);

/** `a1 = …; a2 = …` where each binding reads the one before, an earlier one and x, y or z. */
function chain(length: number): fc.Arbitrary<string> {
  const step = fc.tuple(
    fc.constantFrom('tanh', 'sin', 'sigmoid'),
    fc.constantFrom('+', '*', '-'),
    fc.constantFrom('x', 'y', 'z', '0.5'),
    fc.nat(),
  );
  return fc.array(step, { minLength: length, maxLength: length }).map((steps) => {
    const lines = steps.map(([f, op, leaf, back], k) => {
      const before = k > 0 ? `a${k - 1}` : 'x';
      const earlier = k > 1 ? `a${back % k}` : 'y';
      return `a${k} = ${f}(${before} ${op} ${earlier}*${leaf})`;
    });
    return [...lines, `a${length - 1}`].join('\n');
  });
}
