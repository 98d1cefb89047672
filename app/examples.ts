import type { Point } from '../ad-core/index.ts';

export interface Example {
  /** Stable id, also the `<option>` value. */
  id: string;
  /** What the examples menu shows. */
  title: string;
  formula: string;
  at: Point;
  /** One sentence on what this example teaches. */
  lesson: string;
  /** The same for forward mode, where `lesson` talks of adjoints (there are none in forward mode). */
  forwardLesson?: string;
}

/** The "Look for" sentence of `example` in `mode`: no talk of adjoints in forward mode. */
export function lessonFor(example: Pick<Example, 'lesson' | 'forwardLesson'>, mode: 'reverse' | 'forward'): string {
  return mode === 'forward' && example.forwardLesson !== undefined ? example.forwardLesson : example.lesson;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'default',
    title: 'Warm-up: sin(x·y) + exp(x)/y',
    formula: 'sin(x*y) + exp(x)/y',
    at: { x: 1, y: 2 },
    lesson: 'x feeds two branches, so its adjoint is the sum of two contributions.',
    forwardLesson: 'x feeds two branches: with the seed on x, its tangent flows down both and the output adds them up.',
  },
  {
    id: 'baydin',
    title: 'Baydin et al. 2018 trace',
    formula: 'ln(x1) + x1*x2 - sin(x2)',
    at: { x1: 2, x2: 5 },
    lesson: 'The evaluation trace from the survey "Automatic differentiation in machine learning".',
  },
  {
    id: 'olah',
    title: "Olah: (a+b)·(b+1)",
    formula: '(a+b)*(b+1)',
    at: { a: 2, b: 1 },
    lesson: 'Sum over paths: b reaches the output along two paths.',
  },
  {
    id: 'neuron',
    title: 'CS231n sigmoid neuron',
    // Written as CS231n writes it, in two named stages, so a small screen can show each stage as
    // one block (and a bigger one, or focus mode, gate by gate).
    formula: 'dot = w0*x0 + w1*x1 + w2\nf = 1/(1 + exp(-dot))\nf',
    at: { w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 },
    lesson: 'Backpropagation through a single neuron: the dot product, then the sigmoid, gate by gate.',
    forwardLesson: 'One forward pass per input: the seed picks the weight, the tangents carry its effect gate by gate.',
  },
  {
    id: 'rosenbrock',
    title: 'Rosenbrock function',
    formula: 'a = (1 - x)^2\nb = 100*(y - x^2)^2\na + b',
    at: { x: -1.2, y: 1 },
    lesson: 'The classic optimisation test function at its classic starting point.',
  },
  {
    id: 'fan-out',
    title: 'Fan-out: x·x + x',
    formula: 'x*x + x',
    at: { x: 3 },
    lesson: 'One variable, three edges: its adjoint adds up three contributions.',
    forwardLesson: 'One variable, three edges: the tangents along them add up to 2x + 1 at the output.',
  },
  {
    id: 'binding',
    title: 'Binding: a = x·y',
    formula: 'a = x*y; sin(a) + a^2',
    at: { x: 1, y: 2 },
    lesson: 'A named intermediate is one shared node with two consumers.',
  },
  {
    id: 'network',
    title: 'Tiny network: 2-2-1 with a loss',
    formula: [
      'h1 = tanh(w11*x1 + w12*x2 + b1)',
      'h2 = tanh(w21*x1 + w22*x2 + b2)',
      'y = w1*h1 + w2*h2 + b',
      '(y - t)^2',
    ].join('\n'),
    at: { x1: 0.5, x2: -1.5, w11: 0.8, w12: -0.4, b1: 0.1, w21: 0.3, w22: 0.9, b2: -0.2, w1: 1.5, w2: -1.1, b: 0.3, t: 1 },
    lesson: 'Each binding is a block: collapse h₁ and h₂ to see the network as neurons, expand one to see inside.',
  },
  {
    id: 'own-function',
    title: 'Your own function: neuron',
    formula: [
      'neuron(a, b, w1, w2, c) = tanh(w1*a + w2*b + c)',
      'neuron(x1, x2, w11, w12, b1) + neuron(x1, x2, w21, w22, b2)',
    ].join('\n'),
    at: { x1: 0.5, x2: -1.5, w11: 0.8, w12: -0.4, b1: 0.1, w21: 0.3, w22: 0.9, b2: -0.2 },
    lesson:
      'A function you define is copied into the graph at each call, as a block named by the call: collapse one to see a neuron, expand it to see its operations.',
  },
  {
    id: 'kink',
    title: 'Kink: relu(x) + abs(y) at 0',
    formula: 'relu(x) + abs(y)',
    at: { x: 0, y: 0 },
    lesson: 'No derivative exists at 0: AD uses a convention, finite differences see a kink.',
  },
  {
    id: 'domain',
    title: 'Domain error: log(x) at x = −1',
    formula: 'log(x)',
    at: { x: -1 },
    lesson: 'The logarithm of a negative number is NaN and the NaN propagates; its slope is still taken as 1/x, as PyTorch does.',
  },
  {
    id: 'several-outputs',
    title: 'Several outputs: forward wins',
    formula: 'cos(t), sin(t), t^2',
    at: { t: 1 },
    lesson:
      'One input, three outputs: each reverse pass gives one row of the Jacobian (choose the output under Jacobian), so reverse mode needs three passes where forward mode needs one.',
    forwardLesson:
      'One input, three outputs: one forward pass, seeded on t, fills the whole Jacobian column at once: the tangent of every output from one pass (the Jacobian panel counts the passes each mode needs).',
  },
];

export const DEFAULT_EXAMPLE: Example = EXAMPLES[0]!;

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
