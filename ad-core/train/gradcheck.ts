// The gradient check at scale: every parameter's batch gradient by reverse mode (one backward
// pass per row for all parameters at once) against a central difference of the batch loss (two
// loss evaluations per parameter), the same rule and tolerance as the playground's check.
import { defaultStep, TOLERANCES } from '../check.ts';
import { batchLoss, batchLossAndGradient, type TrainModel } from './model.ts';

export type ParamCheckStatus = 'pass' | 'mismatch' | 'nonfinite';

export interface ParamCheck {
  name: string;
  ad: number;
  fd: number;
  status: ParamCheckStatus;
}

/** One row per parameter, in model.params order, at `params` over `rows` (null: every row). */
export function checkBatchGradient(
  model: TrainModel,
  params: Float64Array,
  rows: Int32Array | null,
): ParamCheck[] {
  const n = params.length;
  const grad = new Float64Array(n);
  batchLossAndGradient(model, params, rows, grad);
  const probe = Float64Array.from(params);
  const tol = TOLERANCES.central;
  return model.params.map((name, k) => {
    const x = params[k]!;
    const h = defaultStep('central', x);
    probe[k] = x + h;
    const up = batchLoss(model, probe, rows);
    probe[k] = x - h;
    const down = batchLoss(model, probe, rows);
    probe[k] = x;
    const ad = grad[k]!;
    const fd = (up - down) / (2 * h);
    const status: ParamCheckStatus =
      !Number.isFinite(ad) || !Number.isFinite(fd)
        ? 'nonfinite'
        : Math.abs(ad - fd) <= tol * Math.max(1, Math.abs(ad))
          ? 'pass'
          : 'mismatch';
    return { name, ad, fd, status };
  });
}
