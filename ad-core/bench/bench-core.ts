// Entry point of `npm run bench:core` (add `-- --json` for machine-readable rows).
import { BENCH_SIZES, benchGraph, benchOne, renderBenchText, type BenchRow } from './run-bench.ts';

const json = process.argv.includes('--json');
const rows: BenchRow[] = BENCH_SIZES.map((size) => benchOne(benchGraph(size)));
process.stdout.write(json ? JSON.stringify(rows) + '\n' : renderBenchText(rows));
