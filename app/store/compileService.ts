// Where a formula is compiled: on the main thread when it is small (so typing an ordinary formula
// paints in the same frame, and tests stay synchronous), in a Web Worker when it is large (a
// pasted megabyte must never freeze the page). Mirrors the layout service's fail-soft rules:
// a newer edit cancels older in-flight work (its worker is terminated); a worker that crashes or
// takes longer than COMPILE_TIMEOUT_MS is terminated and replaced, and that formula gets a
// diagnostic saying so, while the page keeps showing the last good result.
import { allOps, blocksOf, type BuildResult, type Diagnostic, type Graph, type Point } from '../../ad-core/index.ts';
import { GraphAssembler, unwireEvaluation, type CompileReply } from './compileTransfer.ts';
import { rememberEvaluation } from './evaluationCache.ts';
import type { CompileRequest } from './compile.worker.ts';
import type { Derived, Inputs } from './derive.ts';

/** Formulas longer than this (characters) compile in a worker: exactly those a link cannot hold. */
export const COMPILE_WORKER_CHARS = 5_000;
/** A compile that takes longer than this is abandoned (its worker replaced). */
export const COMPILE_TIMEOUT_MS = 30_000;

/** The part of Worker the service uses (a stand-in in tests). */
export interface CompileWorker {
  postMessage(request: CompileRequest): void;
  terminate(): void;
  addEventListener(type: 'message', fn: (event: MessageEvent<CompileReply>) => void): void;
  addEventListener(type: 'error', fn: (event: ErrorEvent) => void): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The compile is under way; the caller is called back once it settles. */
export const PENDING = Symbol('compile pending');
export type CompileAnswer = BuildResult | typeof PENDING;

interface Request {
  id: number;
  source: string;
  merge: boolean;
  assembler: GraphAssembler;
  timer: unknown;
  onSettled: () => void;
}

function failure(source: string, message: string): BuildResult {
  const diagnostic: Diagnostic = {
    code: 'too-long',
    message,
    span: { start: 0, end: source.length },
    hint: 'Split the formula into smaller pieces, or shorten it.',
  };
  return { ok: false, diagnostics: [diagnostic] };
}

export class CompileService {
  private worker: CompileWorker | null = null;
  private pending: Request | null = null;
  private latest: { source: string; merge: boolean; built: BuildResult } | null = null;
  private nextId = 1;

  /**
   * `prepare`: per-graph work (each function caching its answer for the graph) run on a compiled
   * graph before it is handed over, each in a task of its own, so that the task which then shows
   * the graph does not also do them (a 20,000-binding chain's blocks alone were a long task's
   * fifth).
   */
  constructor(
    private readonly makeWorker: () => CompileWorker,
    private readonly timers: Timers = browserTimers,
    readonly timeoutMs = COMPILE_TIMEOUT_MS,
    private readonly prepare: readonly ((graph: Graph) => unknown)[] = [],
  ) {}

  /** Is a compile under way? */
  get busy(): boolean {
    return this.pending !== null;
  }

  /**
   * The compiled result for (source, merge) if it has arrived; otherwise starts (or keeps) the
   * compile and returns PENDING, calling `onSettled` once the result (or a failure) is in.
   * A request for other text cancels the one in flight.
   */
  request(source: string, merge: boolean, onSettled: () => void, point?: Point): CompileAnswer {
    const l = this.latest;
    if (l && l.source === source && l.merge === merge) return l.built;
    const p = this.pending;
    if (p && p.source === source && p.merge === merge) {
      p.onSettled = onSettled;
      return PENDING;
    }
    this.cancel();
    const worker = (this.worker ??= this.spawn());
    const request: Request = {
      id: this.nextId++,
      source,
      merge,
      assembler: new GraphAssembler(),
      timer: undefined,
      onSettled,
    };
    request.timer = this.timers.setTimeout(() => {
      if (this.pending !== request) return;
      this.dropWorker();
      this.settle(
        request,
        failure(
          source,
          `This formula took over ${this.timeoutMs / 1000} s to compile, so it was stopped.`,
        ),
      );
    }, this.timeoutMs);
    this.pending = request;
    worker.postMessage({
      id: request.id,
      source,
      merge,
      ...(point ? { point: Object.entries(point) } : {}),
    });
    return PENDING;
  }

