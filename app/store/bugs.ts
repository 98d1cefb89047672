// The bug lab's part of the derived state: the buggy reverse pass beside the correct one, its
// gradient check, and the bug's link text. Pure functions; derive.ts and checks.ts call them.
import { buggyPass, checkBuggyPass, isBugKind } from '../../ad-core/index.ts';
import type { Bug, BuggyPass, CheckRow, FdMethod, Point, Trace } from '../../ad-core/index.ts';

export interface BugView {
  /** The bug as chosen (its site may be absent: the default place). */
  bug: Bug;
  pass: BuggyPass;
  /** The correct reverse trace the buggy one is compared with. */
  correct: Trace;
}

export function sameBug(a: Bug | null | undefined, b: Bug | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.kind === b.kind && a.site === b.site;
}

/**
 * The buggy pass for `bug` beside `correct`, reusing `prev` when neither changed. A bug lives in
 * the reverse pass: in forward mode (or with no bug) there is none.
 */
export function bugViewFor(
  correct: Trace | null,
  bug: Bug | null | undefined,
  prev: BugView | null,
): BugView | null {
  if (!bug || !correct || correct.mode !== 'reverse') return null;
  if (prev && prev.correct === correct && sameBug(prev.bug, bug)) return prev;
  return { bug, pass: buggyPass(correct, bug), correct };
}

const checkCache = new WeakMap<BuggyPass, { key: string; rows: CheckRow[] }>();

/** The gradient check with the buggy pass's AD values, cached like `selectChecks`. */
export function bugChecks(
  view: BugView,
  point: Point,
  method: FdMethod,
  h: number | null,
): CheckRow[] {
  const key = `${method}|${String(h)}`;
  const hit = checkCache.get(view.pass);
  if (hit && hit.key === key) return hit.rows;
  let rows: CheckRow[];
  try {
    rows = checkBuggyPass(view.pass, point, h === null ? { method } : { method, h });
  } catch {
    rows = [];
  }
  checkCache.set(view.pass, { key, rows });
  return rows;
}

/**
 * The node to mark as where the buggy pass departs, once the player has reached that step;
 * null before it, with no bug, or where the bug changes nothing.
 */
export function bugOriginAt(view: BugView | null, step: number): number | null {
  const d = view?.pass.departure;
  return d && step >= d.step ? d.node : null;
}

// ---------------------------------------------------------------------------------------------
// Link: `bug=<kind>` or `bug=<kind>:<site>`

export function formatBugLink(bug: Bug): string {
  return bug.site === undefined ? bug.kind : `${bug.kind}:${bug.site}`;
}

export function parseBugLink(text: string): { ok: true; bug: Bug } | { ok: false; reason: string } {
  const m = /^([a-z-]{1,20})(?::(\d{1,6}))?$/.exec(text);
  if (!m || !isBugKind(m[1]!)) return { ok: false, reason: 'the bug in the link is unknown' };
  const kind = m[1];
  if (m[2] === undefined) return { ok: true, bug: { kind } };
  if (kind === 'twice') return { ok: false, reason: 'that bug has no place to choose' };
  return { ok: true, bug: { kind, site: Number(m[2]) } };
}
