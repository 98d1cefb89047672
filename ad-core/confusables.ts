// Names that look alike but are different: `x*х` (Latin x, Cyrillic х) is two variables both
// drawn as "x". These are warnings, not errors (the formula still evaluates): a name that mixes
// scripts with a letter that imitates another script's, and a name whose visual skeleton equals
// another name's. The skeleton is a small version of Unicode's (UTS #39): NFKD, then letters that
// are drawn like a Latin letter mapped to it.
import { lex } from './lexer.ts';
import type { Span } from './types.ts';

export type NameWarningCode =
  | 'mixed-script-name'
  | 'look-alike-names'
  /** A function's parameter its body never reads (functions-warnings.ts). */
  | 'unused-parameter';

/** Shaped like a Diagnostic (code, message, span, hint) but never blocks evaluation. */
export interface NameWarning {
  code: NameWarningCode;
  message: string;
  span: Span;
  hint?: string;
}

// Letters drawn (in common fonts) like a Latin letter. Keys are single code points.
// prettier-ignore
const LOOKS_LATIN = new Map<string, string>(
  Object.entries({
    // Cyrillic
    а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd',
    һ: 'h', ԛ: 'q', ԝ: 'w', ӏ: 'l', к: 'k',
    А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y',
    Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I',
    // Greek
    ο: 'o', ν: 'v', ρ: 'p',
    Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P',
    Τ: 'T', Υ: 'Y', Χ: 'X',
    // Armenian
    օ: 'o', ս: 'u', հ: 'h', ո: 'n', զ: 'q',
    // Latin letters that imitate other Latin letters
    ɡ: 'g', ɑ: 'a', ı: 'i', ȷ: 'j', ꞵ: 'B',
  }),
);

const SCRIPTS: readonly [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
];

function scriptOf(ch: string): string | null {
  if (!/\p{L}/u.test(ch)) return null;
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return 'Other';
}

/** The letters' scripts, in order of first appearance (Japanese kana and Han count as one). */
function scriptsOf(name: string): string[] {
  const seen: string[] = [];
  for (const ch of name) {
    let s = scriptOf(ch);
    if (s === 'Hiragana' || s === 'Katakana') s = 'Han';
    if (s !== null && !seen.includes(s)) seen.push(s);
  }
  return seen;
}

/** What `name` looks like: compatibility forms folded (NFKD), look-alike letters made Latin. */
export function skeleton(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFKD')) out += LOOKS_LATIN.get(ch) ?? ch;
  return out;
}

/** `х` (U+0445, Cyrillic): enough to tell two look-alikes apart in a message. */
function describe(name: string): string {
  const odd = [...name].filter((ch) => ch.charCodeAt(0) > 127);
  if (odd.length === 0) return `"${name}"`;
  const codes = odd
    .slice(0, 3)
    .map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
  const scripts = scriptsOf(name).join('+') || 'marks';
  return `"${name}" (${codes}${odd.length > 3 ? ' …' : ''}, ${scripts})`;
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Warnings for look-alike names in `source`, at the first occurrence of each name; at most
 * `limit` of them. ASCII-only sources have none (and cost one regex test).
 */
export function nameWarnings(source: string, limit = 5): NameWarning[] {
  if (!NON_ASCII.test(source)) return [];
  const first = new Map<string, Span>();
  for (const t of lex(source)) {
    if (t.kind !== 'name') continue;
    const name = source.slice(t.start, t.end);
    if (!first.has(name)) first.set(name, { start: t.start, end: t.end });
  }
  const out: NameWarning[] = [];
  const bySkeleton = new Map<string, string>();
  for (const [name, span] of first) {
    if (out.length >= limit) break;
    const key = skeleton(name);
    const twin = bySkeleton.get(key);
    if (twin !== undefined && (NON_ASCII.test(name) || NON_ASCII.test(twin))) {
      out.push({
        code: 'look-alike-names',
        message: `${describe(name)} looks like ${describe(twin)}, but they are two different names.`,
        span,
        hint: 'Type both the same way if they are one variable.',
      });
      continue;
    }
    if (twin === undefined) bySkeleton.set(key, name);
    const scripts = scriptsOf(name);
    if (scripts.length > 1 && [...name].some((ch) => LOOKS_LATIN.has(ch))) {
      out.push({
        code: 'mixed-script-name',
        message: `${describe(name)} mixes letters of different alphabets that look alike.`,
        span,
        hint: 'Retype it in one alphabet.',
      });
    }
  }
  return out;
}
