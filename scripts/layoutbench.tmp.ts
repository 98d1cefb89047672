import { compile } from '../ad-core/index.ts';
import { computeLayout } from '../app/graph/layout.ts';
import { layoutInputOf } from '../app/graph/graphInput.ts';
const TERMS = [
  { text: (c: string) => `sin(${c}*x*y)`, nodes: 4 }, { text: (c: string) => `cos(y + ${c}*z)`, nodes: 4 },
  { text: () => 'x*z', nodes: 1 }, { text: (c: string) => `tanh(${c}*x)`, nodes: 3 }, { text: () => 'exp(-y)', nodes: 2 },
  { text: (c: string) => `sqrt(${c} + x*x)`, nodes: 4 }, { text: (c: string) => `log(${c} + z*z)`, nodes: 4 }, { text: (c: string) => `y/(${c} + x^2)`, nodes: 5 },
];
function lcg(seed: number) { let s = seed >>> 0; return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; }; }
function gen(target: number) { const random = lcg(target); const terms: string[] = []; let nodes = 3;
  while (nodes < target) { const term = TERMS[Math.floor(random() * TERMS.length)]!; const c = (0.5 + Math.floor(random() * 20) / 10).toFixed(1); terms.push(term.text(c)); nodes += term.nodes + (terms.length > 1 ? 1 : 0); }
  const bal = (items: string[]): string => items.length === 1 ? items[0]! : `(${bal(items.slice(0, Math.ceil(items.length / 2)))} + ${bal(items.slice(Math.ceil(items.length / 2)))})`;
  return bal(terms); }
for (const size of (process.env.SIZES ?? "20,100").split(",").map(Number)) {
  const r = compile(gen(size)) as any;
  const g = r.graph ?? r.value ?? r;
  const input = layoutInputOf(g);
  for (let i = 0; i < 30; i++) computeLayout(input);
  const ts: number[] = [];
  for (let i = 0; i < (process.env.MANY ? 2000 : 60); i++) { const t = performance.now(); computeLayout(input); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(size, g.nodes.length, 'median ms', ts[30]!.toFixed(2));
}
