import { describe, expect, it } from 'vitest';
import {
  BUG_KINDS,
  BUGS,
  WRONG_RULES,
  bugNode,
  bugSites,
  buggyPass,
  candidateSites,
  checkBuggyPass,
  wrongRuleFor,
  type BugKind,
} from './bugs.ts';
import { evaluate } from './evaluate.ts';
import { OPS } from './ops.ts';
import { reverse } from './reverse.ts';
import { graphOf, referenceCases } from './test-support.ts';
import { buildTrace, frameAt } from './trace.ts';
import type { Graph, Point } from './types.ts';

function correctTrace(source: string, point: Point) {
  return buildTrace(graphOf(source), point, 'reverse');
}

function gradientOf(graph: Graph, adjoints: Float64Array): number[] {
  return graph.inputs.map((n) => adjoints[n]!);
}

function nodeWithOp(graph: Graph, op: string): number {
  const node = graph.nodes.find((n) => n.op === op);
  if (!node) throw new Error(`no ${op} node`);
  return node.id;
}

/** The edge from `from` into `to`. */
function edgeBetween(graph: Graph, from: number, to: number): number {
  const edge = graph.edges.find((e) => e.from === from && e.to === to);
  if (!edge) throw new Error('no such edge');
  return edge.id;
}

const SAMPLES: [number, number][] = [
  [0.3, 0.7],
  [0.8, -0.45],
  [1.9, 2.6],
  [-0.6, 1.3],
];

describe('wrong local rules', () => {
  it('every operation of the table has one, with one text per argument', () => {
    for (const op of OPS) {
      const rule = wrongRuleFor(op.id);
      expect(rule, op.id).not.toBeNull();
      expect(rule!.text, op.id).toHaveLength(op.arity);
      expect(Object.hasOwn(WRONG_RULES, op.id), `${op.id} has a rule of its own`).toBe(true);
    }
  });

  it('each differs from the right rule (a slip may leave one argument of a binary op right)', () => {
    for (const op of OPS) {
      const rule = wrongRuleFor(op.id)!;
      const differing = [0, 1].slice(0, op.arity).filter((i) =>
        SAMPLES.some(([a, b]) => {
          const arg = i as 0 | 1;
          const out = op.value(a, b);
          const right = op.partial(arg, a, b, out);
          const wrong = rule.partial(arg, a, b, out);
          return Number.isFinite(right) && Number.isFinite(wrong) && Math.abs(right - wrong) > 1e-6;
        }),
      );
      expect(differing.length, op.id).toBeGreaterThan(0);
    }
  });

  it('an op without a row of its own gets the right rule with its sign flipped', () => {
    expect(wrongRuleFor('no-such-op')).toBeNull();
    expect(wrongRuleFor('__proto__')).toBeNull();
  });
});

describe('bug descriptions', () => {
  it('one per kind, each with a title and an explanation', () => {
    expect(BUGS.map((b) => b.kind)).toEqual(['assign', 'drop', 'wrong-rule', 'no-chain', 'twice']);
    for (const b of BUGS) expect(b.title.length * b.summary.length).toBeGreaterThan(0);
  });
});

describe('buggy passes worked by hand', () => {
  it('assign: on (a+b)*(b+1) the path through a+b overwrites the one through b+1', () => {
    const trace = correctTrace('(a+b)*(b+1)', { a: 2, b: 1 });
    const pass = buggyPass(trace, { kind: 'assign' });
    // v̄_b should be 3 + 2 = 5; the later contribution (2, via a+b) replaces the 3.
    expect(gradientOf(trace.graph, pass.adjoints)).toEqual([2, 2]);
    const sum = nodeWithOp(trace.graph, 'add');
    expect(pass.departure?.node).toBe(sum);
    expect(pass.departure?.receiver).toBe(trace.graph.inputs[1]);
  });

  it('no-chain: on (a+b)*(b+1) each contribution is the local partial alone', () => {
    const trace = correctTrace('(a+b)*(b+1)', { a: 2, b: 1 });
    const pass = buggyPass(trace, { kind: 'no-chain' });
    expect(gradientOf(trace.graph, pass.adjoints)).toEqual([1, 2]);
  });

  it('drop: forgetting b → b+1 leaves b only the path through a+b', () => {
    const trace = correctTrace('(a+b)*(b+1)', { a: 2, b: 1 });
    const g = trace.graph;
    const b = g.inputs[1]!;
    const plusOne = g.nodes.find(
      (n) => n.op === 'add' && n.args.includes(b) && !n.args.includes(g.inputs[0]!),
    )!.id;
    const edge = edgeBetween(g, b, plusOne);
    const pass = buggyPass(trace, { kind: 'drop', site: edge });
    expect(gradientOf(g, pass.adjoints)).toEqual([2, 2]);
    expect(pass.departure?.node).toBe(plusOne);
    expect(bugNode(g, pass.bug)).toBe(plusOne);
  });

  it('twice: (x+y)*z at (−2, 5, −4) gives (−12, −12, 6), micrograd without zero_grad', () => {
    const trace = correctTrace('(x+y)*z', { x: -2, y: 5, z: -4 });
    const pass = buggyPass(trace, { kind: 'twice' });
    expect(gradientOf(trace.graph, pass.adjoints)).toEqual([-12, -12, 6]);
    const seeds = pass.trace.steps.filter((s) => s.kind === 'seed-adjoint');
    expect(seeds).toHaveLength(2);
    // The second pass starts right after the first: its first propagate is where it departs.
    expect(pass.departure?.step).toBe(trace.steps.length + 2);
    expect(pass.departure?.node).toBe(trace.graph.output);
  });

  it('wrong-rule: sin′ = −cos on the Baydin example gives ∂f/∂x2 = x1 + cos(x2)', () => {
    const trace = correctTrace('ln(x1) + x1*x2 - sin(x2)', { x1: 2, x2: 5 });
    const site = nodeWithOp(trace.graph, 'sin');
    const pass = buggyPass(trace, { kind: 'wrong-rule', site });
    const [d1, d2] = gradientOf(trace.graph, pass.adjoints);
    expect(d1).toBe(5.5);
    expect(d2).toBeCloseTo(2 + Math.cos(5), 14);
    expect(pass.departure?.node).toBe(site);
    // The trace carries the wrong partial, so every view of it shows the rule that was used.
    const edge = trace.graph.inEdges[site]![0]!;
    expect(pass.trace.evaluation.partials[edge]).toBeCloseTo(-Math.cos(5), 14);
    expect(trace.evaluation.partials[edge]).toBeCloseTo(Math.cos(5), 14);
    const rows = checkBuggyPass(pass, { x1: 2, x2: 5 });
    expect(rows.map((r) => r.status)).toEqual(['pass', 'mismatch']);
  });

  it('assign changes nothing where no value is used twice, and the check passes', () => {
    const trace = correctTrace('(x+y)*z', { x: -2, y: 5, z: -4 });
    const pass = buggyPass(trace, { kind: 'assign' });
    expect(pass.departure).toBeNull();
    expect(checkBuggyPass(pass, { x: -2, y: 5, z: -4 }).every((r) => r.status === 'pass')).toBe(
      true,
    );
    expect(bugSites(trace, 'assign')).toEqual([]);
  });

  it('a site that is no place for the bug (a stale link) changes nothing', () => {
    const trace = correctTrace('sin(x*y) + exp(x)/y', { x: 1, y: 2 });
    for (const kind of BUG_KINDS.filter((k) => k !== 'twice')) {
      const pass = buggyPass(trace, { kind, site: 999 });
      expect(pass.departure, kind).toBeNull();
      expect(Array.from(pass.adjoints), kind).toEqual(
        Array.from(reverse(trace.graph, trace.evaluation).adjoints),
      );
    }
  });
});

