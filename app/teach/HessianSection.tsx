import { useMemo, type ReactNode } from 'react';
import { dataNumber, formatNumber, hessian, HESSIAN_MAX_VARIABLES } from '../../ad-core/index.ts';
import type { Graph, HessianResult, Point } from '../../ad-core/index.ts';
import { useSafeId } from './use-safe-id.ts';
import './teach.css';

/** The Hessian at the point, computed once per graph and point (never while typing elsewhere). */
export function useHessian(graph: Graph | null, point: Point): HessianResult | null {
  return useMemo(() => {
    if (!graph || graph.variables.length === 0) return null;
    try {
      return hessian(graph, point);
    } catch {
      return null;
    }
  }, [graph, point]);
}

const MARK = { pass: '✓', mismatch: '✗', nonfinite: '!' } as const;

/** The matrix of second partials by forward-over-reverse, each entry beside its finite difference. */
export function HessianSection({
  result,
  output,
}: {
  result: HessianResult | null;
  /** For a formula of several outputs: which one f is (the followed output). */
  output?: ReactNode;
}) {
  const titleId = useSafeId('teach-hessian');
  if (!result) return null;
  if (!result.ok) {
    return (
      <section className="teach-panel teach-hessian" aria-labelledby={titleId}>
        <h3 id={titleId}>Hessian</h3>
        {output}
        <p className="teach-note">
          {result.message} The Hessian is shown for up to {HESSIAN_MAX_VARIABLES} variables.
        </p>
      </section>
    );
  }
  const { variables, matrix, check } = result;
  const failing = check.flat().filter((e) => e.status !== 'pass').length;
  return (
    <section className="teach-panel teach-hessian" aria-labelledby={titleId}>
      <h3 id={titleId}>Hessian</h3>
      {output}
      <p className="teach-note">
        ∂²f/∂xᵢ∂xⱼ at the point: column j is one forward-over-reverse pass (the tangent of the
        gradient along xⱼ). Under each entry: the central difference of the gradient and the check
        (✓ pass, ✗ mismatch, ! not finite).
      </p>
      <table aria-label="Hessian" className="teach-hessian-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">row</span>
            </th>
            {variables.map((v) => (
              <th key={v} scope="col">
                ∂/∂{v}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {variables.map((vi, i) => (
            <tr key={vi}>
              <th scope="row">∂f/∂{vi}</th>
              {variables.map((vj, j) => {
                const ad = matrix[i]?.[j] ?? NaN;
                const entry = check[i]?.[j];
                return (
                  <td
                    key={vj}
                    className="teach-num"
                    data-row={vi}
                    data-column={vj}
                    data-ad={dataNumber(ad)}
                    data-fd={entry ? dataNumber(entry.fd) : ''}
                    data-status={entry?.status ?? ''}
                  >
                    <span className="teach-value">{formatNumber(ad)}</span>
                    {entry && (
                      <span className={`teach-hessian-fd status-${entry.status}`}>
                        FD {formatNumber(entry.fd)} {MARK[entry.status]}
                        <span className="visually-hidden"> {entry.status}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="teach-note">
        {failing === 0
          ? 'Every entry agrees with finite differences.'
          : `${failing} ${failing === 1 ? 'entry does' : 'entries do'} not agree with finite differences (a kink or a non-finite value nearby).`}
      </p>
    </section>
  );
}
