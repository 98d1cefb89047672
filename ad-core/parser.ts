// Tokens → Program: a Pratt parser whose precedence lives in one binding-power table, then a
// resolution pass over names. Never throws on any input: every problem becomes a Diagnostic.
import { diagnostic, lineCol } from './diagnostics.ts';
import { lex, type Token, type TokenKind } from './lexer.ts';
import { OPS, opByCallName } from './ops.ts';
import { resolveFunctions } from './functions.ts';
import { vectorFunctionHint } from './vector-functions.ts';
import type {
  BinaryOp,
  Diagnostic,
  Expr,
  OpSpec,
  Parameter,
  ParseResult,
  Program,
  Span,
  Statement,
  UnaryOp,
} from './types.ts';

export const MAX_SOURCE_LENGTH = 1_000_000;
/** Deepest nesting of each kind (parentheses, signs, exponents) accepted. */
export const MAX_NESTING = 1_000;
/** Most outputs a last line may list: a Jacobian taller than this teaches nothing more. */
export const MAX_OUTPUTS = 100;
/** A pasted wall of errors helps nobody; the first ones are what matter. */
const MAX_DIAGNOSTICS = 20;

export interface InfixRow {
  op: BinaryOp;
  /** How tightly the operator holds the operand on its left. */
  left: number;
  /** Binding power its right operand is parsed with; lower than `left` = right-associative. */
  right: number;
}
export interface PrefixRow {
  op: UnaryOp;
  right: number;
}

/**
 * THE precedence table (the printer reads it too). `^` holds tighter than a sign, so `-x^2` is
 * `-(x^2)` while `2^-x` still works; a sign holds tighter than `*`, so `-x*y` is `(-x)*y`.
 */
export const BINDING_POWER: Partial<Record<TokenKind, { infix?: InfixRow; prefix?: PrefixRow }>> = {
  '+': { infix: { op: 'add', left: 10, right: 10 }, prefix: { op: 'pos', right: 30 } },
  '-': { infix: { op: 'sub', left: 10, right: 10 }, prefix: { op: 'neg', right: 30 } },
  '*': { infix: { op: 'mul', left: 20, right: 20 } },
  '/': { infix: { op: 'div', left: 20, right: 20 } },
  '^': { infix: { op: 'pow', left: 40, right: 39 } },
  '**': { infix: { op: 'pow', left: 40, right: 39 } },
};
/** `2x` multiplies exactly like `2*x`. */
const IMPLICIT_MUL = BINDING_POWER['*']!.infix!;

// Maps, not object literals: a learner's name such as `constructor` must not find a prototype key.
const CONSTANTS = new Map<string, { name: 'pi' | 'e'; value: number }>([
  ['pi', { name: 'pi', value: Math.PI }],
  ['π', { name: 'pi', value: Math.PI }],
  ['e', { name: 'e', value: Math.E }],
]);

/** Spellings from other languages that edit distance would not find. */
const ALIASES = new Map<string, string>([
  ['arcsin', 'asin'],
  ['arccos', 'acos'],
  ['arctan', 'atan'],
  ['ln2', 'log2'],
  ['lg', 'log10'],
  ['sqr', 'sqrt'],
  ['power', 'pow'],
  ['fabs', 'abs'],
]);

/** Internal: unwinds to `parse` with the diagnostic; never escapes it. */
class ParseFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

type NestingKind = 'paren' | 'sign' | 'exponent';

interface PendingCall {
  kind: 'call';
  nameToken: Token;
  name: string;
  /** null: a function of the learner's own (checked once every definition is known). */
  op: OpSpec | null;
  open: Token;
  args: Expr[];
  commas: Token[];
}

/** What to do with a frame's value once its operator loop ends. */
type Pending =
  | { kind: 'statement' }
  | { kind: 'sign'; op: UnaryOp; token: Token }
  | { kind: 'operand'; row: InfixRow; left: Expr; implicit: boolean; exponent: boolean }
  | { kind: 'paren'; open: Token }
  | PendingCall;

interface Frame {
  minPower: number;
  pending: Pending;
}

