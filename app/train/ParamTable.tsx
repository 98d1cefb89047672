import { formatNumber } from '../../ad-core/index.ts';
import { roleOf, trainingActions, useTraining, type Role } from '../store/training.ts';

/**
 * Every variable of the formula with its role (parameter or data). Parameters show their value,
 * the gradient of the next step's batch, and the shown row's gradient (what the graph's reverse
 * pass ends with); data names show the shown row's value.
 */
export function ParamTable({ variables }: { variables: readonly string[] }) {
  const columns = useTraining((s) => s.columns);
  const roleChoice = useTraining((s) => s.roleChoice);
  const model = useTraining((s) => s.model);
  const run = useTraining((s) => s.run);
  const snapshot = useTraining((s) => s.snapshot);
  const shownRow = useTraining((s) => s.shownRow);
  useTraining((s) => s.version);
  return (
    <table aria-label="Parameters" className="train-table train-params">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Value</th>
          <th scope="col">Batch gradient</th>
          <th scope="col">Row {shownRow + 1} gradient</th>
        </tr>
      </thead>
      <tbody>
        {variables.map((name) => {
          const role = roleOf({ columns, roleChoice }, name);
          const k = model ? model.params.indexOf(name) : -1;
          const d = model && role === 'data' ? model.dataNames.indexOf(name) : -1;
          const value =
            k >= 0 && run ? run.params[k]! : d >= 0 ? model!.dataColumns[d]![shownRow]! : null;
          const batch = k >= 0 && snapshot ? snapshot.batchGradient[k]! : null;
          const row = k >= 0 && snapshot ? snapshot.rowGradient[k]! : null;
          return (
            <tr key={name} data-variable={name} data-role={role}>
              <th scope="row">{name}</th>
              <td>
                <select
                  aria-label={`Role of ${name}`}
                  value={role}
                  onChange={(e) => trainingActions.setRole(name, e.target.value as Role)}
                >
                  <option value="param">Parameter</option>
                  <option value="data">Data</option>
                </select>
              </td>
              <Num value={value} kind="value" />
              <Num value={batch} kind="adjoint" testid="batch-gradient" />
              <Num value={row} kind="adjoint" testid="row-gradient" />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Num({
  value,
  kind,
  testid,
}: {
  value: number | null;
  kind: 'value' | 'adjoint';
  testid?: string;
}) {
  return (
    <td
      className={`num is-${kind}`}
      data-value={value === null ? '' : String(value)}
      data-testid={testid}
    >
      {value === null ? '—' : formatNumber(value)}
    </td>
  );
}
