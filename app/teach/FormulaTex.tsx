import { useMemo } from 'react';
import type { Graph } from '../../ad-core/index.ts';
import { MathView } from './MathView.tsx';
import { formulaTex } from './formula-tex.ts';
import './teach.css';

export interface FormulaTexProps {
  graph: Graph;
  /** Node under the pointer (in the graph or the trace table); its part of the formula is boxed. */
  highlightedNode: number | null;
}

/** The formula typeset from the graph, the hovered node's subexpression highlighted. */
export function FormulaTex({ graph, highlightedNode }: FormulaTexProps) {
  const { tex, text } = useMemo(() => formulaTex(graph, highlightedNode), [graph, highlightedNode]);
  return (
    <div className="teach-formula" data-testid="formula-tex">
      {tex === null ? (
        <span className="teach-formula-fallback">{text}</span>
      ) : (
        // Inline (with display-size fractions) so a long formula wraps at its top-level + and −
        // instead of running out of a narrow column.
        <MathView tex={`\\displaystyle ${tex}`} fallback={text} className="teach-formula-math" />
      )}
    </div>
  );
}