class Parser {
  private pos = 0;
  /** A call of a name that is not an operation was read (a function of the learner's own?). */
  callsOwnFunction = false;
  /** Last consumed token of the current statement (null at its start). */
  private prev: Token | null = null;
  private readonly nesting: Record<NestingKind, number> = { paren: 0, sign: 0, exponent: 0 };
  private readonly openParens: Token[] = [];

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseProgram(): { statements: Statement[]; diagnostics: Diagnostic[] } {
    const statements: Statement[] = [];
    const diagnostics: Diagnostic[] = [];
    for (;;) {
      while (this.isSeparator(this.raw().kind)) this.pos++;
      if (this.raw().kind === 'eof') break;
      try {
        statements.push(this.parseStatement());
      } catch (e) {
        if (!(e instanceof ParseFailure)) throw e;
        diagnostics.push(e.diagnostic);
        if (e.diagnostic.code === 'too-deep' || diagnostics.length >= MAX_DIAGNOSTICS) break;
        this.recover();
      }
    }
    return { statements, diagnostics };
  }

  // --- tokens ----------------------------------------------------------------------------------

  private raw(): Token {
    return this.tokens[this.pos] as Token;
  }

  /** The next token; an error token from the lexer is reported as soon as the parser reaches it. */
  private peek(): Token {
    const t = this.raw();
    if (t.kind === 'error') throw new ParseFailure(this.lexError(t));
    return t;
  }

  private advance(): Token {
    const t = this.peek();
    this.pos++;
    this.prev = t;
    return t;
  }

  private text(t: Token | Span): string {
    return this.source.slice(t.start, t.end);
  }

  private isSeparator(kind: TokenKind): boolean {
    return kind === 'newline' || kind === ';';
  }

  private fail(d: Diagnostic): never {
    throw new ParseFailure(d);
  }

  /** After an error, carry on at the next statement so later lines are checked too. */
  private recover(): void {
    while (this.raw().kind !== 'eof' && !this.isSeparator(this.raw().kind)) this.pos++;
    this.prev = null;
    this.nesting.paren = this.nesting.sign = this.nesting.exponent = 0;
    this.openParens.length = 0;
  }

  private lexError(t: Token): Diagnostic {
    const text = this.text(t);
    switch (t.error) {
      case 'number-points':
        return diagnostic('bad-number', t, text, 'points');
      case 'lone-point':
        return diagnostic('bad-number', t, text, 'lone-point');
      case 'number-too-large':
        return diagnostic('bad-number', t, text, 'too-large');
      default:
        return diagnostic('unexpected-character', t, text);
    }
  }

  private enter(kind: NestingKind, at: Token): void {
    if (++this.nesting[kind] > MAX_NESTING) this.fail(diagnostic('too-deep', at, MAX_NESTING));
  }

  private leave(kind: NestingKind): void {
    this.nesting[kind]--;
  }

  // --- statements ------------------------------------------------------------------------------

  private parseStatement(): Statement {
    this.prev = null;
    const first = this.peek();
    const second = this.tokens[this.pos + 1];
    if (first.kind === 'name' && second?.kind === '(' && this.isDefinition()) {
      return this.parseDefinition(first);
    }
    if (first.kind === 'name' && second?.kind === '=') {
      const name = this.text(first);
      if (CONSTANTS.has(name)) this.fail(diagnostic('assign-to-constant', first, name, 'constant'));
      if (opByCallName(name)) this.fail(diagnostic('assign-to-constant', first, name, 'function'));
      this.advance();
      this.advance();
      const expr = this.parseExpr();
      const comma = this.peek();
      if (comma.kind === ',' && !this.isGluedDecimalComma(comma)) {
        this.fail(diagnostic('misplaced-outputs', comma, 'binding'));
      }
      this.endStatement();
      const nameSpan = { start: first.start, end: first.end };
      return {
        kind: 'assign',
        name,
        nameSpan,
        expr,
        span: { start: first.start, end: expr.span.end },
      };
    }
    const expr = this.parseExpr();
    const outputs = [expr];
    // `x*y, sin(x)`: several outputs (only the last line may have them; `parse` checks that).
    for (let t = this.peek(); t.kind === ',' && !this.isGluedDecimalComma(t); t = this.peek()) {
      this.advance();
      outputs.push(this.parseExpr());
    }
    this.endStatement();
    const last = outputs[outputs.length - 1] as Expr;
    const span = { start: expr.span.start, end: last.span.end };
    return outputs.length > 1 ? { kind: 'expr', expr, span, outputs } : { kind: 'expr', expr, span };
  }

