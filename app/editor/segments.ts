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

export function segmentText(text: string, marks: readonly Mark[]): Segment[] {
  const len = text.length;
  const spans = marks.map((m) => ({ kind: m.kind, span: widen(m.span, len) }));
  const cuts = new Set<number>([0, len]);
  for (const m of spans) {
    cuts.add(m.span.start);
    cuts.add(m.span.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (b <= a) continue;
    const kinds = spans.filter((m) => m.span.start <= a && m.span.end >= b).map((m) => m.kind);
    const prev = out[out.length - 1];
    if (prev && sameKinds(prev.marks, kinds)) {
      prev.text += text.slice(a, b);
    } else {
      out.push({ text: text.slice(a, b), start: a, marks: [...new Set(kinds)] });
    }
  }
  const atEnd = spans.filter((m) => m.span.start === len && m.span.end === len).map((m) => m.kind);
  if (atEnd.length > 0) out.push({ text: ' ', start: len, marks: [...new Set(atEnd)], pastEnd: true });
  return out;
}

function sameKinds(a: readonly MarkKind[], b: readonly MarkKind[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((k) => sb.has(k));
}
