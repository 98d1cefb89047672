import { useMemo } from 'react';
import type { Graph } from '../../ad-core/index.ts';
import { MathView, useKatexReady } from './MathView.tsx';
import { formulaTex } from './formula-tex.ts';
import './teach.css';
import './formula-tex.css';

export interface FormulaTexProps {
  graph: Graph;
  /** Node under the pointer (in the graph or the trace table); its part of the formula is boxed. */
  highlightedNode: number | null;
}

/**
 * The formula typeset from the graph, the hovered node's subexpression highlighted. A line per
 * binding and one for the formula, each typeset inline (with display-size fractions) so that a
 * long one wraps in the narrow column, its continuation indented, instead of being cut off at the
 * column's edge (a 2-2-1 network's `h₁ = tanh(w₁₁·x₁ + w₁₂·x₂ + b₁)` at 1280×720).
 */
export function FormulaTex({ graph, highlightedNode }: FormulaTexProps) {
  const { tex, lines, text } = useMemo(
    () => formulaTex(graph, highlightedNode),
    [graph, highlightedNode],
  );
  const typeset = useKatexReady();
  return (
    <div className="teach-formula" data-testid="formula-tex">
      {tex === null || lines === null || !typeset ? (
        <span className="teach-formula-fallback">{text}</span>
      ) : (
        lines.map((line, i) => (
          <div className="teach-formula-line" key={i}>
            <MathView tex={`\\displaystyle ${line}`} fallback="" className="teach-formula-math" />
          </div>
        ))
      )}
    </div>
  );
}
