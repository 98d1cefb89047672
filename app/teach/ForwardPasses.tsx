import { useMemo } from 'react';
import {
  formatNumber,
  type Evaluation,
  type Graph,
  type Mode,
  type Point,
} from '../../ad-core/index.ts';
import { superscript } from './cost.ts';
import { passByPass, passOfSeed, seedText } from './passes.ts';
import { useSafeId } from './use-safe-id.ts';
import './teach.css';

export interface ForwardPassesProps {
  graph: Graph;
  /** The graph evaluated at the current point (values and local partials). */
  evaluation: Evaluation;
  /** What the player shows now, to mark that row. */
  mode: Mode;
  seedVector: Point;
  /** Show forward mode seeded along `variable` on the graph. */
  onShowPass(variable: string): void;
  onShowReverse(): void;
}

const num = (x: number) => formatNumber(x, 4);

/**
 * Forward mode fills the gradient one entry per pass, seeded with each input's unit direction;
 * reverse mode fills it in one backward pass. The reverse row lists its entries in the same column,
 * written the same way, under the forward rows, so the class sees the two modes agree.
 */
export function ForwardPasses({
  graph,
  evaluation,
  mode,
  seedVector,
  onShowPass,
  onShowReverse,
}: ForwardPassesProps) {
  const titleId = useSafeId('teach-passes');
  const { passes, reverse } = useMemo(() => passByPass(graph, evaluation), [graph, evaluation]);
  const shownPass = mode === 'forward' ? passOfSeed(passes, seedVector) : null;
  const n = passes.length;
  const variables = graph.variables;
  if (n === 0) {
    return (
      <section className="teach-panel teach-passes" aria-labelledby={titleId}>
        <h3 id={titleId}>Gradient, pass by pass</h3>
        <p>This formula has no inputs, so there is no gradient to build.</p>
      </section>
    );
  }
  return (
    <section className="teach-panel teach-passes" aria-labelledby={titleId}>
      <h3 id={titleId}>Gradient, pass by pass</h3>
      <table aria-label="Gradient pass by pass">
        <thead>
          <tr>
            <th scope="col">Pass</th>
            <th scope="col">Seed</th>
            <th scope="col">Output tangent</th>
            <th scope="col">
              <span className="visually-hidden">Show on the graph</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {passes.map((p) => {
            const shown = shownPass === p.pass;
            return (
              <tr
                key={p.variable}
                data-pass={p.pass}
                data-variable={p.variable}
                data-tangent={String(p.tangent)}
                className={shown ? 'is-on-graph' : undefined}
                aria-current={shown ? 'true' : undefined}
              >
                <th scope="row">
                  Pass {p.pass}
                  {shown && <span className="teach-aside">on the graph</span>}
                </th>
                <td className="teach-num">{seedText(p.seed)}</td>
                <td className="teach-num" title={String(p.tangent)}>
                  ∂f/∂{p.variable} = {num(p.tangent)}
                </td>
                <td>
                  <button type="button" onClick={() => onShowPass(p.variable)}>
                    Show pass {p.pass}
                  </button>
                </td>
              </tr>
            );
          })}
          <tr
            data-pass="reverse"
            className={`teach-passes__reverse${mode === 'reverse' ? ' is-on-graph' : ''}`}
            aria-current={mode === 'reverse' ? 'true' : undefined}
          >
            <th scope="row">
              Reverse
              <br />1 pass
              {mode === 'reverse' && <span className="teach-aside">on the graph</span>}
            </th>
            <td className="teach-num">f̄ = 1</td>
            <td className="teach-num">
              {variables.map((v) => (
                <span
                  key={v}
                  className="teach-passes__entry"
                  data-variable={v}
                  data-adjoint={String(reverse[v])}
                  title={String(reverse[v])}
                >
                  ∂f/∂{v} = {num(reverse[v] ?? Number.NaN)}
                </span>
              ))}
            </td>
            <td>
              <button type="button" onClick={onShowReverse}>
                Show reverse pass
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      <p>
        f: ℝ{superscript(n)} → ℝ has {n} {n === 1 ? 'input' : 'inputs'}: forward mode needs {n}{' '}
        {n === 1 ? 'pass' : 'passes'} to fill the gradient, one entry per pass; reverse mode fills
        all of it in one backward pass. Same numbers either way.
      </p>
    </section>
  );
}