  /** `2,5` with the comma glued to two numbers: a decimal comma, not a list. */
  private isGluedDecimalComma(t: Token): boolean {
    const next = this.tokens[this.pos + 1];
    const prev = this.prev;
    return (
      prev?.kind === 'number' &&
      prev.end === t.start &&
      next?.kind === 'number' &&
      next.start === t.end &&
      /^[0-9]/.test(this.text(next))
    );
  }

  /** `name ( … ) =` from here: a function definition rather than a call. */
  private isDefinition(): boolean {
    let depth = 0;
    for (let i = this.pos + 1; i < this.tokens.length; i++) {
      const kind = (this.tokens[i] as Token).kind;
      if (kind === '(') depth++;
      else if (kind === ')') {
        depth--;
        if (depth === 0) return this.tokens[i + 1]?.kind === '=';
      } else if (this.isSeparator(kind) || kind === 'eof') return false;
    }
    return false;
  }

  /** `sq(t) = t^2`: parameters are names; the body is one expression. */
  private parseDefinition(first: Token): Statement {
    const name = this.text(first);
    if (CONSTANTS.has(name)) this.fail(diagnostic('assign-to-constant', first, name, 'constant'));
    if (opByCallName(name)) this.fail(diagnostic('builtin-function-name', first, name));
    this.advance();
    const open = this.advance();
    const params: Parameter[] = [];
    if (this.peek().kind === ')') this.fail(diagnostic('bad-parameter', open, null, name));
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'name') {
        // Everything up to the next `,` or `)` is what stands where a name should.
        let end = this.pos;
        while (!([',', ')'] as TokenKind[]).includes((this.tokens[end] as Token).kind)) end++;
        const last = this.tokens[Math.max(this.pos, end - 1)] as Token;
        const span = { start: t.start, end: last.end };
        this.fail(diagnostic('bad-parameter', span, this.text(span), name));
      }
      const param = this.text(t);
      if (CONSTANTS.has(param)) this.fail(diagnostic('assign-to-constant', t, param, 'constant'));
      if (opByCallName(param)) this.fail(diagnostic('assign-to-constant', t, param, 'function'));
      this.advance();
      params.push({ name: param, span: { start: t.start, end: t.end } });
      const next = this.advance();
      if (next.kind === ')') break;
      if (next.kind !== ',') this.failUnexpected(next);
    }
    this.advance(); // `=`, as isDefinition saw
    const expr = this.parseExpr();
    this.endStatement();
    const nameSpan = { start: first.start, end: first.end };
    return {
      kind: 'define',
      name,
      nameSpan,
      params,
      expr,
      span: { start: first.start, end: expr.span.end },
    };
  }

  private endStatement(): void {
    const t = this.peek();
    if (this.isSeparator(t.kind) || t.kind === 'eof') return;
    if (t.kind === ')') this.fail(diagnostic('unmatched-paren', t));
    this.failUnexpected(t);
  }

  /** `,` or `=` where it cannot be: a decimal comma gets its own message. */
  private failUnexpected(t: Token): never {
    if (t.kind === ',' && this.isGluedDecimalComma(t)) {
      const prev = this.prev as Token;
      const next = this.tokens[this.pos + 1] as Token;
      this.fail(diagnostic('decimal-comma', t, this.source.slice(prev.start, next.end)));
    }
    this.fail(diagnostic('unexpected-token', t, this.text(t)));
  }

  // --- expressions -----------------------------------------------------------------------------
  //
  // A Pratt parser run on an explicit stack of frames instead of the JS call stack, so nesting
  // depth is a rule we choose (MAX_NESTING) rather than whatever the browser's stack allows.
  // Each frame is what one recursive `parseExpr(minPower)` call would be; `pending` says what to
  // do with its value once its operator loop ends.

  private parseExpr(): Expr {
    const frames: Frame[] = [{ minPower: 0, pending: { kind: 'statement' } }];
    let value: Expr | null = null;
    for (;;) {
      if (value === null) {
        value = this.parsePrefix(frames);
        continue;
      }
      const frame = frames[frames.length - 1] as Frame;
      const next = this.infixAfter(value);
      if (next !== null && next.row.left > frame.minPower) {
        if (!next.implicit) this.advance();
        const exponent = next.row.right < next.row.left;
        // Only a right-associative operator nests without bound (`x^x^x^…`).
        if (exponent) this.enter('exponent', next.token);
        frames.push({
          minPower: next.row.right,
          pending: {
            kind: 'operand',
            row: next.row,
            left: value,
            implicit: next.implicit,
            exponent,
          },
        });
        value = null;
        continue;
      }
      frames.pop();
      const p = frame.pending;
      switch (p.kind) {
        case 'statement':
          return value;
        case 'sign':
          this.leave('sign');
          value = {
            kind: 'unary',
            op: p.op,
            arg: value,
            span: { start: p.token.start, end: value.span.end },
          };
          break;
        case 'operand': {
          if (p.exponent) this.leave('exponent');
          const span: Span = { start: p.left.span.start, end: value.span.end };
          value = p.implicit
            ? { kind: 'binary', op: p.row.op, left: p.left, right: value, span, implicit: true }
            : { kind: 'binary', op: p.row.op, left: p.left, right: value, span };
          break;
        }
        case 'paren': {
          const close = this.peek();
          if (close.kind !== ')') this.failClose(p.open, close);
          this.advance();
          this.openParens.pop();
          this.leave('paren');
          // The parentheses belong to the expression's extent, so `2*(x+1)` spans its `)`.
          value.span = { start: p.open.start, end: close.end };
          break;
        }
        case 'call': {
          p.args.push(value);
          const t = this.peek();
          if (t.kind === ',') {
            p.commas.push(this.advance());
            frames.push(frame);
            value = null;
            break;
          }
          if (t.kind !== ')') this.failClose(p.open, t);
          value = this.finishCall(p, this.advance());
          break;
        }
      }
    }
  }

  /** The infix operator (written, or implied by `2x`) that follows `left`, or null at its end. */
  private infixAfter(left: Expr): { row: InfixRow; implicit: boolean; token: Token } | null {
    const t = this.peek();
    const row = BINDING_POWER[t.kind]?.infix;
    if (row !== undefined) return { row, implicit: false, token: t };
    if (t.kind !== 'number' && t.kind !== 'name' && t.kind !== '(') return null;
    const prev = this.prev;
    if (prev?.kind === 'number' && prev.end === t.start && t.kind !== 'number') {
      return { row: IMPLICIT_MUL, implicit: true, token: t };
    }
    return this.failMissingOperator(left, t);
  }

  private failMissingOperator(left: Expr, t: Token): never {
    const open = this.openParens[this.openParens.length - 1];
    if (t.afterNewline && open !== undefined) {
      // Inside parentheses a newline is whitespace, so a forgotten `)` shows up on the next line.
      const line = lineCol(this.source, open.start).line;
      this.fail(diagnostic('unclosed-paren', open, `at the end of line ${line}`));
    }
    const leftText = this.text(left.span);
    const rightText = t.kind === '(' ? '(…)' : this.text(t);
    const suggestion =
      leftText.length <= 16 && !leftText.includes('\n') ? `${leftText}*${rightText}` : null;
    this.fail(diagnostic('missing-operator', t, leftText, rightText, suggestion));
  }

  /** A value, or null after opening a frame whose contents come next (`(`, a sign, a call). */
  private parsePrefix(frames: Frame[]): Expr | null {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.advance();
        return { kind: 'number', value: t.value as number, span: { start: t.start, end: t.end } };
      case 'name':
        return this.parseName(t, frames);
      case '(':
        this.advance();
        this.enter('paren', t);
        this.openParens.push(t);
        frames.push({ minPower: 0, pending: { kind: 'paren', open: t } });
        return null;
      case '+':
      case '-': {
        const row = BINDING_POWER[t.kind]?.prefix as PrefixRow;
        this.advance();
        this.enter('sign', t);
        frames.push({ minPower: row.right, pending: { kind: 'sign', op: row.op, token: t } });
        return null;
      }
      default:
        return this.failExpectedValue(t);
    }
  }

  private failExpectedValue(t: Token): never {
    const prev = this.prev;
    if (prev !== null && (t.kind === 'eof' || t.kind === 'newline')) {
      const where = t.kind === 'eof' ? 'formula' : 'line';
      this.fail(diagnostic('unexpected-end', prev, this.text(prev), where));
    }
    if (t.kind === ')' && prev === null) this.fail(diagnostic('unmatched-paren', t));
    this.fail(
      diagnostic('expected-value', t, prev === null ? null : this.text(prev), this.text(t)),
    );
  }

  /** What went wrong where a `)` was due. */
  private failClose(open: Token, t: Token): never {
    if (t.kind === 'eof') this.fail(diagnostic('unclosed-paren', open, 'at the end'));
    if (t.kind === ';') this.fail(diagnostic('unclosed-paren', open, 'before `;`'));
    this.failUnexpected(t);
  }

  private parseName(t: Token, frames: Frame[]): Expr | null {
    const name = this.text(t);
    this.advance();
    const span = { start: t.start, end: t.end };
    if (this.raw().kind === '(') return this.openCall(t, name, frames);
    const constant = CONSTANTS.get(name);
    if (constant) return { kind: 'constant', name: constant.name, value: constant.value, span };
    const op = opByCallName(name);
    if (op) {
      const next = this.raw();
      const example =
        op.arity === 2
          ? `${name}(a, b)`
          : next.kind === 'name' || next.kind === 'number'
            ? `${name}(${this.text(next)})`
            : next.kind === '^' || next.kind === '**'
              ? `${name}(x)^2` // `sin^2(x)` is textbook notation for sin(x)^2
              : `${name}(x)`;
      this.fail(diagnostic('not-a-function', span, name, example));
    }
    return { kind: 'name', name, span };
  }

  private openCall(nameToken: Token, name: string, frames: Frame[]): Expr | null {
    const op = opByCallName(name) ?? null;
    if (!op) {
      // Any other name may be a function defined in the formula; `resolveFunctions` decides.
      const scalar = vectorFunctionHint(name);
      if (scalar !== null) this.fail(diagnostic('unknown-function', nameToken, name, null, scalar));
    }
    const open = this.advance();
    this.enter('paren', open);
    this.openParens.push(open);
    const call: PendingCall = { kind: 'call', nameToken, name, op, open, args: [], commas: [] };
    if (this.peek().kind === ')') return this.finishCall(call, this.advance());
    frames.push({ minPower: 0, pending: call });
    return null;
  }

  private finishCall(p: PendingCall, close: Token): Expr {
    this.openParens.pop();
    this.leave('paren');
    const { name, op, args, nameToken } = p;
    const span = { start: nameToken.start, end: close.end };
    const nameSpan = { start: nameToken.start, end: nameToken.end };
    if (op === null) {
      this.callsOwnFunction = true;
      return { kind: 'apply', name, args, span, nameSpan };
    }
    if (args.length !== op.arity) {
      const comma = p.commas[0];
      if (op.arity === 1 && args.length === 2 && comma && this.isDecimalComma(comma, args)) {
        const written = this.source.slice((args[0] as Expr).span.start, (args[1] as Expr).span.end);
        this.fail(diagnostic('decimal-comma', comma, written));
      }
      this.fail(diagnostic('wrong-arity', span, name, op.arity, args.length));
    }
    return { kind: 'call', fn: op.id, name, args, span, nameSpan };
  }

  /** `sin(1,5)`: two bare numbers glued to the comma read as a decimal comma. */
  private isDecimalComma(comma: Token, args: Expr[]): boolean {
    const [a, b] = args;
    return (
      a?.kind === 'number' &&
      b?.kind === 'number' &&
      a.span.end === comma.start &&
      b.span.start === comma.end &&
      /^[0-9]+$/.test(this.text(a.span)) &&
      /^[0-9]/.test(this.text(b.span))
    );
  }
}

