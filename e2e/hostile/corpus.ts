// The hostile corpus: inputs a hostile tester would type, paste or put in a link, each with what
// must happen. Unit tests run every formula case through the engine and the CLI
// (ad-core/cli/hostile-corpus.test.ts) and every link case through the app's link reader
// (app/url/hostile-links.test.ts); the walkthrough e2e/hostile.spec.ts runs them in the built app.
// Big inputs are generated here on demand, never committed: `source()` builds the text.
// Pure data and string building only, so the engine's tests, the app's tests and Playwright can
// all import it.

export type Family = 'size' | 'nesting' | 'unicode' | 'js-names' | 'numeric' | 'bindings' | 'links';

/** A number the JSON renderer writes as a string, or a plain number (compared with Object.is). */
export type Expected = number | 'NaN' | 'Infinity' | '-Infinity';

export type Expectation =
  /** It compiles and evaluates; `value` (if given) is the output at `at`. */
  | { kind: 'value'; value?: Expected; gradient?: Record<string, Expected>; warning?: string }
  /** It does not compile: a diagnostic (of `code`, if given) whose span lies inside the input. */
  | { kind: 'diagnostic'; code?: string }
  /** A link that is refused: the default example and a notice (matching `notice`, if given). */
  | { kind: 'notice'; notice?: string }
  /** A link that opens: the formula it holds, with its value where given. */
  | { kind: 'opens'; formula?: string; value?: Expected; notice?: string };

export interface HostileCase {
  id: string;
  family: Family;
  what: string;
  /** Formula cases: the text (built on demand for the big ones). */
  source?: () => string;
  /** The point (every variable of the formula). */
  at?: Record<string, number>;
  /** Link cases: the hash, with `#`. */
  hash?: () => string;
  expect: Expectation;
  /**
   * In the walkthrough: 'run', or 'slow' for inputs that still block the page for seconds (the
   * freezes of issue #12's table); the walkthrough runs a 'slow' case only once it is marked 'run'.
   */
  app: 'run' | 'slow';
  /**
   * A CLI run that takes seconds (a 500,000-node trace, a check of 10,000 variables): the unit
   * test gives it a longer time limit than the default.
   */
  cli?: 'long';
}

const MB = 1_000_000;
/** Just under the parser's 1,000,000-character limit. */
const UNDER_MB = MB - 100;

const repeatTo = (unit: string, length: number) => unit.repeat(Math.floor(length / unit.length));
const nest = (open: string, inner: string, close: string, n: number) =>
  open.repeat(n) + inner + close.repeat(n);
const powerTower = (n: number) => Array.from({ length: n + 1 }, () => 'x').join('^');
const names = (n: number, stem: string) => Array.from({ length: n }, (_, i) => `${stem}${i}`);
const pointOf = (vars: readonly string[], v: number) =>
  Object.fromEntries(vars.map((n) => [n, v])) as Record<string, number>;

const f = (
  id: string,
  family: Family,
  what: string,
  source: string | (() => string),
  at: Record<string, number>,
  expect: Expectation,
  app: 'run' | 'slow' = 'run',
): HostileCase => ({
  id,
  family,
  what,
  source: typeof source === 'string' ? () => source : source,
  at,
  expect,
  app,
});

const link = (
  id: string,
  what: string,
  hash: string | (() => string),
  expect: Expectation,
): HostileCase => ({
  id,
  family: 'links',
  what,
  hash: typeof hash === 'string' ? () => hash : hash,
  expect,
  app: 'run',
});

const X1 = { x: 1 };