describe.each(referenceCases.cases.map((c) => [c.name, c] as const))(
  'reference case %s',
  (_name, c) => {
    const trace = buildTrace(graphOf(c.formula), c.at, 'reverse');
    const g = trace.graph;

    it.each(BUG_KINDS.map((k) => [k] as [BugKind]))(
      '%s: the check flags exactly the partials the bug changed',
      (kind) => {
        const pass = buggyPass(trace, { kind });
        const rows = checkBuggyPass(pass, c.at);
        g.variables.forEach((name, i) => {
          const ad = pass.adjoints[g.inputs[i]!]!;
          const truth = c.gradient[name]!;
          const wrong = !(Math.abs(ad - truth) <= 1e-6 * Math.max(1, Math.abs(truth)));
          expect(rows[i]!.status === 'mismatch' || rows[i]!.status === 'nonfinite', `${name}`).toBe(
            wrong,
          );
        });
        if (rows.some((r) => r.status === 'mismatch')) expect(pass.departure).not.toBeNull();
      },
    );

    it.each(BUG_KINDS.map((k) => [k] as [BugKind]))(
      '%s: the departure is the first frame that differs',
      (kind) => {
        const pass = buggyPass(trace, { kind });
        const d = pass.departure;
        const lastBuggy = frameAt(pass.trace, pass.trace.steps.length);
        // The buggy trace replays to the buggy adjoints.
        for (const n of g.inputs) expect(lastBuggy.adjoints[n] ?? 0).toBe(pass.adjoints[n]);
        if (!d) {
          expect(gradientOf(g, pass.adjoints)).toEqual(
            gradientOf(g, reverse(g, trace.evaluation).adjoints),
          );
          return;
        }
        const at = (t: typeof trace, k: number) => frameAt(t, Math.min(k, t.steps.length)).adjoints;
        expect(at(pass.trace, d.step - 1)).toEqual(at(trace, d.step - 1));
        const before = at(trace, d.step)[d.receiver];
        const after = at(pass.trace, d.step)[d.receiver];
        expect(Object.is(before, after)).toBe(false);
        const step = pass.trace.steps[d.step - 1]!;
        expect(step.kind === 'propagate' && step.node === d.node).toBe(true);
      },
    );

    it('every site bugSites lists departs, and every other candidate does not', () => {
      for (const kind of BUG_KINDS) {
        const sites = new Set(bugSites(trace, kind));
        for (const site of candidateSites(g, kind)) {
          const departs = buggyPass(trace, { kind, site }).departure !== null;
          expect(departs, `${kind} at ${site}`).toBe(sites.has(site));
        }
      }
    });
  },
);

describe('evaluate is untouched by a bug', () => {
  it('the buggy trace has the same values as the correct one', () => {
    const trace = correctTrace('tanh(x)*sqrt(y)/(1+x*x)', { x: 0.8, y: 2.5 });
    const values = evaluate(trace.graph, { x: 0.8, y: 2.5 }).values;
    for (const kind of BUG_KINDS) {
      const pass = buggyPass(trace, { kind });
      expect(Array.from(pass.trace.evaluation.values)).toEqual(Array.from(values));
    }
  });
});
