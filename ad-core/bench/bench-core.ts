// Entry point of `npm run bench:core` (add `-- --json` for machine-readable rows:
// {"gradient": [one row per graph size], "training": the training row}).
import { BENCH_SIZES, benchGraph, benchOne, renderBenchText, type BenchRow } from './run-bench.ts';
import { benchTraining, renderTrainBenchText } from './train-bench.ts';

const json = process.argv.includes('--json');
const rows: BenchRow[] = BENCH_SIZES.map((size) => benchOne(benchGraph(size)));
const training = benchTraining();
process.stdout.write(
  json
    ? JSON.stringify({ gradient: rows, training }) + '\n'
    : renderBenchText(rows) + '\n' + renderTrainBenchText(training),
);
