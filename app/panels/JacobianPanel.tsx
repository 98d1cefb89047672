// Several outputs: the Jacobian beside the gradient check. The output the reverse pass follows is
// chosen here; the entries the pass on screen fills are marked (a row in reverse mode, a column in
// forward mode) and fill in as it runs; each entry carries its finite-difference check; and the
// pass counts of both modes name the cheaper one.
import { useId, useMemo } from 'react';
import { dataNumber, jacobianCost } from '../../ad-core/index.ts';
import type { JacobianCost } from '../../ad-core/index.ts';
import { useApp } from '../store/appStore.ts';
import { displayName } from '../store/listWindow.ts';
import { STATUS_TEXT } from './GradientCheck.tsx';
import { entrySoFar, jacobianView, type JacobianView } from './JacobianModel.ts';
import { OutputSelect } from './JacobianOutputChoice.tsx';
import { Num } from './Num.tsx';
import './jacobian.css';

function passWord(n: number): string {
  return `${n} pass${n === 1 ? '' : 'es'}`;
}

export function PassCounts({ cost }: { cost: JacobianCost }) {
  const { forward, reverse, cheaper } = cost;
  return (
    <p
      className="jacobian-passes"
      data-testid="jacobian-passes"
      data-forward={forward}
      data-reverse={reverse}
      data-cheaper={cheaper}
    >
      The whole Jacobian: forward mode needs <strong>{passWord(forward)}</strong> (one per input, a
      column each), reverse mode <strong>{passWord(reverse)}</strong> (one per output, a row each).{' '}
      <strong className="jacobian-verdict">
        {cheaper === 'either'
          ? 'Neither mode is cheaper here.'
          : `${cheaper === 'forward' ? 'Forward' : 'Reverse'} mode is cheaper.`}
      </strong>
    </p>
  );
}

function fillsText(view: JacobianView): string {
  const { fills } = view;
  if (fills.kind === 'row') {
    return `This reverse pass (seed ȳ = 1 on ${view.outputs[fills.output]?.name ?? ''}) fills row ${view.outputs[fills.output]?.name ?? ''}.`;
  }
  if (fills.kind === 'column') {
    const v = displayName(view.variables[fills.variable] ?? '');
    return `This forward pass (seed e for ${v}) fills column ∂/∂${v}: every output at once.`;
  }
  return 'This forward pass follows a direction that is not one input: it gives J·seed, not a column.';
}

export function JacobianPanel() {
  const graph = useApp((s) => s.derived.graph);
  const source = useApp((s) => s.derived.source);
  const point = useApp((s) => s.derived.point);
  const mode = useApp((s) => s.derived.mode);
  const seedVector = useApp((s) => s.derived.seedVector);
  const method = useApp((s) => s.derived.method);
  const h = useApp((s) => s.derived.h);
  const stale = useApp((s) => s.derived.stale);
  const frame = useApp((s) => s.frame);
  const headingId = useId();
  const view = useMemo(
    () => (graph ? jacobianView({ graph, source, point, mode, seedVector, method, h }) : null),
    [graph, source, point, mode, seedVector, method, h],
  );
  if (!graph || !view) return null;
  const { fills } = view;

  return (
    <section
      className={`panel-section jacobian-panel${stale ? ' stale-panel' : ''}`}
      aria-labelledby={headingId}
      data-testid="jacobian-panel"
    >
      <h2 id={headingId}>Jacobian</h2>
      <p className="note">
        {view.outputs.length} outputs, {view.variables.length} input
        {view.variables.length === 1 ? '' : 's'}: row j holds ∂yⱼ/∂ each input. The gradient check
        above is the followed output&apos;s row.
      </p>
      <div className="jacobian-follow">
        <OutputSelect index={view.followed} labels={view.outputs.map((o) => o.label)} />
        <span className="note">followed by the reverse pass and the check</span>
      </div>
      {view.rows && view.check ? (
        <div className="jacobian-scroll">
          <table className="check-table jacobian-table" data-testid="jacobian">
            <caption className="visually-hidden">Jacobian</caption>
            <thead>
              <tr>
                <th scope="col">output</th>
                <th scope="col" className="n">
                  value
                </th>
                {view.variables.map((v, i) => (
                  <th
                    key={v}
                    scope="col"
                    className={`n${fills.kind === 'column' && fills.variable === i ? ' jacobian-filling' : ''}`}
                  >
                    ∂/∂{displayName(v)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.outputs.map((o) => {
                const rowFilling = fills.kind === 'row' && fills.output === o.index;
                return (
                  <tr
                    key={o.index}
                    data-output={o.index}
                    className={rowFilling ? 'jacobian-filling' : undefined}
                  >
                    <th scope="row" className="var" title={o.label}>
                      {o.name}
                    </th>
                    <td className="n">
                      <Num value={o.value} mark={false} />
                    </td>
                    {view.variables.map((v, i) => {
                      const ad = view.rows![o.index]![i]!;
                      const check = view.check![o.index]![i]!;
                      const soFar = entrySoFar(view, graph, frame, o.index, i);
                      const filled = soFar !== undefined;
                      const shown = soFar === null && frame?.phase === 'done' ? ad : soFar;
                      const st = STATUS_TEXT[check.status];
                      return (
                        <td
                          key={v}
                          className={`n jacobian-entry status-${check.status}${filled ? ' jacobian-filling' : ''}`}
                          data-testid="jacobian-entry"
                          data-output={o.index}
                          data-variable={v}
                          data-value={dataNumber(ad)}
                          data-fd={dataNumber(check.fd)}
                          data-status={check.status}
                          data-filled={filled ? 'true' : 'false'}
                          data-so-far={filled && shown !== null ? dataNumber(shown!) : ''}
                        >
                          {filled && shown === null ? (
                            <span
                              className="jacobian-pending"
                              aria-label="not yet computed by this pass"
                            >
                              ?
                            </span>
                          ) : (
                            <Num value={filled ? shown! : ad} mark={false} />
                          )}{' '}
                          <span className="status" title={st.explain} aria-label={st.word}>
                            {st.icon}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="note" data-testid="jacobian-too-big">
          {(view.outputs.length * view.variables.length).toLocaleString('en-US')} entries: too many
          to show here; the CLI prints them all.
        </p>
      )}
      <p className="jacobian-fills" data-testid="jacobian-fills">
        <span className="jacobian-key" aria-hidden="true" /> {fillsText(view)}
      </p>
      <PassCounts cost={view.cost} />
    </section>
  );
}

/** The Forward vs reverse tab's line for a formula of several outputs: the passes of each mode. */
export function JacobianCostNote() {
  const graph = useApp((s) => s.derived.graph);
  if (!graph || graph.outputs.length < 2) return null;
  return (
    <section className="jacobian-cost" aria-label="Passes for the Jacobian">
      <h3>Several outputs: the Jacobian</h3>
      <PassCounts cost={jacobianCost(graph)} />
      <p className="note">
        Each forward pass fills one column (every output&apos;s tangent along one input); each
        reverse pass fills one row (one output&apos;s adjoints at every input). The Jacobian panel
        beside the graph shows which.
      </p>
    </section>
  );
}
