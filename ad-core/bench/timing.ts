// Median time per call, robust to a shared, noisy machine: time is this process's CPU time (user +
// system, all its threads, so garbage collection counts), not wall-clock time that includes the
// moments other processes hold the core; warm up so the JIT has compiled the hot loops; batch
// calls so one sample outlasts the clock's resolution; and interleave the functions sample by
// sample, so cache or frequency changes hit all of them alike rather than skewing the ratios.

export interface TimingOptions {
  warmupMs?: number;
  sampleMs?: number;
  samples?: number;
  /** Process CPU time (default) or wall-clock time. */
  clock?: 'cpu' | 'wall';
}

/** Milliseconds of CPU time this process has used. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Every result is folded in here (and the module exports it), so no call can be optimised away. */
export let sink = 0;

function consume(r: unknown): void {
  sink += typeof r === 'number' ? r : r === undefined ? 0 : 1;
}

/** Median milliseconds per call of each function, measured interleaved. */
export function medianMsEach(
  fns: readonly (() => unknown)[],
  options: TimingOptions = {},
): number[] {
  const { warmupMs = 150, sampleMs = 4, samples = 41, clock = 'cpu' } = options;
  const now = clock === 'cpu' ? cpuMs : () => performance.now();
  const batches = fns.map((fn) => {
    let calls = 0;
    const start = now();
    while (now() - start < warmupMs || calls < 5) {
      consume(fn());
      calls++;
    }
    const perCall = (now() - start) / calls;
    return Math.max(1, Math.ceil(sampleMs / Math.max(perCall, 1e-6)));
  });
  const times: number[][] = fns.map(() => []);
  for (let s = 0; s < samples; s++) {
    fns.forEach((fn, f) => {
      const batch = batches[f] ?? 1;
      const start = now();
      for (let i = 0; i < batch; i++) consume(fn());
      times[f]?.push((now() - start) / batch);
    });
  }
  return times.map(median);
}

/** Median milliseconds per call of one function. */
export function medianMs(fn: () => unknown, options: TimingOptions = {}): number {
  return medianMsEach([fn], options)[0] ?? NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
