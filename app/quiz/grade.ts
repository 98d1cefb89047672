// Reading and marking a learner's typed answer. Learners round, write the Unicode minus they see
// on screen, use a decimal comma, or spell out NaN and infinity; all of those are accepted, and
// anything that is not a number is reported as such rather than marked wrong.

export type Parsed = { ok: true; value: number } | { ok: false; reason: string };

/** Relative error accepted as "sensible rounding". */
export const RELATIVE_TOLERANCE = 5e-3;
/** Agreement to this many significant digits is also accepted. */
export const SIGNIFICANT_DIGITS = 3;
/** Below this magnitude an expected value counts as zero (e.g. sin(π) = 1.2e−16). */
export const ZERO_BELOW = 1e-12;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/;

function parsePlain(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const v = Number(text);
  return Number.isNaN(v) ? null : v;
}

/** The number a learner typed, or why it is not one. */
export function parseAnswer(raw: string): Parsed {
  let t = raw
    .trim()
    .toLowerCase()
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-')
    .replace(/\s+/g, '')
    .replace(/[×x·*]10\^/g, 'e');
  if (t === '') return { ok: false, reason: 'Type a number first.' };
  if (/^[+-]?nan$|^notanumber$/.test(t)) return { ok: true, value: Number.NaN };
  const inf = /^([+-]?)(?:∞|inf|infinity)$/.exec(t);
  if (inf) return { ok: true, value: inf[1] === '-' ? -Infinity : Infinity };
  // A lone decimal comma (0,5) is a decimal point; commas as thousands separators are not used.
  if (/^[+-]?\d*,\d+(?:e[+-]?\d+)?$/.test(t)) t = t.replace(',', '.');
  const plain = parsePlain(t);
  if (plain !== null) return { ok: true, value: plain };
  // A simple fraction such as 1/2 or -3/4: learners often compute by hand.
  const slash = t.indexOf('/');
  if (slash > 0) {
    const p = parsePlain(t.slice(0, slash));
    const q = parsePlain(t.slice(slash + 1));
    if (p !== null && q !== null && q !== 0) return { ok: true, value: p / q };
  }
  return { ok: false, reason: `"${raw.trim().slice(0, 24)}" is not a number. Write e.g. 0.5, −1.25, 1e−3, NaN or ∞.` };
}

function sameToDigits(a: number, b: number, digits: number): boolean {
  return Number(a.toPrecision(digits)) === Number(b.toPrecision(digits));
}

/** Whether `answer` is `expected` up to sensible rounding (NaN and ±∞ must match exactly). */
export function isClose(answer: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(answer);
  if (!Number.isFinite(expected) || !Number.isFinite(answer)) return answer === expected;
  if (answer === expected) return true;
  if (Math.abs(expected) < ZERO_BELOW) return Math.abs(answer) < ZERO_BELOW;
  if (Math.abs(answer - expected) <= RELATIVE_TOLERANCE * Math.abs(expected)) return true;
  return sameToDigits(answer, expected, SIGNIFICANT_DIGITS);
}

export type Grade =
  | { kind: 'right'; value: number }
  | { kind: 'wrong'; value: number }
  | { kind: 'unreadable'; reason: string };

export function grade(raw: string, expected: number): Grade {
  const parsed = parseAnswer(raw);
  if (!parsed.ok) return { kind: 'unreadable', reason: parsed.reason };
  return { kind: isClose(parsed.value, expected) ? 'right' : 'wrong', value: parsed.value };
}
