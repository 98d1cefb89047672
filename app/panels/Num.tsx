import { dataNumber, formatNumber } from '../../ad-core/index.ts';

/** A number as people read it (4 significant digits), its exact value in the title; NaN/∞ marked (in words and colour, plus ⚠ unless `mark` is off). */
export function Num({ value, digits, mark = true }: { value: number | null | undefined; digits?: number; mark?: boolean }) {
  if (value === null || value === undefined) {
    return <span className="num unknown">not yet</span>;
  }
  const finite = Number.isFinite(value);
  return (
    <span className={`num${finite ? '' : ' nonfinite'}`} title={dataNumber(value)}>
      {formatNumber(value, digits)}
      {!finite && mark && (
        <span className="nonfinite-mark" aria-hidden="true">
          ⚠
        </span>
      )}
    </span>
  );
}
