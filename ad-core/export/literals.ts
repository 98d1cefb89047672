// Numbers, names and comments as each target language writes them. Variable names come from the
// learner: one that is not a plain identifier of the target (or is a keyword, or clashes with a
// name the generated program uses) is renamed `in_<k>`, and the print-out still shows the
// original name, written as a string literal.

export type Language = 'python' | 'ts';

/** A float literal: Python needs `2.0`-style floats, `float("nan")`; TypeScript `NaN`, `-0`. */
export function numberLiteral(x: number, language: Language): string {
  if (Number.isNaN(x)) return language === 'python' ? 'float("nan")' : 'NaN';
  if (x === Infinity) return language === 'python' ? 'float("inf")' : 'Infinity';
  if (x === -Infinity) return language === 'python' ? '-float("inf")' : '-Infinity';
  if (Object.is(x, -0)) return language === 'python' ? '-0.0' : '-0';
  const s = String(x);
  if (language === 'python' && /^-?\d+$/.test(s)) return `${s}.0`;
  return s;
}

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
    'with yield match case print float int abs max min pow sum len range type object'
  ).split(' '),
);
const TS_KEYWORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if import in instanceof new null return super switch this throw ' +
    'true try typeof var void while with as implements interface let package private protected ' +
    'public static yield any boolean number string symbol type from of await async arguments eval ' +
    'undefined NaN Infinity Math console Object Array String Number globalThis constructor'
  ).split(' '),
);
/** Names the generated programs define or import themselves. */
const GENERATED =
  /^(v\d+|f|math|torch|jax|jnp|Value|value|grads|point|tensor|main|in_\d+|\w*_bar|_.*|a?sinh?|a?cosh?|a?tanh?|atan2|exp|log(2|10)?|sqrt|abs_|sigmoid|softplus|maximum|minimum|hypot|power|powValue|powSlopeBase|powSlopeExponent)$/;

/** An identifier for variable `name` (the k-th input), unique among `taken`. */
export function identifierFor(
  name: string,
  k: number,
  language: Language,
  taken: Set<string>,
): string {
  const plain = /^[A-Za-z][A-Za-z0-9_]*$/.test(name);
  const keywords = language === 'python' ? PYTHON_KEYWORDS : TS_KEYWORDS;
  let id = plain && !keywords.has(name) && !GENERATED.test(name) ? name : `in_${k}`;
  while (taken.has(id)) id = `${id}_`;
  taken.add(id);
  return id;
}

/** A string literal valid in both Python and TypeScript (JSON's escapes are a subset of both). */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(
    /[\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
}

/** Line comments carrying `text` (the learner's formula): no line break or control can end them early. */
export function commentLines(text: string, marker: '#' | '//'): string[] {
  return text
    .split(/\r\n|[\n\r\u2028\u2029\u0085]/)
    .map((line) => `${marker} ${line.replace(/[\p{Cc}\p{Cf}]/gu, '')}`.trimEnd());
}
