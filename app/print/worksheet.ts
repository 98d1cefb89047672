// What a printed page or worksheet holds, as data: the mode the print stylesheet keys on, the step
// the answer key is taken at, and the answer key's rows as plain text.
import { formatNumber, frameAt } from '../../ad-core/index.ts';
import type { Trace } from '../../ad-core/index.ts';
import { traceTableModel } from '../teach/trace-rows.ts';
import type { TraceTableModel } from '../teach/trace-rows.ts';

/** `print`: the page as it is, without controls. `worksheet`: numbers blank, answer key after. */
export type PrintMode = 'print' | 'worksheet';

/** Set on <html> while printing; print.css keys on it. */
export const PRINT_ATTRIBUTE = 'data-print';

/** A CSS custom property on <html> holding the caption printed under the graph (print.css). */
export const PRINT_CAPTION_PROPERTY = '--print-graph-caption';

/** Which step the printed graph shows, in words: the end of the pass, or where a quiz stopped. */
export function printedStepCaption(
  step: number,
  total: number,
  mode: 'reverse' | 'forward',
): string {
  const pass = mode === 'reverse' ? 'forward and reverse passes' : 'forward-mode pass';
  return step >= total
    ? `The graph at the end of the ${pass} (step ${total} of ${total}).`
    : `The graph at step ${step} of ${total}, as far as the quiz has got.`;
}

export interface AnswerKeyRow {
  key: number;
  name: string;
  operation: string;
  value: string;
  partials: string;
  derivative: string;
}

/**
 * The step the answer key is filled in at: the end of the trace, but never past the quiz's limit,
 * so printing during a quiz does not give away what the quiz has not yet revealed.
 */
export function answerKeyStep(total: number, stepLimit: number | null): number {
  return stepLimit === null ? total : Math.min(total, Math.max(0, stepLimit));
}

const shown = (value: number | null): string => (value === null ? '—' : formatNumber(value));

/** The trace table's rows as the text of a filled-in answer key. */
export function answerKeyRows(model: TraceTableModel): AnswerKeyRow[] {
  return model.rows.map((row) => ({
    key: row.nodeId,
    name: row.name,
    operation: row.operation,
    value: shown(row.value),
    partials: row.partials.map((p) => `${p.label} = ${shown(p.value)}`).join('; '),
    derivative: shown(row.derivative),
  }));
}

export interface AnswerKey {
  derivativeHeading: string;
  rows: AnswerKeyRow[];
}

/** The filled-in table for a worksheet of `trace`, at the last step the learner may see. */
export function answerKeyFor(trace: Trace, stepLimit: number | null): AnswerKey {
  const model = traceTableModel(
    trace,
    frameAt(trace, answerKeyStep(trace.steps.length, stepLimit)),
  );
  return { derivativeHeading: model.derivativeHeading, rows: answerKeyRows(model) };
}
