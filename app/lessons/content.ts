// The guided lessons. Text is written for students working alone: short, concrete, and pointing at
// numbers on screen. Every number is a placeholder filled from the engine (template.ts), never
// typed here; `lessons.test.ts` checks every page resolves and says something.
import type { Lesson, LessonPage } from './types.ts';

const BAYDIN = { formula: 'ln(x1) + x1*x2 - sin(x2)', at: { x1: 2, x2: 5 } };
const OLAH = { formula: '(a+b)*(b+1)', at: { a: 2, b: 1 } };
const PRODUCT = { formula: 'x*y*z + sin(x)', at: { x: 1, y: 2, z: 3 } };
const WARMUP = { formula: 'sin(x*y) + exp(x)/y', at: { x: 1, y: 2 } };
const TRAIN = { formula: '(w*x + b - y)^2', at: { w: 0.5, x: 2, b: 0, y: 5 } };

const page = (p: LessonPage) => p;

export const LESSONS: readonly Lesson[] = [
  {
    id: 'forward-pass',
    short: 'The forward pass',
    title: 'The forward pass: evaluating a graph',
    pages: [
      page({
        ...BAYDIN,
        heading: 'A formula is a graph',
        step: 'start',
        highlight: 'graph',
        text: `This graph computes f = ln(x1) + x1·x2 − sin(x2), the example of Baydin et al. (2018).
          Boxes are inputs, circles are elementary operations, arrows carry values.

          Nothing is computed yet: the step counter reads {step} / {total}.`,
      }),
      page({
        ...BAYDIN,
        heading: 'Inputs first',
        step: { evaluated: 'x2' },
        highlight: 'graph',
        text: `The first steps only copy the inputs into the graph: {name:x1} = x1 = {value:x1} and
          {name:x2} = x2 = {value:x2}. Inputs get negative or zero numbers, operations v₁, v₂, ….`,
      }),
      page({
        ...BAYDIN,
        heading: 'One operation per step',
        step: { evaluated: 'v1' },
        highlight: 'explanation',
        text: `An operation can run as soon as all its arguments have values. Step {step} computes
          {eq:v1} = ln({value:x1}) = {value:v1}.

          The panel on the right writes out each step the way you would on paper.`,
      }),
      page({
        ...BAYDIN,
        heading: 'Values are reused',
        step: { evaluated: 'v2' },
        highlight: 'graph',
        text: `Next, {eq:v2} = {value:x1} · {value:x2} = {value:v2}.

          x1 feeds two operations (ln and ×). Its value was computed once and is simply read twice.`,
      }),
      page({
        ...BAYDIN,
        heading: 'The evaluation trace',
        step: 'forward-end',
        highlight: 'graph',
        text: `After step {step} every node has a value, computed in tape order, and the output is
          f = {output}.

          This list of assignments {name:x1} … {name:out} is the evaluation trace. Derivatives
          come from walking it again: backwards in the next lesson.`,
      }),
    ],
  },
  {
    id: 'reverse-pass',
    short: 'The reverse pass',
    title: 'The reverse pass: adjoints, and why fan-out means summing',
    pages: [
      page({
        ...OLAH,
        heading: 'Seed the output',
        step: 'seed',
        highlight: 'graph',
        text: `f = (a + b)·(b + 1) has been evaluated: f = {output}. The reverse pass asks, for every
          node, how much f changes when that node changes. That number is its adjoint, written v̄.

          It starts at the output: {bar:out} = ∂f/∂f = {adjoint:out}.`,
      }),
      page({
        ...OLAH,
        heading: 'Chain rule, one edge at a time',
        step: { propagated: 'v3' },
        highlight: 'explanation',
        text: `{eq:v3} passes its adjoint back along each edge, multiplied by the local partial
          derivative. For a product the partial is the other factor:

          {bar:v1} = {bar:v3} · {name:v2} = {adjoint:out} · {value:v2} = {adjoint:v1}, and
          {bar:v2} = {bar:v3} · {name:v1} = {adjoint:out} · {value:v1} = {adjoint:v2}.`,
      }),
      page({
        ...OLAH,
        heading: 'b is used twice',
        step: { propagated: 'v2' },
        highlight: 'graph',
        text: `{eq:v2} has partial 1 with respect to b, so b receives {adjoint:b}.

          But b also feeds {name:v1} = a + b. Its adjoint is a running sum (+=), and it is not
          finished yet.`,
      }),
      page({
        ...OLAH,
        heading: 'Fan-out means summing',
        step: { propagated: 'v1' },
        highlight: 'explanation',
        text: `{eq:v1} sends {adjoint:v1} to both a and b. Now {bar:a} = {adjoint:a} and
          {bar:b} = {adjoint:b}.

          b reaches f along two paths, so a small change in b changes f through both: ∂f/∂b is the
          sum of the two contributions. Forgetting one is the most common backprop bug.`,
      }),
      page({
        ...OLAH,
        heading: 'Check it',
        step: 'end',
        highlight: 'check',
        text: `The reverse pass is finished after {total} steps. The gradient check compares the
          adjoints with finite differences: ∂f/∂a = {ad:a} ({status:a}) and ∂f/∂b = {ad:b}
          ({status:b}).`,
      }),
    ],
  },
  {
    id: 'forward-vs-reverse',
    short: 'Forward vs reverse',
    title: 'Forward mode versus reverse mode: when each wins',
    pages: [
      page({
        ...PRODUCT,
        mode: 'forward',
        seed: 'x',
        heading: 'Forward mode carries a tangent',
        step: 'end',
        highlight: 'graph',
        text: `Forward mode computes a second number beside each value: its tangent v̇, the rate of
          change along one chosen direction. Here the seed is ẋ = 1, ẏ = ż = 0.

          One pass of {total} steps gives the output's tangent {tangent:out}, which is ∂f/∂x.`,
      }),
      page({
        ...PRODUCT,
        mode: 'forward',
        seed: 'y',
        heading: 'One pass per input',
        step: 'end',
        highlight: 'player',
        text: `For ∂f/∂y the whole pass runs again, now seeded with ẏ = 1: the output's tangent is
          {tangent:out}.

          With {variables} inputs, forward mode needs {variables} passes to get the full gradient.`,
      }),
      page({
        ...PRODUCT,
        mode: 'forward',
        seed: 'x',
        heading: 'Dual numbers: the tangent rides along as ε',
        step: 'end',
        highlight: 'explanation',
        text: `Forward mode is arithmetic on dual numbers a + bε, with ε² = 0: each node holds
          value + tangent·ε. (a + bε)(c + dε) = ac + (ad + bc)ε + bd·ε², and the last term
          vanishes: the ε part is the product rule. Likewise sin(a + bε) = sin a + b·cos a·ε.

          With x = {value:x} + 1ε the output is {value:out} + {tangent:out}ε: its ε part is ∂f/∂x.
          Tick Dual numbers by the step's explanation to see every step this way.`,
      }),
      page({
        ...PRODUCT,
        mode: 'reverse',
        heading: 'Reverse mode: the whole gradient at once',
        step: 'end',
        highlight: 'check',
        text: `Reverse mode runs forward once for the values, then backward once from the output.
          After {total} steps every input holds its adjoint: ∂f/∂x = {adjoint:x},
          ∂f/∂y = {adjoint:y}, ∂f/∂z = {adjoint:z}.`,
      }),
      page({
        ...PRODUCT,
        mode: 'reverse',
        heading: 'When each wins',
        step: 'end',
        highlight: 'drawer',
        drawer: 'cost',
        text: `The panel under the graph counts the work for this formula. Forward mode costs one
          pass per input; reverse mode one pass per output, plus memory to keep the values for the
          way back.

          A neural network's loss has millions of inputs and one output: reverse mode
          (backpropagation) wins. A function of one input with many outputs, like a simulated
          trajectory over time, favours forward mode.`,
      }),
      page({
        formula: 'cos(t), sin(t), t^2',
        at: { t: 1 },
        mode: 'forward',
        seed: 't',
        heading: 'Several outputs: forward mode wins',
        step: 'end',
        highlight: 'drawer',
        drawer: 'cost',
        text: `Here is such a function: one input t and three outputs (cos t, sin t, t²), a point
          moving along a curve. One forward pass, seeded with ṫ = 1, gives every output's tangent
          at once: the whole Jacobian column (shown under the gradient check).

          Reverse mode gets one output's adjoints per pass, one row of the Jacobian: it would need
          three passes here. With n inputs and m outputs forward mode needs n passes, reverse mode
          m; the panel under the graph counts both and names the cheaper.`,
      }),
    ],
  },
  {
    id: 'kinks',
    short: 'No derivative here',
    title: "Where derivatives don't exist: kinks, conventions, NaN",
    pages: [
      page({
        formula: 'relu(x) + abs(y)',
        at: { x: 0, y: 0 },
        heading: 'A corner has no slope',
        step: 'end',
        highlight: 'check',
        text: `relu(x) is 0 on the left of {value:x} and x on the right: its graph has a corner, and
          at the corner there is no derivative.

          AD must still return a number. It follows PyTorch's convention relu′(0) = 0, so
          ∂f/∂x = {adjoint:x}. Finite differences see the corner: the check says {status:x}.`,
      }),
      page({
        formula: 'relu(x) + abs(y)',
        at: { x: 0, y: 0 },
        heading: 'Conventions are marked',
        step: { propagated: 'v2' },
        highlight: 'explanation',
        text: `The same happens for |y| at y = {value:y}: by convention abs′(0) = 0, and
          {bar:y} = {adjoint:y}.

          Whenever a step used a convention, the graph and the explanation panel mark it with §. The
          number is a choice, not a derivative.`,
      }),
      page({
        formula: 'sqrt(x)',
        at: { x: 0 },
        heading: 'Infinite slopes',
        step: 'end',
        highlight: 'graph',
        text: `√x at x = {value:x} has a vertical tangent. AD reports ∂f/∂x = {adjoint:x}: an infinite
          derivative, written out, never hidden or replaced by 0.`,
      }),
      page({
        formula: 'log(x)',
        at: { x: -1 },
        heading: 'NaN spreads through values, not through this derivative',
        step: 'end',
        highlight: 'graph',
        text: `The logarithm of {value:x} is not a real number, so f = {output}. NaN is contagious:
          every value computed from it is NaN too.

          The derivative is another matter. Like PyTorch, AD takes log′(x) = 1/x whatever the sign
          of x, so ∂f/∂x = {adjoint:x}: a finite gradient of a NaN function. The gradient check
          reports {status:x}. When f is NaN, look for the first NaN in the forward pass; the
          gradient alone will not warn you.`,
      }),
    ],
  },
  {
    id: 'gradient-check',
    short: 'Checking gradients',
    title: 'Checking gradients: finite differences and their error',
    pages: [
      page({
        ...WARMUP,
        heading: 'Estimate the slope',
        step: 'end',
        highlight: 'check',
        method: 'central',
        text: `A finite difference estimates a slope from two nearby values:
          (f(x + h) − f(x − h)) / 2h, the central difference.

          For x it gives {fd:x}; AD says {ad:x}. They differ by {err:x}, below the tolerance of
          {tol} (scaled by the size of the derivative): {status:x}.`,
      }),
      page({
        ...WARMUP,
        heading: 'Forward differences are cruder',
        step: 'end',
        highlight: 'check',
        method: 'forward',
        text: `The forward difference (f(x + h) − f(x)) / h uses one new point instead of two, but its
          error shrinks only like h, not h².

          Now FD = {fd:x} and the error is {err:x}, much larger than with the central difference.`,
      }),
      page({
        ...WARMUP,
        heading: 'Too large a step',
        step: 'end',
        highlight: 'check',
        method: 'forward',
        h: 0.1,
        text: `With h = {h:x}, the straight line from f(x) to f(x + h) no longer follows the curve:
          FD = {fd:x}, error {err:x}. This is truncation error, and the check says {status:x}.`,
      }),
      page({
        ...WARMUP,
        heading: 'Too small a step',
        step: 'end',
        highlight: 'drawer',
        method: 'forward',
        h: 1e-12,
        drawer: 'error',
        text: `With h = {h:x}, f(x + h) and f(x) agree in almost all their digits; subtracting them
          leaves mostly rounding noise: FD = {fd:x}, error {err:x}. This is round-off error.

          The best h balances the two. The plot of error against h shows the V shape.`,
      }),
      page({
        ...WARMUP,
        heading: 'AD has no step size',
        step: 'end',
        highlight: 'check',
        method: 'complex',
        text: `The complex-step method avoids the subtraction altogether and matches AD almost to the
          last digit: error {err:x}.

          AD itself is exact up to rounding in every operation: no h to choose. Finite differences
          remain the independent witness that the derivative code is right.`,
      }),
    ],
  },
  {
    id: 'training',
    short: 'Training a model',
    title: 'From a formula to training a model',
    pages: [
      page({
        ...TRAIN,
        heading: 'One example, one loss',
        step: 'forward-end',
        highlight: 'graph',
        text: `This formula is the loss of one example. The model predicts w·x + b = {value:v2} for
          x = {value:x}; the data say y = {value:y}; the squared error is {output}.

          It has two kinds of names: w and b are parameters, which training changes; x and y are
          data, read from one row of a table.`,
      }),
      page({
        ...TRAIN,
        heading: 'One backward pass, every parameter',
        step: 'end',
        highlight: 'graph',
        text: `One reverse pass gives the adjoints of all the inputs at once. The parameters'
          adjoints are what training needs: ∂f/∂w = {adjoint:w} and ∂f/∂b = {adjoint:b}.

          The data get adjoints too (∂f/∂x = {adjoint:x}), but nobody changes the data. With a
          million parameters it would still be one backward pass.`,
      }),
      page({
        ...TRAIN,
        heading: 'One step by hand',
        step: 'end',
        highlight: 'check',
        text: `Gradient descent moves each parameter a little against its derivative: w becomes
          w − η·({adjoint:w}) and b becomes b − η·({adjoint:b}), for a small learning rate η.
          Both adjoints are negative, so both parameters grow and the prediction moves towards y.

          Trust but verify: for w, AD says {ad:w} and finite differences say {fd:w}.`,
      }),
      page({
        ...TRAIN,
        heading: 'The batch mean, then Run',
        step: 'end',
        highlight: 'drawer',
        drawer: 'train',
        text: `A data set has many rows. The training loss is the mean of this formula over the
          rows, and its gradient is the mean of one reverse pass per row.

          The Train tab below holds the table named Data. Press Train step for one step, or Run
          and watch the loss curve fall. Show this step's backward pass puts one row, at the
          current parameters, on the graph: its adjoints are the row's gradient in the table.`,
      }),
    ],
  },
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