// ---------------------------------------------------------------------------------------------
// "Did you mean"

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + cost,
      );
    }
    row = next;
  }
  return row[b.length] as number;
}

/** The closest function name, if one is close enough to be a plausible typo. */
export function suggestFunction(name: string): string | null {
  const lower = name.toLowerCase();
  const alias = ALIASES.get(lower);
  if (alias !== undefined) return alias;
  if (lower.length > 24) return null;
  const limit = Math.ceil(lower.length / 3);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of OPS.flatMap((o) => o.callNames)) {
    const d = editDistance(lower, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit && best !== name ? best : null;
}

// ---------------------------------------------------------------------------------------------
// Resolution: which names are bindings, and are they defined before use, once?

function resolve(source: string, statements: Statement[]): Diagnostic[] {
  const firstDefinition = new Map<string, number>();
  statements.forEach((s, i) => {
    if (s.kind === 'assign' && !firstDefinition.has(s.name)) firstDefinition.set(s.name, i);
  });
  const defined = new Map<string, Span>();
  const found: Diagnostic[] = [];
  statements.forEach((s, i) => {
    // Explicit stack: `x+x+…+x` is a left spine hundreds of thousands of nodes deep.
    const stack: Expr[] = s.kind === 'expr' && s.outputs ? [...s.outputs].reverse() : [s.expr];
    // A parameter is a local name: inside its body it is not the binding of the same name.
    const locals = s.kind === 'define' ? new Set(s.params.map((p) => p.name)) : null;
    while (stack.length > 0) {
      const e = stack.pop() as Expr;
      switch (e.kind) {
        case 'name': {
          if (locals?.has(e.name)) break;
          const at = firstDefinition.get(e.name);
          if (!defined.has(e.name) && at !== undefined && at >= i) {
            const own = at === i && s.kind === 'assign' && s.name === e.name;
            found.push(diagnostic('undefined-binding', e.span, e.name, own));
          }
          break;
        }
        case 'unary':
          stack.push(e.arg);
          break;
        case 'binary':
          stack.push(e.right, e.left);
          break;
        case 'call':
        case 'apply':
          for (let k = e.args.length - 1; k >= 0; k--) stack.push(e.args[k] as Expr);
          break;
        default:
          break;
      }
    }
    if (s.kind === 'assign' || s.kind === 'define') {
      const earlier = defined.get(s.name);
      if (earlier) {
        found.push(
          diagnostic('duplicate-binding', s.nameSpan, s.name, lineCol(source, earlier.start).line),
        );
      } else {
        defined.set(s.name, s.nameSpan);
      }
    }
  });
  return found.sort((a, b) => a.span.start - b.span.start).slice(0, MAX_DIAGNOSTICS);
}

/** Several outputs on a line other than the last, or more than MAX_OUTPUTS of them. */
function misplacedOutputs(statements: Statement[]): Diagnostic | null {
  const lastIndex = statements.length - 1;
  for (let i = 0; i <= lastIndex; i++) {
    const s = statements[i] as Statement;
    if (s.kind !== 'expr' || !s.outputs) continue;
    if (i < lastIndex) return diagnostic('misplaced-outputs', s.span, 'earlier-line');
    if (s.outputs.length > MAX_OUTPUTS) {
      const extra = s.outputs[MAX_OUTPUTS] as Expr;
      const span = { start: extra.span.start, end: s.span.end };
      return diagnostic('too-many-outputs', span, s.outputs.length, MAX_OUTPUTS);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/**
 * Parses a formula program: statements separated by newlines or `;`, `name = expr` bindings,
 * the last statement being the output (or several outputs, `x*y, sin(x)`). Returns the program, or the diagnostics in source order
 * (the first syntax error of each statement, or else every name-resolution error).
 */
export function parse(source: string): ParseResult {
  if (source.length > MAX_SOURCE_LENGTH) {
    const span = { start: MAX_SOURCE_LENGTH, end: source.length };
    return {
      ok: false,
      diagnostics: [diagnostic('too-long', span, source.length, MAX_SOURCE_LENGTH)],
    };
  }
  const parser = new Parser(source, lex(source));
  const { statements, diagnostics } = parser.parseProgram();
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  if (statements.length === 0) {
    return {
      ok: false,
      diagnostics: [diagnostic('empty-formula', { start: 0, end: source.length })],
    };
  }
  const misplaced = misplacedOutputs(statements);
  if (misplaced !== null) return { ok: false, diagnostics: [misplaced] };
  // Most formulas define and call no function: they skip that pass.
  const functions =
    parser.callsOwnFunction || statements.some((s) => s.kind === 'define')
      ? resolveFunctions(statements, suggestFunction)
      : [];
  const unresolved = [...resolve(source, statements), ...functions]
    .sort((a, b) => a.span.start - b.span.start)
    .slice(0, MAX_DIAGNOSTICS);
  if (unresolved.length > 0) return { ok: false, diagnostics: unresolved };
  const program: Program = { source, statements };
  return { ok: true, program };
}
