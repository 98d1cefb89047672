// The whole path from text to a drawn frame, on generated formulas: compile → layout (with edge
// labels) → trace → every frame → the step's explanation → the drawing itself. The crash that
// issue 8 reports lived in the layering, which the engine's own fuzzing never reached; this test
// reaches it, with the shapes that broke it: unused bindings, outputs that are inputs, constants
// or bindings, repeated and shadowing names, one-node and variable-free formulas.
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildTrace, compile, explainStep, frameAt, type Graph } from '../../ad-core/index.ts';
import { GraphView } from './GraphView.tsx';
import { layoutInputOf } from './graphInput.ts';
import { computeLayout } from './layout.ts';

const VARIABLES = ['x', 'y', 'w', 'b'] as const;
// Mostly fresh names; now and then one that repeats, shadows a variable or a function.
const BINDINGS = ['a', 'h1', 'z', 'h2', 'c', 'a', 'x', 'sin'] as const;
const UNARY = ['sin', 'exp', 'tanh', 'log', 'sqrt', 'abs', 'relu', '-'] as const;
const BINARY = ['+', '-', '*', '/', '^'] as const;

/** An expression over the variables and the names bound so far. */
function expression(names: readonly string[]): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    fc.constantFrom(...VARIABLES, ...names),
    fc.constantFrom('2', '0.5', '0', 'pi', '1e-3'),
  );
  const { expr } = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(fc.constantFrom(...UNARY), tie('expr'))
        .map(([f, a]) => (f === '-' ? `-${a}` : `${f}(${a})`)),
      fc
        .tuple(tie('expr'), fc.constantFrom(...BINARY), tie('expr'))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `max(${a}, ${b})`),
    ),
  }));
  return expr;
}

/** Zero to four bindings (used or not, names possibly repeated or shadowing), then an output. */
const program: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...BINDINGS), { maxLength: 4 })
  .map((names) => names.filter((n, i) => names.indexOf(n) === i || i % 3 === 0))
  .chain((bound) => {
    const lines = bound.map((name, i) =>
      expression(bound.slice(0, i)).map((e) => `${name} = ${e}`),
    );
    const output = fc.oneof(
      expression(bound),
      fc.constantFrom(...VARIABLES),
      fc.constantFrom('3', 'pi'),
      ...(bound.length > 0 ? [fc.constantFrom(...bound)] : []),
    );
    return fc.tuple(fc.tuple(...lines), output, fc.constantFrom('\n', '; '));
  })
  .map(([lines, output, sep]) => [...lines, output].join(sep));

function compiled(source: string): Graph | null {
  const r = compile(source);
  return r.ok ? r.graph : null;
}

describe('the pipeline from text to frame never throws', () => {
  it('lays out, traces, explains and frames 1,000 generated formulas', () => {
    let drawn = 0;
    fc.assert(
      fc.property(program, fc.double({ min: -3, max: 3, noNaN: true }), (source, at) => {
        const graph = compiled(source);
        if (!graph) return;
        drawn++;
        const layout = computeLayout(layoutInputOf(graph));
        expect(layout.nodes.map((n) => n.id).sort((p, q) => p - q)).toEqual(
          graph.nodes.map((n) => n.id).sort((p, q) => p - q),
        );
        for (const n of layout.nodes)
          expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
        for (const e of layout.edges) {
          for (const p of [...e.points, e.mid, e.tail]) expect(p.every(Number.isFinite)).toBe(true);
        }
        const point = Object.fromEntries(graph.variables.map((v) => [v, at]));
        for (const mode of ['reverse', 'forward'] as const) {
          const trace = buildTrace(graph, point, mode);
          for (let k = 0; k <= trace.steps.length; k++) frameAt(trace, k);
          for (let k = 0; k <= trace.steps.length; k++) explainStep(trace, k);
        }
      }),
      { numRuns: 1000, seed: 20261207 },
    );
    // Most generated programs compile (a repeated binding name or a binding used as a function
    // does not): the property must not pass by compiling nothing.
    expect(drawn).toBeGreaterThan(600);
  });

  it('draws every node of 100 generated formulas at the first, a middle and the last step', () => {
    fc.assert(
      fc.property(program, (source) => {
        const graph = compiled(source);
        if (!graph) return;
        const point = Object.fromEntries(graph.variables.map((v) => [v, 0.7]));
        const trace = buildTrace(graph, point, 'reverse');
        for (const k of [0, Math.floor(trace.steps.length / 2), trace.steps.length]) {
          const markup = renderToStaticMarkup(
            <GraphView
              graph={graph}
              evaluation={trace.evaluation}
              frame={frameAt(trace, k)}
              stale={false}
              highlighted={new Set()}
              selected={null}
              showEdgePartials={true}
              onHoverNode={() => {}}
              onSelectNode={() => {}}
            />,
          );
          const ids = [...markup.matchAll(/data-testid="graph-node"[^>]*?data-node-id="(\d+)"/g)];
          const alt = [...markup.matchAll(/data-node-id="(\d+)"[^>]*?data-testid="graph-node"/g)];
          expect(new Set([...ids, ...alt].map((m) => Number(m[1]))).size).toBe(graph.nodes.length);
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
