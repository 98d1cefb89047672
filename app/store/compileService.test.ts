import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTrace, evaluate, pointFrom, type BuildResult, type Graph } from '../../ad-core/index.ts';
import { programs } from '../graph/layout-formulas.ts';
import { compileSource } from './core.ts';
import { evaluateAt } from './compileEvaluation.ts';
import { effectivePoint, pointKeyOf } from './derive.ts';
import { evaluationAt } from './evaluationCache.ts';
import type { CompileRequest } from './compile.worker.ts';
import { CompileService, COMPILE_WORKER_CHARS, PENDING, type CompileWorker } from './compileService.ts';
import { GraphAssembler, packEdges, replyMessages, unpackEdges, type CompileReply } from './compileTransfer.ts';
import { createAppStore } from './store.ts';

/** What the page gets back for `source`: the worker's messages, cloned as postMessage would. */
function throughTheWire(source: string, merge = false): BuildResult {
  const assembler = new GraphAssembler();
  for (const { message, transfer } of replyMessages(1, compileSource(source, merge))) {
    const m = structuredClone(message, { transfer }) as CompileReply;
    if (m.kind === 'part') assembler.add(m.key, m.items);
    else if (m.kind === 'done') return assembler.finish(m.result);
  }
  throw new Error('no done message');
}

const sumOf = (n: number) => Array.from({ length: n }, (_, i) => `x${i % 7}*y`).join(' + ');

describe('the compile worker transfer', () => {
  it('gives back exactly what compiling on the page gives, for generated formulas', () => {
    fc.assert(
      fc.property(programs, fc.boolean(), (source, merge) => {
        expect(throughTheWire(source, merge)).toEqual(compileSource(source, merge));
      }),
      { numRuns: 200 },
    );
  });

  it('splits a large graph into many bounded parts and reassembles it, spans packed and unpacked', () => {
    // `x0` … `x6` and `y` are each used thousands of times: their spans travel packed.
    const source = sumOf(3_000);
    const built = compileSource(source);
    const parts = [...replyMessages(1, built)].filter((o) => o.message.kind === 'part');
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.some((o) => o.transfer.length > 0)).toBe(true);
    expect(throughTheWire(source)).toEqual(built);
  });

  it("carries the graph's evaluation at the user's point, its arrays moved, equal to evaluating on the page", () => {
    const source = `${sumOf(500)} + sin(x1)/y + sqrt(y - 5)`;
    const built = compileSource(source);
    if (!built.ok) throw new Error('does not compile');
    const user: [string, number][] = [['y', 0.25], ['x3', -2], ['__proto__', 7]];
    const messages = [...replyMessages(1, built, evaluateAt(built.graph, user))];
    const done = messages[messages.length - 1]!;
    if (done.message.kind !== 'done' || !done.message.evaluation) throw new Error('no evaluation');
    const sent = done.message.evaluation;
    expect(done.transfer).toContain(sent.values.buffer);
    expect(done.transfer).toContain(sent.partials.buffer);
    const arrived = (structuredClone(done.message, { transfer: done.transfer }) as typeof done.message)
      .evaluation!;
    const point = effectivePoint(built.graph, pointFrom(user));
    expect(arrived.pointKey).toBe(pointKeyOf(point));
    // The transfer moved the tape's own buffers too (as the worker does): a fresh compile.
    const again = compileSource(source);
    if (!again.ok) throw new Error('does not compile');
    const page = evaluate(again.graph, point);
    expect(arrived.values).toEqual(page.values);
    expect(arrived.partials).toEqual(page.partials);
    expect(new Map(arrived.conventions)).toEqual(page.conventions);
  });

  it('carries diagnostics of a formula that does not compile', () => {
    expect(throughTheWire('x +* 2')).toEqual(compileSource('x +* 2'));
  });
});

