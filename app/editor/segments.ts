// Splits the formula into runs of text for the editor's backdrop layer, each run knowing which
// marks (the diagnostic's underline, a hovered node's highlight) cover it. The backdrop mirrors
// the textarea character for character, so runs must concatenate back to the text exactly;
// the only addition is a one-space run after the end, for a diagnostic that points past it.
import type { Span } from '../../ad-core/index.ts';

export type MarkKind = 'error' | 'highlight';

export interface Mark {
  span: Span;
  kind: MarkKind;
}

export interface Segment {
  text: string;
  start: number;
  marks: MarkKind[];
  /** The run after the end of the text, holding a zero-width diagnostic. */
  pastEnd?: boolean;
}

function widen(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  // An empty span still has to be visible: give it the character it sits before.
  if (end === start && start < length) return { start, end: start + 1 };
  return { start, end };
}

/**
 * The runs of `text` under `marks`, in one sweep over the mark boundaries (a node used 10,000
 * times has 10,000 spans: comparing every run with every mark would take seconds).
 */
export function segmentText(text: string, marks: readonly Mark[]): Segment[] {
  const len = text.length;
  const order: MarkKind[] = [];
  // Per boundary: how many marks of each kind start (+1) or end (-1) there.
  const delta = new Map<number, Map<MarkKind, number>>();
  const bump = (at: number, kind: MarkKind, by: number) => {
    let d = delta.get(at);
    if (!d) delta.set(at, (d = new Map()));
    d.set(kind, (d.get(kind) ?? 0) + by);
  };
  const atEnd: MarkKind[] = [];
  for (const m of marks) {
    const span = widen(m.span, len);
    if (!order.includes(m.kind)) order.push(m.kind);
    if (span.start === len && span.end === len) {
      if (!atEnd.includes(m.kind)) atEnd.push(m.kind);
      continue;
    }
    bump(span.start, m.kind, 1);
    bump(span.end, m.kind, -1);
  }
  const cuts = [...new Set([0, len, ...delta.keys()])].sort((a, b) => a - b);
  const active = new Map<MarkKind, number>();
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    for (const [kind, by] of delta.get(a) ?? []) active.set(kind, (active.get(kind) ?? 0) + by);
    if (b <= a) continue;
    const kinds = order.filter((k) => (active.get(k) ?? 0) > 0);
    const prev = out[out.length - 1];
    if (prev && sameKinds(prev.marks, kinds)) {
      prev.text += text.slice(a, b);
    } else {
      out.push({ text: text.slice(a, b), start: a, marks: kinds });
    }
  }
  if (atEnd.length > 0) out.push({ text: ' ', start: len, marks: atEnd, pastEnd: true });
  return out;
}

function sameKinds(a: readonly MarkKind[], b: readonly MarkKind[]): boolean {
  return a.length === b.length && a.every((k) => b.includes(k));
}

/**
 * Past this many characters the backdrop mirrors nothing: laying the text out a second time
 * (and re-rendering it on every hover) is what froze the page on a pasted megabyte. The
 * diagnostic still names its line and column below the editor.
 */
export const MIRROR_MAX_CHARS = 50_000;

/** The runs the editor's backdrop draws: all of them, or none past MIRROR_MAX_CHARS. */
export function mirrorSegments(text: string, marks: readonly Mark[]): Segment[] {
  return text.length > MIRROR_MAX_CHARS ? [] : segmentText(text, marks);
}

/**
 * The textarea's `wrap`: the browser's wrapping while the backdrop mirrors the text, none past
 * that (wrapping a pasted megabyte was most of the task that showed it: about 0.5 s of Chromium's
 * own layout, against about 0.1 s unwrapped; nothing has to line up with an empty mirror).
 */
export function editorWrap(text: string): 'off' | undefined {
  return text.length > MIRROR_MAX_CHARS ? 'off' : undefined;
}
