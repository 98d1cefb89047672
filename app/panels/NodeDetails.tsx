// Everything about one node: its value, its local partials, and its adjoint (or tangent) as the
// chain-rule sum with the numbers — at the current step, so it agrees with the animation.
import { OPS_BY_ID } from '../../ad-core/index.ts';
import type { Evaluation, Frame, Graph, GraphNode } from '../../ad-core/index.ts';
import { appStore, useApp } from '../store/appStore.ts';
import { Num } from './Num.tsx';
import { adjointTerms, barName, dotName, tangentTerms } from './chainRule.ts';

function nodeLabel(graph: Graph, node: GraphNode): string {
  if (node.kind === 'input') return `${node.name} = ${node.variable ?? node.label}`;
  if (node.kind === 'constant') return `constant ${node.label}`;
  const args = node.args.map((a) => graph.nodes[a]?.name ?? '?');
  const spec = OPS_BY_ID[node.op];
  const body =
    spec?.infix && args.length === 2 ? `${args[0]} ${spec.infix} ${args[1]}` : `${spec?.symbol ?? node.op}(${args.join(', ')})`;
  return `${node.name} = ${body}${node.binding ? `   (${node.binding})` : ''}`;
}

function LocalPartials({ graph, node, evaluation }: { graph: Graph; node: GraphNode; evaluation: Evaluation }) {
  const edges = graph.inEdges[node.id] ?? [];
  if (edges.length === 0) return null;
  const spec = OPS_BY_ID[node.op];
  return (
    <>
      <h3>Local partials</h3>
      <ul className="terms">
        {edges.map((e) => {
          const edge = graph.edges[e];
          if (!edge) return null;
          const from = graph.nodes[edge.from];
          return (
            <li key={e}>
              <span className="math">
                ∂{node.name}/∂{from?.name ?? '?'}
                {edge.argIndex === 1 && node.args[0] === node.args[1] ? ' (2nd arg)' : ''}
              </span>{' '}
              = <Num value={evaluation.partials[e]} />
              {spec?.partialText[edge.argIndex] && <span className="muted"> — {spec.partialText[edge.argIndex]}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function ChainRule({ graph, node, evaluation, frame, mode }: { graph: Graph; node: GraphNode; evaluation: Evaluation; frame: Frame; mode: 'reverse' | 'forward' }) {
  if (mode === 'forward') {
    const t = tangentTerms(graph, evaluation, frame, node.id);
    return (
      <>
        <h3 className="c-tangent-text">Tangent {dotName(node.name)}</h3>
        {t.terms.length === 0 ? (
          <p>
            Seed: {dotName(node.name)} = <Num value={t.total} />
          </p>
        ) : (
          <ul className="terms">
            {t.terms.map((term) => (
              <li key={term.edge}>
                ∂{node.name}/∂{term.otherName} · {dotName(term.otherName)} = <Num value={term.partial} /> · <Num value={term.other} /> ={' '}
                <Num value={term.amount} />
              </li>
            ))}
            <li className="sum">
              {dotName(node.name)} = <Num value={t.total} />
            </li>
          </ul>
        )}
      </>
    );
  }
  const a = adjointTerms(graph, evaluation, frame, node.id);
  return (
    <>
      <h3 className="c-adjoint-text">Adjoint {barName(node.name)}</h3>
      {node.id === graph.output ? (
        <p>
          Output: seeded with {barName(node.name)} = <Num value={frame.adjoints[node.id]} />
        </p>
      ) : a.terms.length === 0 ? (
        <p className="muted">No consumers: nothing flows back here.</p>
      ) : (
        <ul className="terms">
          {a.terms.map((term) => (
            <li key={term.edge}>
              {barName(term.otherName)} · ∂{term.otherName}/∂{node.name} = <Num value={term.other} /> · <Num value={term.partial} /> ={' '}
              <Num value={term.amount} />
            </li>
          ))}
          <li className="sum">
            {barName(node.name)} = {a.terms.length > 1 ? 'sum = ' : ''}
            <Num value={a.total} />
          </li>
        </ul>
      )}
    </>
  );
}

export function NodeDetails() {
  const selected = useApp((s) => s.selected);
  const graph = useApp((s) => s.derived.graph);
  const evaluation = useApp((s) => s.derived.evaluation);
  const frame = useApp((s) => s.frame);
  const mode = useApp((s) => s.mode);
  if (selected === null || !graph || !evaluation || !frame) return null;
  const node = graph.nodes[selected];
  if (!node) return null;
  const convention = evaluation.conventions.get(node.id);
  const spec = OPS_BY_ID[node.op];

  return (
    <section className="panel-section node-details" aria-label="Node details">
      <div className="section-head">
        <h2>Node {node.name}</h2>
        <button type="button" className="text-button" onClick={() => appStore.getState().selectNode(null)}>
          Close details
        </button>
      </div>
      <p className="math node-formula">{nodeLabel(graph, node)}</p>
      <p>
        <span className="c-value-text">Value</span> = <Num value={frame.values[node.id]} />
      </p>
      {convention && (
        <p className="convention">
          <span aria-hidden="true">§ </span>
          <strong>Convention used:</strong> {convention}
          {spec?.conventionText && spec.conventionText !== convention ? ` (${spec.conventionText})` : ''}
        </p>
      )}
      <LocalPartials graph={graph} node={node} evaluation={evaluation} />
      <ChainRule graph={graph} node={node} evaluation={evaluation} frame={frame} mode={mode} />
    </section>
  );
}