/** A stand-in Worker: records requests; answers (through the real transfer) only when told to. */
class FakeWorker implements CompileWorker {
  static made: FakeWorker[] = [];
  /** The worker last sent a request (the store's shared service may reuse one across tests). */
  static lastPosted: FakeWorker | null = null;
  terminated = false;
  sent: CompileRequest[] = [];
  private listeners = new Map<string, ((event: never) => void)[]>();
  constructor() {
    FakeWorker.made.push(this);
  }
  addEventListener(type: string, fn: (event: never) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  postMessage(request: CompileRequest) {
    this.sent.push(request);
    FakeWorker.lastPosted = this;
  }
  terminate() {
    this.terminated = true;
  }
  emit(type: string, event: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn(event as never);
  }
  /** Compile the last request and send every message, as the real worker does. */
  answer() {
    const { id, source, merge, point } = this.sent[this.sent.length - 1]!;
    const built = compileSource(source, merge);
    const evaluated = built.ok && point ? evaluateAt(built.graph, point) : undefined;
    for (const { message, transfer } of replyMessages(id, built, evaluated))
      this.emit('message', { data: structuredClone(message, { transfer }) });
  }
}

/** Timers the test fires by hand. */
function manualTimers() {
  const due = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout: (fn: () => void) => {
      due.set(next, fn);
      return next++;
    },
    clearTimeout: (h: unknown) => void due.delete(h as number),
    fireAll: () => {
      const fns = [...due.values()];
      due.clear();
      for (const fn of fns) fn();
    },
    get count() {
      return due.size;
    },
  };
}

describe('CompileService', () => {
  afterEach(() => {
    FakeWorker.made = [];
  });
  const make = () => {
    const timers = manualTimers();
    const service = new CompileService(() => new FakeWorker(), timers, 1000);
    return { service, timers };
  };

  it('answers PENDING, then the same result as compiling on the page, and calls back once', () => {
    const { service } = make();
    const settled = vi.fn();
    expect(service.request('sin(x)*y', false, settled)).toBe(PENDING);
    expect(service.busy).toBe(true);
    FakeWorker.made[0]!.answer();
    expect(settled).toHaveBeenCalledTimes(1);
    expect(service.busy).toBe(false);
    expect(service.request('sin(x)*y', false, settled)).toEqual(compileSource('sin(x)*y'));
  });

  it('a newer edit cancels the compile in flight: its worker is terminated and it never calls back', () => {
    const { service, timers } = make();
    const first = vi.fn();
    const second = vi.fn();
    service.request('x + 1', false, first);
    const old = FakeWorker.made[0]!;
    service.request('x + 2', false, second);
    expect(old.terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    // A late message from the terminated worker is ignored.
    old.answer();
    expect(first).not.toHaveBeenCalled();
    FakeWorker.made[1]!.answer();
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
    expect(timers.count).toBe(0);
  });

  it('the same text asked again while compiling keeps the one compile (no restart)', () => {
    const { service } = make();
    const a = vi.fn();
    const b = vi.fn();
    service.request('x*y', false, a);
    service.request('x*y', false, b);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.sent).toHaveLength(1);
    FakeWorker.made[0]!.answer();
    expect(b).toHaveBeenCalledTimes(1);
    expect(a).not.toHaveBeenCalled();
  });

  it('a hung worker is terminated after the timeout, the text gets a diagnostic, and the next compile gets a new worker', () => {
    const { service, timers } = make();
    const settled = vi.fn();
    service.request('x^2', false, settled);
    const hung = FakeWorker.made[0]!;
    timers.fireAll();
    expect(hung.terminated).toBe(true);
    expect(settled).toHaveBeenCalledTimes(1);
    const result = service.request('x^2', false, settled);
    expect(result).not.toBe(PENDING);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'too-long', span: { start: 0, end: 3 } }] });
    if (result !== PENDING && !result.ok) expect(result.diagnostics[0]!.message).toMatch(/took over 1 s/);
    expect(service.request('x^3', false, vi.fn())).toBe(PENDING);
    expect(FakeWorker.made).toHaveLength(2);
    FakeWorker.made[1]!.answer();
    expect(service.request('x^3', false, vi.fn())).toEqual(compileSource('x^3'));
  });

  it('a crashed worker is replaced and the text gets a diagnostic instead of an endless wait', () => {
    const { service, timers } = make();
    const settled = vi.fn();
    service.request('exp(x)', false, settled);
    const crashed = FakeWorker.made[0]!;
    crashed.emit('error', { message: 'out of memory' });
    expect(crashed.terminated).toBe(true);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(timers.count).toBe(0);
    const result = service.request('exp(x)', false, settled);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'too-long' }] });
    if (result !== PENDING && !result.ok) expect(result.diagnostics[0]!.message).toMatch(/out of memory/);
    service.request('exp(y)', false, vi.fn());
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('an error reply from the worker becomes a diagnostic for that text', () => {
    const { service } = make();
    const settled = vi.fn();
    service.request('cos(x)', false, settled);
    const w = FakeWorker.made[0]!;
    w.emit('message', { data: { id: w.sent[0]!.id, kind: 'error', error: 'boom' } });
    expect(settled).toHaveBeenCalledTimes(1);
    expect(service.request('cos(x)', false, settled)).toMatchObject({ ok: false });
  });
});

