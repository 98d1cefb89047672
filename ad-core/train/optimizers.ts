// The optimizers, one row each: how a step moves the parameters given the batch gradient.
// Standard formulas (PyTorch's defaults): SGD θ −= η·g; Momentum v = μ·v + g, θ −= η·v (μ = 0.9);
// Adam (Kingma & Ba 2015, Algorithm 1) with bias correction, β1 = 0.9, β2 = 0.999, ε = 1e-8.

export type OptimizerId = 'sgd' | 'momentum' | 'adam';

/** What an optimizer remembers between steps: first and second moments, steps taken. */
export interface OptimizerState {
  m: Float64Array;
  v: Float64Array;
  t: number;
}

export interface Optimizer {
  id: OptimizerId;
  label: string;
  /** The update in words, for the UI. */
  rule: string;
  /** Moves `params` in place by one step along `grad` with learning rate `lr`. */
  step(params: Float64Array, grad: Float64Array, lr: number, state: OptimizerState): void;
}

export const MOMENTUM = 0.9;
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

export const OPTIMIZERS: readonly Optimizer[] = [
  {
    id: 'sgd',
    label: 'SGD',
    rule: 'θ ← θ − η·g',
    step(params, grad, lr, state) {
      for (let k = 0; k < params.length; k++) params[k] = params[k]! - lr * grad[k]!;
      state.t++;
    },
  },
  {
    id: 'momentum',
    label: 'Momentum',
    rule: `v ← ${MOMENTUM}·v + g;  θ ← θ − η·v`,
    step(params, grad, lr, state) {
      const { m } = state;
      for (let k = 0; k < params.length; k++) {
        m[k] = MOMENTUM * m[k]! + grad[k]!;
        params[k] = params[k]! - lr * m[k]!;
      }
      state.t++;
    },
  },
  {
    id: 'adam',
    label: 'Adam',
    rule: 'm ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ − η·m̂/(√v̂ + ε)',
    step(params, grad, lr, state) {
      const { beta1, beta2, epsilon } = ADAM;
      const { m, v } = state;
      state.t++;
      const c1 = 1 - beta1 ** state.t;
      const c2 = 1 - beta2 ** state.t;
      for (let k = 0; k < params.length; k++) {
        const g = grad[k]!;
        m[k] = beta1 * m[k]! + (1 - beta1) * g;
        v[k] = beta2 * v[k]! + (1 - beta2) * g * g;
        params[k] = params[k]! - (lr * (m[k]! / c1)) / (Math.sqrt(v[k]! / c2) + epsilon);
      }
    },
  },
];

export function optimizerById(id: OptimizerId): Optimizer {
  return OPTIMIZERS.find((o) => o.id === id)!;
}

export function isOptimizerId(text: string): text is OptimizerId {
  return OPTIMIZERS.some((o) => o.id === text);
}

export function freshOptimizerState(count: number): OptimizerState {
  return { m: new Float64Array(count), v: new Float64Array(count), t: 0 };
}
