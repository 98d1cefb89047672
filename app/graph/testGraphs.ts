// Graph shapes for the layout's tests and benchmarks, built directly as tapes so that the layout
// can be tested on its own (and on sizes no one would type).
import type { LayoutInput, LayoutNodeInput, LayoutEdgeInput } from './layout.ts';

export class TapeBuilder {
  nodes: LayoutNodeInput[] = [];
  edges: LayoutEdgeInput[] = [];

  input(name: string): number {
    return this.push({ kind: 'input', label: name });
  }

  constant(value: number): number {
    return this.push({ kind: 'constant', label: String(value) });
  }

  op(symbol: string, ...args: number[]): number {
    const id = this.push({ kind: 'op', label: symbol });
    args.forEach((from, argIndex) => {
      this.edges.push({ id: this.edges.length, from, to: id, argIndex: argIndex as 0 | 1 });
    });
    return id;
  }

  build(output = this.nodes.length - 1): LayoutInput {
    return { nodes: this.nodes, edges: this.edges, output };
  }

  private push(node: Omit<LayoutNodeInput, 'id'>): number {
    const id = this.nodes.length;
    this.nodes.push({ id, ...node });
    return id;
  }
}

/** `sin(x*y) + exp(x)/y`, the app's warm-up example. */
export function warmUp(): LayoutInput {
  const t = new TapeBuilder();
  const x = t.input('x');
  const y = t.input('y');
  const xy = t.op('×', x, y);
  const s = t.op('sin', xy);
  const e = t.op('exp', x);
  const d = t.op('÷', e, y);
  t.op('+', s, d);
  return t.build();
}

/** `x*x + x`: a repeated edge and a fan-out. */
export function fanOut(): LayoutInput {
  const t = new TapeBuilder();
  const x = t.input('x');
  const xx = t.op('×', x, x);
  t.op('+', xx, x);
  return t.build();
}

/** A sum of `terms` random products/sines over `vars` variables: about 4·terms nodes. */
export function randomSum(terms: number, vars: number, seed = 1): LayoutInput {
  let s = seed >>> 0;
  const rand = (): number => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const t = new TapeBuilder();
  const xs = Array.from({ length: vars }, (_, i) => t.input(`x${i + 1}`));
  const pick = (): number => xs[Math.floor(rand() * xs.length)]!;
  let acc = -1;
  for (let k = 0; k < terms; k++) {
    const r = rand();
    let term: number;
    if (r < 0.3) term = t.op('sin', t.op('×', pick(), pick()));
    else if (r < 0.6) term = t.op('×', t.constant(Math.floor(rand() * 9) + 2), t.op('exp', pick()));
    else term = t.op('÷', t.op('+', pick(), t.constant(1)), t.op('cos', pick()));
    acc = acc < 0 ? term : t.op('+', acc, term);
  }
  return t.build();
}