  /** Abandons the compile in flight (a newer, small formula took its place). */
  cancel(): void {
    const p = this.pending;
    if (!p) return;
    this.timers.clearTimeout(p.timer);
    this.pending = null;
    // Its work is for text the user has moved past: stop it rather than wait for it.
    this.dropWorker();
  }

  private spawn(): CompileWorker {
    const worker = this.makeWorker();
    worker.addEventListener('message', (event: MessageEvent<CompileReply>) =>
      this.receive(worker, event.data),
    );
    worker.addEventListener('error', (event: ErrorEvent) => {
      if (this.worker !== worker) return;
      this.dropWorker();
      const p = this.pending;
      if (p)
        this.settle(
          p,
          failure(p.source, `Compiling this formula failed (${event.message || 'the worker stopped'}).`),
        );
    });
    return worker;
  }

  private receive(worker: CompileWorker, reply: CompileReply): void {
    const p = this.pending;
    if (worker !== this.worker || !p || reply.id !== p.id) return;
    if (reply.kind === 'part') {
      p.assembler.add(reply.key, reply.items);
      return;
    }
    const built =
      reply.kind === 'done'
        ? p.assembler.finish(reply.result)
        : failure(p.source, `Compiling this formula failed (${reply.error}).`);
    if (reply.kind === 'done' && reply.evaluation && built.ok) {
      const { pointKey, evaluation } = unwireEvaluation(reply.evaluation);
      rememberEvaluation(built.graph, pointKey, evaluation);
    }
    this.prepareThenSettle(p, built, 0);
  }

  /**
   * Runs `prepare[k…]` on the graph one task each (while `p` is still wanted), then settles in a
   * task of its own after the last.
   */
  private prepareThenSettle(p: Request, built: BuildResult, k: number): void {
    if (this.pending !== p) return;
    if (!built.ok || this.prepare.length === 0) {
      this.settle(p, built);
      return;
    }
    this.timers.setTimeout(() => {
      if (this.pending !== p) return;
      if (k >= this.prepare.length) {
        this.settle(p, built);
        return;
      }
      try {
        this.prepare[k]!(built.graph);
      } catch {
        // Only a head start: whatever failed here is done (and reported) where it is needed.
      }
      this.prepareThenSettle(p, built, k + 1);
    }, 0);
  }

  private settle(p: Request, built: BuildResult): void {
    this.timers.clearTimeout(p.timer);
    if (this.pending === p) this.pending = null;
    this.latest = { source: p.source, merge: p.merge, built };
    p.onSettled();
  }

  private dropWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** Should this text compile in a worker? Never where workers do not exist (Node, tests). */
export function compilesInWorker(source: string): boolean {
  return source.length > COMPILE_WORKER_CHARS && typeof Worker !== 'undefined';
}

let shared: CompileService | null = null;

/** The page's one compile service (its worker made on first use). */
export function compileService(): CompileService {
  return (shared ??= new CompileService(
    () =>
      new Worker(new URL('./compile.worker.ts', import.meta.url), {
        type: 'module',
        name: 'compile',
      }) as unknown as CompileWorker,
    browserTimers,
    COMPILE_TIMEOUT_MS,
    // allOps: the op list the trace and the check sweep (cached per graph).
    [blocksOf, allOps],
  ));
}

/**
 * What `derive` should compile from: undefined when it may compile itself (nothing to compile, or
 * small text), the worker's result once it has arrived, or PENDING (then `onSettled` is called
 * when it arrives, and the page keeps the last result meanwhile).
 */
export function builtFor(
  prev: Derived | null,
  inputs: Inputs,
  onSettled: () => void,
): BuildResult | typeof PENDING | undefined {
  if (prev && prev.source === inputs.source && prev.merge === inputs.merge) return undefined;
  if (!compilesInWorker(inputs.source)) {
    shared?.cancel();
    return undefined;
  }
  return compileService().request(inputs.source, inputs.merge, onSettled, inputs.point);
}
