// Which variables the bug lab's gradient check flags, computed like the gradient check panel's
// rows: at once when that is cheap, else a slice at a time between frames, so planting a bug in
// a formula of thousands of variables never blocks the page (the whole check at once was
// n variables × their cones of finite differences, quadratic on a chain).
import { gradientChecker, type GradientChecker } from '../../ad-core/index.ts';
import type { BuggyPass, FdMethod, Point } from '../../ad-core/index.ts';
import { bugChecks, type BugView } from '../store/bugs.ts';
import { AT_ONCE_OPS, estimatedCheckOps } from '../store/lazyChecks.ts';

export interface MismatchProgress {
  /** Variables whose row is a mismatch, in the order of the graph's variables, so far. */
  mismatches: readonly string[];
  /** Rows checked so far, of `total`. */
  checked: number;
  total: number;
  done: boolean;
}

export interface CheckSettings {
  point: Point;
  method: FdMethod;
  h: number | null;
}

interface Session {
  key: string;
  checker: GradientChecker;
  mismatches: string[];
  next: number;
  total: number;
}

const sessions = new WeakMap<BuggyPass, Session>();

const keyOf = (s: CheckSettings) => `${s.method}|${String(s.h)}`;

/** True when the whole check costs little enough to run at once (the panel's own rule). */
export function checkedAtOnce(view: BugView): boolean {
  return estimatedCheckOps(view.pass.trace.graph) <= AT_ONCE_OPS;
}

function sessionOf(view: BugView, settings: CheckSettings): Session {
  const key = keyOf(settings);
  const known = sessions.get(view.pass);
  if (known && known.key === key) return known;
  const { graph } = view.pass.trace;
  // The buggy pass's adjoints are the AD side: the check must show what the bug got wrong.
  const ad = graph.inputs.map((node) => view.pass.adjoints[node] ?? NaN);
  const options =
    settings.h === null ? { method: settings.method } : { method: settings.method, h: settings.h };
  const session: Session = {
    key,
    checker: gradientChecker(graph, settings.point, options, ad),
    mismatches: [],
    next: 0,
    total: graph.variables.length,
  };
  sessions.set(view.pass, session);
  return session;
}

const progressOf = (s: Session): MismatchProgress => ({
  mismatches: s.mismatches.slice(),
  checked: s.next,
  total: s.total,
  done: s.next >= s.total,
});

/** What is known now: everything for a cheap check, else the rows computed so far. */
export function mismatchProgress(view: BugView, settings: CheckSettings): MismatchProgress {
  if (checkedAtOnce(view)) {
    const rows = bugChecks(view, settings.point, settings.method, settings.h);
    const mismatches = rows.filter((r) => r.status === 'mismatch').map((r) => r.variable);
    return { mismatches, checked: rows.length, total: rows.length, done: true };
  }
  return progressOf(sessionOf(view, settings));
}

/**
 * Checks more rows for about `budgetMs` (at least one row) and returns the new progress. `now`
 * is injectable so tests need no clock.
 */
export function advanceMismatches(
  view: BugView,
  settings: CheckSettings,
  budgetMs: number,
  now: () => number = () => performance.now(),
): MismatchProgress {
  if (checkedAtOnce(view)) return mismatchProgress(view, settings);
  const s = sessionOf(view, settings);
  const stop = now() + budgetMs;
  while (s.next < s.total) {
    const row = s.checker.row(s.next);
    if (row.status === 'mismatch') s.mismatches.push(row.variable);
    s.next++;
    if (now() >= stop) break;
  }
  return progressOf(s);
}

/** At most this many names in the sentence; the rest are counted. */
export const NAMES_SHOWN = 12;

/** The bug lab's sentence about the check, for a finished or a running check. */
export function mismatchSentence(p: MismatchProgress): string {
  const shown = p.mismatches.slice(0, NAMES_SHOWN).join(', ');
  const more = p.mismatches.length - NAMES_SHOWN;
  const names = more > 0 ? `${shown} and ${more.toLocaleString('en')} more` : shown;
  if (!p.done) {
    const so = `checking ${p.checked.toLocaleString('en')} of ${p.total.toLocaleString('en')} variables`;
    return p.mismatches.length > 0
      ? `Gradient check (${so}): mismatch for ${names} so far.`
      : `Gradient check: ${so}…`;
  }
  return p.mismatches.length > 0
    ? `Gradient check: mismatch for ${names}.`
    : 'Gradient check: no partial mismatches — this bug goes unseen here.';
}
