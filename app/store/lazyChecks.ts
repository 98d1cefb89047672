// The gradient check for the side panel, computed a slice at a time. A formula whose check is
// cheap (almost all of them) is checked at once, so the table never lags the graph; a formula
// with thousands of variables is checked in slices of a few milliseconds between frames, so
// typing never waits for finite differences (1,000 variables used to block the page for seconds).
import type { CheckRow, GradientChecker, Graph } from '../../ad-core/index.ts';
import { selectChecks } from './checks.ts';
import { checkerFor } from './core.ts';
import type { Derived } from './derive.ts';

/**
 * Checks estimated to cost at most this many op evaluations run at once. The estimate is the
 * worst case (every variable reaches every op; 9 slice calls per row); 300,000 ops is a few ms.
 */
export const AT_ONCE_OPS = 300_000;

export interface CheckProgress {
  /** Rows computed so far, in the order of the graph's variables. */
  rows: readonly CheckRow[];
  /** Rows there will be (one per variable). */
  total: number;
  done: boolean;
}

interface Session {
  key: string;
  /** Made with the first row (its AD column is a reverse pass: not for `checkProgress`). */
  checker: GradientChecker | null;
  derived: Derived & { graph: Graph };
  /** Rows by variable index; holes are rows not computed yet. */
  rows: (CheckRow | undefined)[];
  computed: number;
  /** Every row before this one is computed. */
  next: number;
  total: number;
}

const sessions = new WeakMap<Graph, Session>();

const DONE_EMPTY: CheckProgress = { rows: [], total: 0, done: true };

/** Worst-case op evaluations of checking `graph` whole. */
export function estimatedCheckOps(graph: Graph): number {
  const ops = graph.nodes.length - graph.variables.length;
  return graph.variables.length * Math.max(1, ops) * 9;
}

function keyOf(d: Derived): string {
  return `${d.pointKey}|${d.method}|${String(d.h)}`;
}

function checkedAtOnce(d: Derived & { graph: Graph }): boolean {
  // The bug lab's check uses the buggy pass's AD values (its own cached path); its formulas are small.
  return d.bugView !== null || estimatedCheckOps(d.graph) <= AT_ONCE_OPS;
}

function sessionOf(d: Derived & { graph: Graph }): Session {
  const key = keyOf(d);
  const known = sessions.get(d.graph);
  if (known && known.key === key) return known;
  const session: Session = {
    key,
    checker: null,
    derived: d,
    rows: [],
    computed: 0,
    next: 0,
    total: d.graph.variables.length,
  };
  sessions.set(d.graph, session);
  return session;
}

function checkerOf(d: Derived & { graph: Graph }): GradientChecker {
  // The correct pass's evaluation is the graph's at d.point (a chosen bug is checked at once,
  // never here); handing it over spares the check a second sweep of a large graph.
  const evaluation = d.bugView === null ? (d.evaluation ?? undefined) : undefined;
  return checkerFor(d.graph, d.point, d.method, d.h, evaluation);
}

function progressOf(s: Session): CheckProgress {
  const rows = s.computed === s.rows.length ? s.rows.slice() : s.rows.filter((r) => r !== undefined);
  return { rows: rows as CheckRow[], total: s.total, done: s.computed >= s.total };
}

/** The next row to compute: a wanted one first (the rows a find box asks for), else in order. */
function nextIndex(s: Session, wanted: readonly number[]): number {
  for (const i of wanted) if (i >= 0 && i < s.total && s.rows[i] === undefined) return i;
  while (s.next < s.total && s.rows[s.next] !== undefined) s.next++;
  return s.next < s.total ? s.next : -1;
}

/** What is known now, without computing anything beyond a cheap check. */
export function checkProgress(d: Derived): CheckProgress {
  if (!d.graph) return DONE_EMPTY;
  if (checkedAtOnce(d as Derived & { graph: Graph })) {
    const rows = selectChecks(d);
    return { rows, total: rows.length, done: true };
  }
  return progressOf(sessionOf(d as Derived & { graph: Graph }));
}

/**
 * Computes more rows, for about `budgetMs` (at least one row), and returns the new progress.
 * Rows of `wanted` variable indices come first. `now` is injectable so tests need no clock.
 */
export function advanceChecks(
  d: Derived,
  budgetMs: number,
  now: () => number = () => performance.now(),
  wanted: readonly number[] = [],
): CheckProgress {
  if (!d.graph || checkedAtOnce(d as Derived & { graph: Graph })) return checkProgress(d);
  const s = sessionOf(d as Derived & { graph: Graph });
  const stop = now() + budgetMs;
  do {
    const i = nextIndex(s, wanted);
    if (i < 0) break;
    s.checker ??= checkerOf(s.derived);
    s.rows[i] = s.checker.row(i);
    s.computed++;
  } while (now() < stop);
  return progressOf(s);
}
