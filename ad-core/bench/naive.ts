// The baseline the benchmark compares against: a micrograd-style autodiff, one heap object and one
// backward closure per node, the graph rebuilt on every call and topologically sorted by DFS on
// every backward pass. It uses the same op table, so only the data layout differs from the engine.
// Benchmark-only: never shipped, never imported by the engine.
import { OPS_BY_ID } from '../ops.ts';
import type { GradientResult, Graph, Point } from '../types.ts';

// Shared, not one fresh closure per leaf: keeps the baseline as cheap as this style allows.
const NOOP = (): void => {};

class Value {
  grad = 0;
  backward: () => void = NOOP;
  constructor(
    public data: number,
    public prev: Value[],
  ) {}
}

/** micrograd's `backward`: DFS topological order from the output, then closures in reverse. */
function backward(root: Value): void {
  const topo: Value[] = [];
  const visited = new Set<Value>();
  // Iterative DFS (micrograd recurses; deep graphs would overflow the stack here).
  const stack: { v: Value; next: number }[] = [{ v: root, next: 0 }];
  visited.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { v: Value; next: number };
    const child = top.v.prev[top.next++];
    if (child === undefined) {
      topo.push(top.v);
      stack.pop();
    } else if (!visited.has(child)) {
      visited.add(child);
      stack.push({ v: child, next: 0 });
    }
  }
  root.grad = 1;
  for (let i = topo.length - 1; i >= 0; i--) (topo[i] as Value).backward();
}

const ZERO = new Value(0, []);
const SCRATCH = new Float64Array(2);

/** Value and gradient at `point`, building the object graph from the tape as operator overloading would. */
export function naiveGradient(graph: Graph, point: Point): GradientResult {
  const values: Value[] = new Array(graph.nodes.length);
  for (const node of graph.nodes) {
    if (node.kind === 'input') {
      values[node.id] = new Value(point[node.variable ?? ''] ?? NaN, []);
    } else if (node.kind === 'constant') {
      values[node.id] = new Value(node.constant ?? NaN, []);
    } else {
      const spec = OPS_BY_ID[node.op];
      if (!spec) throw new Error(`unknown op ${node.op}`);
      const a = values[node.args[0] ?? -1] ?? ZERO;
      const b = node.args.length > 1 ? (values[node.args[1] ?? -1] ?? ZERO) : ZERO;
      const out = new Value(spec.value(a.data, b.data), node.args.length > 1 ? [a, b] : [a]);
      // Both local partials in one call, as the engine does, so the baseline does no extra maths.
      out.backward =
        node.args.length > 1
          ? () => {
              spec.partials(a.data, b.data, out.data, SCRATCH);
              a.grad += (SCRATCH[0] as number) * out.grad;
              b.grad += (SCRATCH[1] as number) * out.grad;
            }
          : () => {
              spec.partials(a.data, 0, out.data, SCRATCH);
              a.grad += (SCRATCH[0] as number) * out.grad;
            };
      values[node.id] = out;
    }
  }
  const root = values[graph.output] as Value;
  backward(root);
  const gradient: Point = {};
  graph.variables.forEach((v, i) => {
    gradient[v] = values[graph.inputs[i] ?? -1]?.grad ?? NaN;
  });
  return { value: root.data, gradient };
}