describe('the store with a large formula', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.made = [];
  });

  it('keeps the old graph while a huge paste compiles in the worker, then shows what compiling on the page shows', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const store = createAppStore();
    const before = store.getState().derived;
    const big = sumOf(COMPILE_WORKER_CHARS / 4);
    expect(big.length).toBeGreaterThan(COMPILE_WORKER_CHARS);
    store.getState().setSource(big);
    let s = store.getState();
    expect(s.compiling).toBe(true);
    expect(s.source).toBe(big);
    expect(s.derived).toBe(before);
    // Dragging a slider meanwhile neither compiles on the page nor loses the value.
    s.setVariable('y', 3);
    expect(store.getState().derived).toBe(before);
    const worker = FakeWorker.lastPosted!;
    expect(worker.sent).toHaveLength(1);
    worker.answer();
    // The graph is prepared (its blocks found) in a task of its own before it is shown.
    await vi.waitFor(() => expect(store.getState().compiling).toBe(false));
    s = store.getState();
    expect(s.derived.source).toBe(big);
    const direct = compileSource(big);
    expect(direct.ok && s.derived.graph).toEqual(direct.ok && direct.graph);
    expect(s.derived.point['y']).toBe(3);
    expect(s.step).toBe(s.derived.trace!.steps.length);
    // The worker evaluated at the point of the paste (y = 1), not the one now in use: the page
    // evaluated for itself, and its trace is the one at y = 3.
    expect(s.derived.trace).toEqual(buildTrace(s.derived.graph!, s.derived.point, 'reverse'));
    // A small formula afterwards is compiled on the page, at once.
    s.setSource('x*2');
    expect(store.getState().compiling).toBe(false);
    expect(store.getState().derived.source).toBe('x*2');
  });

  it("shows the trace from the worker's evaluation when the point did not change meanwhile", async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const store = createAppStore();
    store.getState().setVariable('x1', -0.5);
    const big = `${sumOf(COMPILE_WORKER_CHARS / 4)} + sqrt(x1)`;
    store.getState().setSource(big);
    FakeWorker.lastPosted!.answer();
    await vi.waitFor(() => expect(store.getState().compiling).toBe(false));
    const d = store.getState().derived;
    const graph = d.graph!;
    expect(d.point['x1']).toBe(-0.5);
    const sent = evaluationAt(graph, d.pointKey);
    expect(sent).toBeDefined();
    expect(d.trace!.evaluation).toBe(sent);
    // … and it is exactly the trace the page would have built (sqrt(-0.5) is NaN all the way).
    expect(d.trace).toEqual(buildTrace(graph, effectivePoint(graph, d.point), 'reverse'));
    expect(Number.isNaN(d.trace!.evaluation.values[graph.output])).toBe(true);
  });

  it('a small formula typed while a large one compiles cancels it, and the late result changes nothing', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const store = createAppStore();
    store.getState().setSource(sumOf(2_000));
    const worker = FakeWorker.lastPosted!;
    store.getState().setSource('x + 1');
    expect(worker.terminated).toBe(true);
    expect(store.getState().compiling).toBe(false);
    const now = store.getState().derived;
    worker.answer();
    expect(store.getState().derived).toBe(now);
    expect(now.source).toBe('x + 1');
  });
});