// ---- sizes ---------------------------------------------------------------------------------
const SIZES: HostileCase[] = [
  f(
    'spaces-1mb',
    'size',
    '1 MB of spaces between two terms',
    () => `x${repeatTo(' ', UNDER_MB)}+1`,
    X1,
    { kind: 'value', value: 2 },
    'slow',
  ),
  f(
    'comment-1mb',
    'size',
    'a 1 MB comment',
    () => `x + 1 # ${repeatTo('c', UNDER_MB)}`,
    X1,
    { kind: 'value', value: 2 },
    'slow',
  ),
  f(
    'identifier-1mb',
    'size',
    'a 1 MB identifier',
    () => `${repeatTo('v', UNDER_MB)}*2`,
    { [repeatTo('v', UNDER_MB)]: 3 },
    { kind: 'value', value: 6 },
    'slow',
  ),
  {
    ...f(
      'sum-1mb',
      'size',
      '1 MB of x+x+…',
      () => `${repeatTo('x+', UNDER_MB)}x`,
      X1,
      { kind: 'value', value: UNDER_MB / 2 + 1, gradient: { x: UNDER_MB / 2 + 1 } },
      'slow',
    ),
    cli: 'long',
  },
  f(
    'over-1mb',
    'size',
    'one character past the 1,000,000-character limit',
    () => 'x'.repeat(MB + 1),
    {},
    { kind: 'diagnostic', code: 'too-long' },
  ),
  f(
    'statements-10k',
    'size',
    'a chain of 10,000 bindings',
    () =>
      [
        'a0 = x',
        ...Array.from({ length: 10_000 }, (_, i) => `a${i + 1} = a${i} + 1`),
        'a10000',
      ].join('\n'),
    X1,
    { kind: 'value', value: 10_001 },
    'slow',
  ),
  {
    ...f(
      'variables-10k',
      'size',
      '10,000 variables',
      () => names(10_000, 'x').join(' + '),
      pointOf(names(10_000, 'x'), 1),
      { kind: 'value', value: 10_000 },
      'slow',
    ),
    cli: 'long',
  },
  f(
    'variables-1k',
    'size',
    '1,000 variables',
    () => names(1_000, 'x').join(' + '),
    pointOf(names(1_000, 'x'), 2),
    { kind: 'value', value: 2_000 },
    'slow',
  ),
  f(
    'number-100k-digits',
    'size',
    'a number with 100,000 digits (past the largest double)',
    () => '9'.repeat(100_000),
    {},
    { kind: 'diagnostic', code: 'bad-number' },
  ),
];

// ---- nesting -------------------------------------------------------------------------------
const NESTING: HostileCase[] = [];
for (const [kind, build] of [
  ['parens', (n: number) => nest('(', 'x', ')', n)],
  ['calls', (n: number) => nest('sin(', 'x', ')', n)],
  ['unary-minus', (n: number) => '-'.repeat(n) + 'x'],
  ['power', (n: number) => powerTower(n)],
] as const) {
  for (const n of [1_000, 1_001, 100_000]) {
    const ok = n <= 1_000;
    NESTING.push(
      f(
        `${kind}-${n}`,
        'nesting',
        `${kind} nested ${n} deep`,
        () => build(n),
        X1,
        ok ? { kind: 'value' } : { kind: 'diagnostic', code: 'too-deep' },
        // 1,000 levels of ^ is the table's 0.95 s freeze; the others are drawn quickly.
        ok && kind === 'power' ? 'slow' : 'run',
      ),
    );
  }
}

