// The training presets of the Examples menu: a formula (per-example loss) and a data set, with
// the settings that train it well. Data are fixed numbers (seeded, rounded), so a link to a preset
// carries exactly the table the preset loads.
import { mulberry32, networkFormula, type OptimizerId } from '../../ad-core/index.ts';
import type { TrainingSetup } from '../store/training.ts';

export interface TrainPreset {
  id: string;
  title: string;
  formula: string;
  /** One sentence on what this preset teaches. */
  lesson: string;
  setup: TrainingSetup & { optimizer: OptimizerId; lr: number };
}

const round = (v: number) => Math.round(v * 100) / 100;

function lineData(): number[][] {
  const next = mulberry32(101);
  return Array.from({ length: 12 }, (_, i) => {
    const x = round(-2 + (4 * i) / 11);
    return [x, round(2 * x + 1 + (next() - 0.5))];
  });
}

function blobs(): number[][] {
  const next = mulberry32(202);
  return Array.from({ length: 20 }, (_, i) => {
    const label = i % 2;
    const cx = label === 1 ? 1 : -1;
    return [round(cx + (next() - 0.5) * 1.6), round(cx + (next() - 0.5) * 1.6), label];
  });
}

function curveData(): number[][] {
  return Array.from({ length: 25 }, (_, i) => {
    const x = round(-2 + (4 * i) / 24);
    return [x, round(Math.sin(1.5 * x))];
  });
}

const xor = networkFormula({
  inputs: ['x1', 'x2'],
  hidden: 2,
  activation: 'tanh',
  output: 'sigmoid',
  target: 'y',
});
const mlp = networkFormula({
  inputs: ['x'],
  hidden: 4,
  activation: 'tanh',
  output: 'linear',
  target: 'y',
});

export const TRAIN_PRESETS: readonly TrainPreset[] = [
  {
    id: 'fit-line',
    title: 'Fit a line',
    formula: '(w*x + b - y)^2',
    lesson:
      'Least squares: the squared error of one point, averaged over the data, trained by gradient descent.',
    setup: {
      columns: ['x', 'y'],
      rows: lineData(),
      params: ['w', 'b'],
      lr: 0.05,
      optimizer: 'sgd',
    },
  },
  {
    id: 'logistic',
    title: 'Logistic regression',
    formula: 'p = sigmoid(w1*x1 + w2*x2 + b)\n-(y*log(p) + (1 - y)*log(1 - p))',
    lesson:
      'A sigmoid neuron with the cross-entropy loss separates two classes with a straight line.',
    setup: {
      columns: ['x1', 'x2', 'y'],
      rows: blobs(),
      params: ['w1', 'w2', 'b'],
      lr: 0.5,
      optimizer: 'sgd',
    },
  },
  {
    id: 'xor',
    title: 'XOR with a 2-2-1 network',
    formula: xor.formula,
    lesson: 'No straight line separates XOR: two tanh hidden units bend the boundary.',
    setup: {
      columns: ['x1', 'x2', 'y'],
      rows: [
        [0, 0, 0],
        [0, 1, 1],
        [1, 0, 1],
        [1, 1, 0],
      ],
      params: xor.params,
      lr: 0.1,
      optimizer: 'adam',
      seed: 3,
    },
  },
  {
    id: 'mlp-curve',
    title: 'Curve fit with a small MLP',
    formula: mlp.formula,
    lesson: 'Four tanh units fit a sine wave: each bends the curve in one place.',
    setup: {
      columns: ['x', 'y'],
      rows: curveData(),
      params: mlp.params,
      lr: 0.05,
      optimizer: 'adam',
    },
  },
];

export function trainPresetById(id: string): TrainPreset | undefined {
  return TRAIN_PRESETS.find((p) => p.id === id);
}