describe('CompileService preparing a graph before handing it over', () => {
  afterEach(() => {
    FakeWorker.made = [];
  });
  /** Timers where only zero-delay ones (task hops) can be fired, one at a time. */
  function hopTimers() {
    const due = new Map<number, { fn: () => void; ms: number }>();
    let next = 1;
    return {
      setTimeout: (fn: () => void, ms: number) => {
        due.set(next, { fn, ms });
        return next++;
      },
      clearTimeout: (h: unknown) => void due.delete(h as number),
      /** Fires the oldest zero-delay timer; false when there is none. */
      hop: () => {
        for (const [h, t] of due) {
          if (t.ms !== 0) continue;
          due.delete(h);
          t.fn();
          return true;
        }
        return false;
      },
    };
  }

  it('runs each preparation in a task of its own, in order, on the graph it then hands over', () => {
    const timers = hopTimers();
    const seen: string[] = [];
    const graphs: Graph[] = [];
    const service = new CompileService(() => new FakeWorker(), timers, 1000, [
      (g) => {
        seen.push('a');
        graphs.push(g);
      },
      (g) => {
        seen.push('b');
        graphs.push(g);
      },
    ]);
    const settled = vi.fn();
    expect(service.request('a = x*2\na + 1', false, settled)).toBe(PENDING);
    FakeWorker.made[0]!.answer();
    expect(seen).toEqual([]);
    expect(settled).not.toHaveBeenCalled();
    expect(timers.hop()).toBe(true);
    expect(seen).toEqual(['a']);
    expect(settled).not.toHaveBeenCalled();
    expect(service.busy).toBe(true);
    expect(timers.hop()).toBe(true);
    expect(seen).toEqual(['a', 'b']);
    // Handed over in a task of its own, not in the last preparation's.
    expect(settled).not.toHaveBeenCalled();
    expect(timers.hop()).toBe(true);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(timers.hop()).toBe(false);
    const built = service.request('a = x*2\na + 1', false, settled);
    expect(built).toEqual(compileSource('a = x*2\na + 1'));
    expect(built !== PENDING && built.ok && built.graph).toBe(graphs[0]);
    expect(graphs[1]).toBe(graphs[0]);
  });

  it('a newer edit during preparation stops it, and the old text never calls back', () => {
    const timers = hopTimers();
    const prepare = vi.fn();
    const service = new CompileService(() => new FakeWorker(), timers, 1000, [prepare, prepare]);
    const old = vi.fn();
    service.request('x*2', false, old);
    FakeWorker.made[0]!.answer();
    expect(timers.hop()).toBe(true);
    expect(prepare).toHaveBeenCalledTimes(1);
    service.cancel();
    while (timers.hop()) {
      // drain
    }
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(old).not.toHaveBeenCalled();
  });

  it('a preparation that throws does not stop the graph being handed over', () => {
    const timers = hopTimers();
    const service = new CompileService(() => new FakeWorker(), timers, 1000, [
      () => {
        throw new Error('boom');
      },
    ]);
    const settled = vi.fn();
    service.request('x+1', false, settled);
    FakeWorker.made[0]!.answer();
    while (timers.hop()) {
      // drain
    }
    expect(settled).toHaveBeenCalledTimes(1);
    expect(service.request('x+1', false, settled)).toEqual(compileSource('x+1'));
  });

  it('a formula that does not compile is handed over at once (nothing to prepare)', () => {
    const timers = hopTimers();
    const prepare = vi.fn();
    const service = new CompileService(() => new FakeWorker(), timers, 1000, [prepare]);
    const settled = vi.fn();
    service.request('x +', false, settled);
    FakeWorker.made[0]!.answer();
    expect(settled).toHaveBeenCalledTimes(1);
    expect(prepare).not.toHaveBeenCalled();
  });
});

describe('packed edges', () => {
  it('unpack to the very edges that were packed', () => {
    const built = compileSource('a = x*x\nb = a + sin(a)\nb*y - 2');
    if (!built.ok) throw new Error('does not compile');
    const packed = packEdges(built.graph.edges);
    expect(packed).toBeInstanceOf(Int32Array);
    expect(unpackEdges(packed)).toEqual(built.graph.edges);
    expect(unpackEdges(packEdges([]))).toEqual([]);
  });

  it('travel as one moved Int32Array per part', () => {
    const built = compileSource(sumOf(3_000));
    const parts = [...replyMessages(1, built)].filter(
      (o) => o.message.kind === 'part' && o.message.key === 'edges',
    );
    expect(parts.length).toBeGreaterThan(0);
    for (const { message, transfer } of parts) {
      if (message.kind !== 'part') continue;
      expect(message.items).toHaveLength(1);
      expect(message.items[0]).toBeInstanceOf(Int32Array);
      expect(transfer).toEqual([(message.items[0] as Int32Array).buffer]);
    }
  });
});