// ---- Unicode -------------------------------------------------------------------------------
const UNICODE: HostileCase[] = [
  f(
    'rtl-hebrew-name',
    'unicode',
    'a Hebrew (right-to-left) name',
    'א*2 + 1',
    { א: 3 },
    { kind: 'value', value: 7 },
  ),
  f(
    'rtl-arabic-name',
    'unicode',
    'an Arabic name',
    'سرعة^2',
    { سرعة: 3 },
    { kind: 'value', value: 9 },
  ),
  f(
    'bidi-override-comment',
    'unicode',
    'a right-to-left override in a comment',
    'x + 1 # \u202e1 = x',
    X1,
    { kind: 'value', value: 2 },
  ),
  f('bidi-override-expr', 'unicode', 'a right-to-left override between terms', 'x \u202e+ 1', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f('bidi-isolate', 'unicode', 'a left-to-right isolate', 'x\u2066 + 1\u2069', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f('bidi-mark', 'unicode', 'a right-to-left mark', 'x\u200f+1', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f(
    'combining-hat',
    'unicode',
    'a name with a combining circumflex',
    'x\u0302^2',
    { 'x\u0302': 3 },
    { kind: 'value', value: 9 },
  ),
  f(
    'combining-stacked',
    'unicode',
    'a name with two stacked marks',
    'a\u0308\u0304 + 1',
    { 'a\u0308\u0304': 1 },
    { kind: 'value', value: 2 },
  ),
  f('combining-alone', 'unicode', 'a combining mark with no letter', '\u0302x', X1, {
    kind: 'diagnostic',
  }),
  f(
    'combining-vs-precomposed',
    'unicode',
    'é composed and decomposed: two names that look alike',
    '\u00e9 + e\u0301',
    { '\u00e9': 1, 'e\u0301': 2 },
    { kind: 'value', value: 3, warning: 'look-alike-names' },
  ),
  f('zero-width-space', 'unicode', 'a zero-width space inside a name', 'x\u200by', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f('zero-width-joiner', 'unicode', 'a zero-width joiner', 'x\u200d+1', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f('zero-width-non-joiner', 'unicode', 'a zero-width non-joiner', 'x+\u200c1', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f('bom-start', 'unicode', 'a byte-order mark before the formula', '\ufeffx+1', X1, {
    kind: 'value',
    value: 2,
  }),
  f('bom-middle', 'unicode', 'a byte-order mark between terms', 'x +\ufeff1', X1, {
    kind: 'value',
    value: 2,
  }),
  f('nbsp', 'unicode', 'no-break spaces', 'x\u00a0+\u00a01', X1, { kind: 'value', value: 2 }),
  f('lone-high-surrogate', 'unicode', 'half of an emoji (high surrogate)', 'x+\ud83d', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f('lone-low-surrogate', 'unicode', 'half of an emoji (low surrogate)', '\ude00*x', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f(
    'look-alike-cyrillic',
    'unicode',
    'x*х: Latin x and Cyrillic х',
    'x*\u0445',
    { x: 2, '\u0445': 3 },
    { kind: 'value', value: 6, warning: 'look-alike-names' },
  ),
  f(
    'mixed-script-name',
    'unicode',
    'a name mixing Latin and a Cyrillic а',
    'r\u0430te*2',
    { 'r\u0430te': 2 },
    { kind: 'value', value: 4, warning: 'mixed-script-name' },
  ),
  f(
    'look-alike-greek-capital',
    'unicode',
    'Greek capital Alpha beside Latin A',
    '\u0391 + A',
    { '\u0391': 1, A: 2 },
    { kind: 'value', value: 3, warning: 'look-alike-names' },
  ),
  f('fullwidth-digits', 'unicode', 'full-width digits', 'x + \uff11\uff12', X1, {
    kind: 'diagnostic',
  }),
  f(
    'fullwidth-letter',
    'unicode',
    'a full-width x beside x',
    '\uff58 * x',
    { '\uff58': 2, x: 3 },
    { kind: 'value', value: 6, warning: 'look-alike-names' },
  ),
  f(
    'math-italic-letter',
    'unicode',
    'mathematical italic 𝑥 (astral)',
    '\u{1d465}^2',
    { '\u{1d465}': 3 },
    { kind: 'value', value: 9 },
  ),
  f('emoji', 'unicode', 'an emoji as a term', 'x + \u{1f600}', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f(
    'emoji-comment',
    'unicode',
    'emoji in a comment',
    'x * 2 # \u{1f600}\u{1f468}\u200d\u{1f469}\u200d\u{1f467}',
    X1,
    { kind: 'value', value: 2 },
  ),
  f('nul', 'unicode', 'a NUL character', 'x\u0000+1', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f('escape-sequence', 'unicode', 'a terminal escape sequence', 'x + \u001b[31m1', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f('bell', 'unicode', 'a BEL character', 'x\u0007', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f('c1-control', 'unicode', 'a C1 control (CSI)', 'x\u009b2J', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f('crlf', 'unicode', 'Windows line endings', 'a = x*2\r\nb = a + 1\r\nb', X1, {
    kind: 'value',
    value: 3,
  }),
  f('line-separator', 'unicode', 'U+2028 between terms', 'x\u2028+ 1', X1, {
    kind: 'value',
    value: 2,
  }),
  f('superscript-two', 'unicode', 'x² written with a superscript', 'x\u00b2', X1, {
    kind: 'diagnostic',
  }),
  f('unicode-minus-times', 'unicode', 'Unicode minus and times signs', 'x \u2212 2 \u00d7 x', X1, {
    kind: 'diagnostic',
    code: 'unexpected-character',
  }),
  f(
    'html-in-formula',
    'unicode',
    'markup typed as a formula',
    '<img src=x onerror=alert(1)>',
    {},
    { kind: 'diagnostic', code: 'unexpected-character' },
  ),
  f(
    'script-in-comment',
    'unicode',
    'a script tag in a comment',
    'x # <script>alert(1)</script>',
    X1,
    { kind: 'value', value: 1 },
  ),
];

// ---- JavaScript-object names ---------------------------------------------------------------
const JS_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
];
const JS: HostileCase[] = [
  ...JS_NAMES.map((n) =>
    f(
      `js-variable-${n}`,
      'js-names',
      `${n} as a variable`,
      `${n}*2`,
      { [n]: 3 },
      { kind: 'value', value: 6, gradient: { [n]: 2 } },
    ),
  ),
  f(
    'js-binding-proto',
    'js-names',
    '__proto__ as a binding',
    '__proto__ = x*2; __proto__ + 1',
    { x: 3 },
    { kind: 'value', value: 7, gradient: { x: 2 } },
  ),
  f(
    'js-binding-chain',
    'js-names',
    'constructor and toString as bindings',
    'constructor = x; toString = constructor*2; toString',
    { x: 3 },
    { kind: 'value', value: 6, gradient: { x: 2 } },
  ),
  // Built with fromEntries: in an object literal `__proto__: 2` would set the prototype.
  f(
    'js-two-names',
    'js-names',
    '__proto__ and constructor together',
    '__proto__ * constructor',
    Object.fromEntries([
      ['__proto__', 2],
      ['constructor', 5],
    ]),
    {
      kind: 'value',
      value: 10,
      gradient: Object.fromEntries([
        ['__proto__', 5],
        ['constructor', 2],
      ]),
    },
  ),
];

// ---- numeric extremes ----------------------------------------------------------------------
const NUMERIC: HostileCase[] = [
  // A literal past the largest double is refused with its span rather than silently made ∞.
  f(
    'overflow-literal',
    'numeric',
    '1e309 (past the largest double)',
    '1e309',
    {},
    { kind: 'diagnostic', code: 'bad-number' },
  ),
  f('overflow-literal-times-x', 'numeric', '1e309*x', '1e309*x', X1, {
    kind: 'diagnostic',
    code: 'bad-number',
  }),
  f('overflow-computed', 'numeric', '1e308*10 (∞ computed, not written)', '1e308*10*x', X1, {
    kind: 'value',
    value: 'Infinity',
    gradient: { x: 'Infinity' },
  }),
  f('zero-over-zero', 'numeric', '0/0', '0/0', {}, { kind: 'value', value: 'NaN' }),
  f(
    'huge-power',
    'numeric',
    'x^1e308 at 2',
    'x^1e308',
    { x: 2 },
    { kind: 'value', value: 'Infinity' },
  ),
  f(
    'huge-power-small-base',
    'numeric',
    'x^1e308 at 0.5',
    'x^1e308',
    { x: 0.5 },
    { kind: 'value', value: 0 },
  ),
  f('subnormal', 'numeric', 'the smallest subnormal', '5e-324*x', X1, {
    kind: 'value',
    value: 5e-324,
    gradient: { x: 5e-324 },
  }),
  f('underflow-literal', 'numeric', '1e-400 (underflows to 0)', '1e-400 + x', X1, {
    kind: 'value',
    value: 1,
  }),
  f('negative-zero', 'numeric', '-0', '-0', {}, { kind: 'value', value: -0 }),
  f('negative-zero-times-x', 'numeric', '-0*x at 1', '-0*x', X1, { kind: 'value', value: -0 }),
  f('divide-by-zero', 'numeric', 'x/0', 'x/0', X1, { kind: 'value', value: 'Infinity' }),
  f(
    'exp-overflow',
    'numeric',
    'exp(1000)',
    'exp(x)',
    { x: 1000 },
    { kind: 'value', value: 'Infinity' },
  ),
  f('log-zero', 'numeric', 'log(0)', 'log(x)', { x: 0 }, { kind: 'value', value: '-Infinity' }),
  f('sqrt-negative', 'numeric', 'sqrt(-1)', 'sqrt(x)', { x: -1 }, { kind: 'value', value: 'NaN' }),
  f(
    'zero-to-zero',
    'numeric',
    '0^0',
    'x^0',
    { x: 0 },
    { kind: 'value', value: 1, gradient: { x: 0 } },
  ),
  f(
    'max-double-squared',
    'numeric',
    'x*x at 1e308',
    'x*x',
    { x: 1e308 },
    { kind: 'value', value: 'Infinity', gradient: { x: 'Infinity' } },
  ),
  f('bad-number', 'numeric', 'a number with two points', '1.2.3 + x', X1, { kind: 'diagnostic' }),
  f('decimal-comma', 'numeric', 'a decimal comma', 'x * 1,5', X1, { kind: 'diagnostic' }),
];

// ---- bindings ------------------------------------------------------------------------------
const BINDINGS: HostileCase[] = [
  f(
    'shadow-function',
    'bindings',
    'a binding named like a function',
    'sin = x*2; sin + 1',
    { x: 1 },
    { kind: 'diagnostic' },
  ),
  f('shadow-constant-pi', 'bindings', 'assigning to pi', 'pi = 3; pi*x', X1, {
    kind: 'diagnostic',
    code: 'assign-to-constant',
  }),
  f('shadow-constant-e', 'bindings', 'assigning to e', 'e = 2; e*x', X1, {
    kind: 'diagnostic',
    code: 'assign-to-constant',
  }),
  f('redefinition', 'bindings', 'the same binding twice', 'a = x; a = 2*x; a', X1, {
    kind: 'diagnostic',
    code: 'duplicate-binding',
  }),
  f('cycle', 'bindings', 'two bindings that use each other', 'a = b + 1; b = a*2; a', X1, {
    kind: 'diagnostic',
    code: 'undefined-binding',
  }),
  f(
    'self-reference',
    'bindings',
    'a binding that uses itself',
    'a = a + 1; a',
    {},
    { kind: 'diagnostic' },
  ),
  f('unused-binding', 'bindings', 'a binding nobody uses', 'a = x*2; x + 1', X1, {
    kind: 'value',
    value: 2,
    gradient: { x: 1 },
  }),
  f(
    'output-is-input',
    'bindings',
    'the output is the input itself',
    'x',
    { x: 4 },
    { kind: 'value', value: 4, gradient: { x: 1 } },
  ),
  f('binding-named-like-variable', 'bindings', 'x = x + 1', 'x = x + 1; x', X1, {
    kind: 'diagnostic',
  }),
  f(
    'last-binding-is-output',
    'bindings',
    'a binding as the last statement is the output',
    'a = x*2',
    X1,
    { kind: 'value', value: 2, gradient: { x: 2 } },
  ),
  f('empty', 'bindings', 'an empty formula', '', {}, { kind: 'diagnostic', code: 'empty-formula' }),
  f(
    'only-comment',
    'bindings',
    'only a comment',
    '# nothing here',
    {},
    { kind: 'diagnostic', code: 'empty-formula' },
  ),
  f('only-semicolons', 'bindings', 'only separators', ';;;\n;', {}, { kind: 'diagnostic' }),
];

// ---- hostile links -------------------------------------------------------------------------
const SCRIPT = encodeURIComponent('<script>alert(1)</script>');
const IMG = encodeURIComponent('<img src=x onerror=alert(1)>');
const LINKS: HostileCase[] = [
  link('link-script-f', 'a script tag as the formula', `#f=${SCRIPT}&at=`, {
    kind: 'notice',
    notice: 'markup',
  }),
  link('link-img-f', 'an img onerror as the formula', `#f=${IMG}`, { kind: 'notice' }),
  link('link-script-at', 'a script tag in at=', `#f=x&at=${SCRIPT}`, { kind: 'notice' }),
  link('link-script-mode', 'a script tag in mode=', `#f=x&at=x%3D1&mode=${SCRIPT}`, {
    kind: 'notice',
  }),
  link('link-script-step', 'a script tag in step=', `#f=x&at=x%3D1&step=${SCRIPT}`, {
    kind: 'notice',
  }),
  link('link-script-seed', 'a script tag in seed=', `#f=x&at=x%3D1&mode=forward&seed=${SCRIPT}`, {
    kind: 'notice',
  }),
  link('link-script-merge', 'a script tag in merge=', `#f=x&at=x%3D1&merge=${SCRIPT}`, {
    kind: 'notice',
  }),
  link('link-script-panel', 'a script tag in panel=', `#f=x&at=x%3D1&panel=${SCRIPT}`, {
    kind: 'notice',
  }),
  link('link-script-key', 'a script tag as a key', `#f=x&${SCRIPT}=1`, { kind: 'notice' }),
  link(
    'link-javascript-url',
    'javascript: as a formula',
    `#f=${encodeURIComponent('javascript:alert(1)')}`,
    { kind: 'opens', formula: 'javascript:alert(1)' },
  ),
  link('link-bad-percent', 'a truncated percent escape', '#f=%E0%A4%A&at=x%3D1', {
    kind: 'notice',
    notice: 'not properly encoded',
  }),
  link('link-lone-percent', 'a lone percent sign', '#f=%&at=', { kind: 'notice' }),
  link('link-encoded-surrogate', 'an encoded lone surrogate', '#f=%ED%A0%80', { kind: 'notice' }),
  link('link-2mb', 'a 2 MB hash', () => `#f=${'x%2B'.repeat(500_000)}x`, {
    kind: 'notice',
    notice: 'too long',
  }),
  link('link-duplicate-key', 'f= given twice', '#f=x&f=y', { kind: 'notice', notice: 'repeats' }),
  link('link-unknown-key', 'an unknown key', '#f=x&at=x%3D1&evil=1', {
    kind: 'notice',
    notice: 'unknown part',
  }),
  link('link-huge-step', 'a step past a billion', '#f=x&at=x%3D1&step=99999999999', {
    kind: 'notice',
  }),
  link('link-negative-step', 'a negative step', '#f=x&at=x%3D1&step=-1', { kind: 'notice' }),
  link('link-large-step', 'a step far past the end (clamped)', '#f=x*x&at=x%3D3&step=1000000', {
    kind: 'opens',
    formula: 'x*x',
    value: 9,
  }),
  link(
    'link-seed-missing',
    'seed= naming no variable',
    '#f=x*y&at=x%3D1%2Cy%3D2&mode=forward&seed=q',
    { kind: 'opens', formula: 'x*y', notice: 'seed' },
  ),
  link('link-panel-missing', 'panel= naming no panel', '#f=x&at=x%3D1&panel=settings', {
    kind: 'notice',
    notice: 'panel',
  }),
  link('link-stored-empty', '#stored=1 with nothing stored', '#stored=1', {
    kind: 'notice',
    notice: 'storage',
  }),
  link('link-infinite-point', 'x=1e999 in at=', `#f=x&at=${encodeURIComponent('x=1e999')}`, {
    kind: 'notice',
  }),
  link('link-nan-point', 'x=NaN in at=', `#f=x&at=${encodeURIComponent('x=NaN')}`, {
    kind: 'notice',
  }),
  link(
    'link-proto-point',
    '__proto__ as a variable in a link',
    `#f=__proto__*2&at=${encodeURIComponent('__proto__=3')}`,
    { kind: 'opens', formula: '__proto__*2', value: 6 },
  ),
  link(
    'link-combining-name',
    'a name with a combining mark in at=',
    `#f=${encodeURIComponent('x\u0302*2')}&at=${encodeURIComponent('x\u0302=4')}`,
    { kind: 'opens', formula: 'x\u0302*2', value: 8 },
  ),
  link(
    'link-bidi-formula',
    'a bidi override in a linked formula',
    `#f=${encodeURIComponent('x \u202e+ 1')}`,
    { kind: 'opens', formula: 'x \u202e+ 1' },
  ),
  link('link-long-formula', 'a formula past 5,000 characters', () => `#f=${'x'.repeat(5_001)}`, {
    kind: 'notice',
    notice: 'too long',
  }),
  link('link-only-hash', 'just #', '#', { kind: 'opens' }),
];

export const CORPUS: readonly HostileCase[] = [
  ...SIZES,
  ...NESTING,
  ...UNICODE,
  ...JS,
  ...NUMERIC,
  ...BINDINGS,
  ...LINKS,
];

export const FORMULA_CASES = CORPUS.filter((c) => c.source !== undefined);
export const LINK_CASES = CORPUS.filter((c) => c.hash !== undefined);

/** `Expected` as a number. */
export function expectedNumber(e: Expected): number {
  return e === 'NaN' ? NaN : e === 'Infinity' ? Infinity : e === '-Infinity' ? -Infinity : e;
}
