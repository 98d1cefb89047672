// The baseline the benchmark compares against: a TypeScript transcription of micrograd's
// `engine.py` (github.com/karpathy/micrograd). One `Value` per operation result with `data`,
// `grad`, `_prev` (the set of its children), `_op`, and a `_backward` closure created by the
// operation; `backward()` orders the graph topologically by a depth-first search with a `visited`
// set (micrograd's `build_topo`), then calls every `_backward` in reverse. micrograd re-runs the
// Python forward pass for every gradient, so `naiveGradient` rebuilds the Value graph from the
// point on every call, replaying the tape as the user's code would.
//
// Where TypeScript or this project's ops differ from micrograd, the choice favours the baseline:
// - micrograd has only +, *, ** and relu natively (−, / and neg compose two or three Values); here
//   every op of the table is one Value with one closure, like micrograd's own `relu`.
// - The arithmetic is the engine's own (`opValueAndPartials`: value and local partials in one
//   call when the op runs, which the closure captures, as micrograd's `tanh` captures `t`), so
//   the baseline does the same maths once and only the data layout differs. (That call costs
//   ~6 ns more per op than arithmetic inlined into the closure: about 1% of the baseline.)
// - Leaves share one no-op `_backward` instead of a fresh `lambda: None` each.
// Faithful otherwise: a number operand is wrapped in a fresh `Value` where it is used (micrograd's
// `other if isinstance(other, Value) else Value(other)`), except a constant exponent, which stays
// a number as in micrograd's `x**2` (one child, no slope for the exponent).
// Benchmark-only: never shipped, never imported by the engine.
import { pointValue } from '../evaluate.ts';
import { OP_CONSTANT, OP_INPUT } from '../graph.ts';
import { OP_INDEX, OPS_BY_INDEX, POW_CONSTANT_EXPONENT, opValueAndPartials } from '../ops.ts';
import type { GradientResult, Graph, Point } from '../types.ts';

const NOOP = (): void => {};
const POW = OP_INDEX.pow;

export class Value {
  grad = 0;
  _backward: () => void = NOOP;
  readonly _prev: Set<Value>;

  constructor(
    public data: number,
    children: readonly Value[] = [],
    readonly _op = '',
  ) {
    this._prev = new Set(children);
  }

  /**
   * micrograd's `backward`: topological order by DFS from this node, then the chain rule.
   * `build_topo` recursed once per node overflows the stack 10,000 deep (under Vitest), so the
   * same post-order walk keeps its own stack of (node, child iterator), as Python keeps frames.
   * On the benchmark graphs, which recursion survives, both took the same time.
   */
  backward(): void {
    const topo: Value[] = [];
    const visited = new Set<Value>();
    const nodes: Value[] = [this];
    const children: Iterator<Value>[] = [this._prev.values()];
    visited.add(this);
    while (nodes.length > 0) {
      const next = children[children.length - 1]!.next();
      if (next.done === true) {
        topo.push(nodes.pop()!);
        children.pop();
      } else if (!visited.has(next.value)) {
        visited.add(next.value);
        nodes.push(next.value);
        children.push(next.value._prev.values());
      }
    }
    this.grad = 1;
    for (let i = topo.length - 1; i >= 0; i--) topo[i]!._backward();
  }
}

/** The value and local partials of one operation (the engine's arithmetic), read at once. */
const R = new Float64Array(3);

/** micrograd's `__add__`, `__mul__`, … for binary op `code`. */
function binary(code: number, self: Value, other: Value): Value {
  opValueAndPartials(code, self.data, other.data, R);
  const da = R[1]!;
  const db = R[2]!;
  const out = new Value(R[0]!, [self, other], OPS_BY_INDEX[code]!.id);
  out._backward = () => {
    self.grad += da * out.grad;
    other.grad += db * out.grad;
  };
  return out;
}

/** micrograd's `x**k` for a number `k`: one child, no slope for the exponent. */
function powNumber(self: Value, k: number): Value {
  opValueAndPartials(POW_CONSTANT_EXPONENT, self.data, k, R);
  const da = R[1]!;
  const out = new Value(R[0]!, [self], `**${k}`);
  out._backward = () => {
    self.grad += da * out.grad;
  };
  return out;
}

/** micrograd's `relu` (and the lecture's `tanh`, `exp`) for unary op `code`. */
function unary(code: number, self: Value): Value {
  opValueAndPartials(code, self.data, 0, R);
  const da = R[1]!;
  const out = new Value(R[0]!, [self], OPS_BY_INDEX[code]!.id);
  out._backward = () => {
    self.grad += da * out.grad;
  };
  return out;
}

/** The forward pass: the user's code run on Values, one per input and one per operation. */
export function forwardValues(graph: Graph, point: Point): { output: Value; inputs: Value[] } {
  const { opIndex, arg0, arg1, constant } = graph.tape;
  // The user's variables: a Value per input, and per op result, held as long as it is used.
  const values: Value[] = new Array<Value>(opIndex.length);
  const inputs = graph.inputs.map((id, k) => {
    values[id] = new Value(pointValue(point, graph.variables[k]!));
    return values[id];
  });
  const operand = (id: number): Value =>
    opIndex[id] === OP_CONSTANT ? new Value(constant[id]!) : values[id]!;
  for (let i = 0; i < opIndex.length; i++) {
    const k = opIndex[i]!;
    if (k === OP_INPUT || k === OP_CONSTANT) continue;
    const a1 = arg1[i]!;
    if (a1 < 0) values[i] = unary(k, operand(arg0[i]!));
    else if (k === POW && opIndex[a1] === OP_CONSTANT)
      values[i] = powNumber(operand(arg0[i]!), constant[a1]!);
    else values[i] = binary(k, operand(arg0[i]!), operand(a1));
  }
  return { output: graph.output >= 0 ? operand(graph.output) : new Value(NaN), inputs };
}

/** Value and gradient at `point`, as a micrograd user gets them: forward, then `backward()`. */
export function naiveGradient(graph: Graph, point: Point): GradientResult {
  const { output, inputs } = forwardValues(graph, point);
  output.backward();
  const gradient: Point = {};
  graph.variables.forEach((v, k) => {
    gradient[v] = inputs[k]!.grad;
  });
  return { value: output.data, gradient };
}
