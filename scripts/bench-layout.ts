// Layout time only, our layout (app/graph/layout.ts) beside d3-dag's Sugiyama (the layout the app
// used before, kept in app/graph/layout-d3dag.ts for this comparison), on the same formulas:
// wide sums `x0 + x1 + …` and binding chains `a1 = x*2; a2 = a1*x + 1; …`, at 100 to 20,000
// nodes. Both include edge-label placement (the same code). d3-dag is skipped at a size once it
// has taken more than SKIP_AFTER_MS at a smaller one (it grows quadratically or worse).
//   npm run bench:layout [-- --runs 5 --sizes 100,500,2000]
import { compile } from '../ad-core/index.ts';
import { layoutInputOf } from '../app/graph/graphInput.ts';
import { computeLayout, type LayoutInput } from '../app/graph/layout.ts';
import { computeLayoutD3Dag } from '../app/graph/layout-d3dag.ts';
import { bindingChain, wideSum } from '../app/graph/layout-shapes.ts';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1]! : dflt;
};
const SIZES = opt('--sizes', '100,500,2000,5000,20000').split(',').map(Number);
const RUNS = Number(opt('--runs', '5'));
const SKIP_AFTER_MS = Number(opt('--skip-after-ms', '6000'));

function inputOf(source: string): LayoutInput {
  const built = compile(source);
  if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message).join('; '));
  return layoutInputOf(built.graph);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(layout: (input: LayoutInput) => unknown, input: LayoutInput, runs: number): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    layout(input);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(8);
console.log(`layout time, median of ${RUNS} runs (d3-dag: fewer runs past 1 s), ms`);
console.log('shape          nodes      ours    d3-dag   ratio');
for (const [name, make] of [
  ['wide sum', wideSum],
  ['binding chain', bindingChain],
] as const) {
  let d3Slow = false;
  for (const size of SIZES) {
    const input = inputOf(make(size));
    computeLayout(input); // warm-up
    const ours = time(computeLayout, input, RUNS);
    let theirs = '   skipped';
    let ratio = '';
    if (!d3Slow) {
      const first = time(computeLayoutD3Dag, input, 1);
      const t = first > 1000 ? first : time(computeLayoutD3Dag, input, RUNS);
      if (t > SKIP_AFTER_MS) d3Slow = true;
      theirs = fmt(t) + '  ';
      ratio = `${(t / ours).toFixed(0)}×`;
    }
    console.log(
      `${name.padEnd(14)}${String(input.nodes.length).padStart(6)}  ${fmt(ours)}${theirs}${ratio.padStart(6)}`,
    );
  }
}
