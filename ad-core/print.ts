// AST → canonical formula text with only the parentheses the grammar needs. Parentheses are
// decided from the parser's own binding-power table, so the printer and parser cannot drift.
import { BINDING_POWER, type InfixRow } from './parser.ts';
import type { BinaryOp, Expr, Program, Statement } from './types.ts';

const INFIX = new Map<BinaryOp, InfixRow>();
for (const entry of Object.values(BINDING_POWER)) {
  if (entry?.infix && !INFIX.has(entry.infix.op)) INFIX.set(entry.infix.op, entry.infix);
}
const SIGN_POWER = BINDING_POWER['-']?.prefix?.right ?? 0;

const SYMBOL: Record<BinaryOp, string> = {
  add: ' + ',
  sub: ' - ',
  mul: ' * ',
  div: ' / ',
  pow: '^',
};

function row(op: BinaryOp): InfixRow {
  return INFIX.get(op) as InfixRow;
}

/** How tightly the node's text holds whatever follows it (Infinity: nothing can get in). */
function rightPower(e: Expr): number {
  if (e.kind === 'binary') return row(e.op).right;
  if (e.kind === 'unary') return SIGN_POWER;
  return Infinity;
}

/** How tightly the node's top operator must bind to stay one operand in a context. */
function leftPower(e: Expr): number {
  return e.kind === 'binary' ? row(e.op).left : Infinity;
}

/** Shortest text that reads back as the same double; non-finite and negative values as expressions. */
export function printNumber(value: number): string {
  if (Number.isNaN(value)) return '(0/0)';
  if (value === Infinity) return '(1/0)';
  if (value === -Infinity) return '(-1/0)';
  if (value < 0 || Object.is(value, -0)) return `(-${String(-value)})`;
  return String(value);
}

type Item = Expr | string;

function pushOperand(stack: Item[], e: Expr, parens: boolean): void {
  if (parens) stack.push(')', e, '(');
  else stack.push(e);
}

/**
 * Canonical text of an expression: `*` written out (`2x` prints as `2 * x`), spaces around
 * `+ - * /`, none around `^`, constants as `pi` and `e`. Iterative: a left spine of a million
 * nodes (`x+x+…+x`) prints without recursion.
 */
export function printExpr(root: Expr): string {
  const out: string[] = [];
  const stack: Item[] = [root];
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    switch (item.kind) {
      case 'number':
        out.push(printNumber(item.value));
        break;
      case 'constant':
      case 'name':
        out.push(item.name);
        break;
      case 'unary':
        out.push(item.op === 'neg' ? '-' : '+');
        pushOperand(stack, item.arg, leftPower(item.arg) <= SIGN_POWER);
        break;
      case 'binary': {
        const r = row(item.op);
        // Pushed in reverse: the stack pops the left operand first.
        pushOperand(stack, item.right, leftPower(item.right) <= r.right);
        stack.push(SYMBOL[item.op]);
        pushOperand(stack, item.left, r.left > rightPower(item.left));
        break;
      }
      case 'call':
      case 'apply':
        out.push(`${item.name}(`);
        stack.push(')');
        for (let i = item.args.length - 1; i >= 0; i--) {
          stack.push(item.args[i] as Expr);
          if (i > 0) stack.push(', ');
        }
        break;
    }
  }
  return out.join('');
}

export function printStatement(s: Statement): string {
  if (s.kind === 'assign') return `${s.name} = ${printExpr(s.expr)}`;
  if (s.kind === 'define') {
    return `${s.name}(${s.params.map((p) => p.name).join(', ')}) = ${printExpr(s.expr)}`;
  }
  return s.outputs ? s.outputs.map(printExpr).join(', ') : printExpr(s.expr);
}

/** One statement per line, bindings as `name = expr`. */
export function printProgram(program: Program): string {
  return program.statements.map(printStatement).join('\n');
}
