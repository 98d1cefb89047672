// The postMessage API for a page that embeds the playground in an <iframe>:
//   host → app  { type: 'autodiff:set', formula?: string, point?: { [name]: number }, step?: number }
//   app → host  { type: 'autodiff:step', step: number, total: number }
//               { type: 'autodiff:quiz-answer', correct: boolean, score: { correct, answered } }
// A message is data from another site: its shape is checked field by field, unknown fields are
// refused, and its text only ever becomes the formula (as if typed), never markup or code.
import { MAX_FORMULA_LENGTH } from '../url/hash.ts';

export const MESSAGE_PREFIX = 'autodiff:';
const NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const MAX_VARIABLES = 1000;

export interface SetMessage {
  type: 'autodiff:set';
  formula?: string;
  /** A null-prototype map, so a variable named __proto__ is just a name. */
  point?: Record<string, number>;
  step?: number;
}

export type ParseResult = { ok: true; message: SetMessage } | { ok: false; reason: string };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Check a host's message; anything unexpected is refused with a reason (never half-applied). */
export function parseHostMessage(data: unknown): ParseResult {
  if (!isPlainObject(data)) return { ok: false, reason: 'not an object' };
  if (data.type !== 'autodiff:set') return { ok: false, reason: 'unknown type' };
  const message: SetMessage = { type: 'autodiff:set' };
  for (const key of Object.keys(data)) {
    if (key !== 'type' && key !== 'formula' && key !== 'point' && key !== 'step')
      return { ok: false, reason: `unknown field ${key.slice(0, 20)}` };
  }
  if (data.formula !== undefined) {
    if (typeof data.formula !== 'string') return { ok: false, reason: 'formula is not text' };
    if (data.formula.length > MAX_FORMULA_LENGTH) return { ok: false, reason: 'formula too long' };
    if (CONTROL.test(data.formula)) return { ok: false, reason: 'formula has control characters' };
    message.formula = data.formula;
  }
  if (data.point !== undefined) {
    if (!isPlainObject(data.point)) return { ok: false, reason: 'point is not an object' };
    const entries = Object.entries(data.point);
    if (entries.length > MAX_VARIABLES) return { ok: false, reason: 'too many variables' };
    const point = Object.create(null) as Record<string, number>;
    for (const [name, value] of entries) {
      if (!NAME.test(name)) return { ok: false, reason: 'a variable name is not valid' };
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { ok: false, reason: `the value of ${name.slice(0, 20)} is not a finite number` };
      point[name] = value;
    }
    message.point = point;
  }
  if (data.step !== undefined) {
    if (typeof data.step !== 'number' || !Number.isInteger(data.step) || data.step < 0)
      return { ok: false, reason: 'step is not a whole number' };
    message.step = data.step;
  }
  return { ok: true, message };
}

/**
 * The origin a host's messages must come from: the embedding page's, as the browser reports it in
 * the referrer. Null when unknown (no referrer): then only same-origin hosts are heard.
 */
export function hostOrigin(referrer: string, ownOrigin: string): string {
  try {
    return referrer ? new URL(referrer).origin : ownOrigin;
  } catch {
    return ownOrigin;
  }
}

export function stepEvent(step: number, total: number) {
  return { type: 'autodiff:step', step, total } as const;
}

export function quizAnswerEvent(correct: boolean, score: { correct: number; answered: number }) {
  return { type: 'autodiff:quiz-answer', correct, score: { ...score } } as const;
}
