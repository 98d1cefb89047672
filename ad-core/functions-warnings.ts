// A warning, never an error: a parameter its function's body never reads (`f(x, y) = x^2`). The
// formula still computes (the argument is simply not used), but it is usually a slip.
import type { NameWarning } from './confusables.ts';
import { argsOf } from './functions.ts';
import { parse } from './parser.ts';
import type { Expr } from './types.ts';

/** Past this length the text is not parsed a second time just for warnings. */
export const MAX_WARNED_SOURCE = 20_000;

/** One warning per parameter no body reads, in source order (none if the text does not parse). */
export function unusedParameterWarnings(source: string): NameWarning[] {
  if (source.length > MAX_WARNED_SOURCE || !source.includes('=')) return [];
  const parsed = parse(source);
  if (!parsed.ok) return [];
  const out: NameWarning[] = [];
  for (const s of parsed.program.statements) {
    if (s.kind !== 'define') continue;
    const used = new Set<string>();
    const stack: Expr[] = [s.expr];
    while (stack.length > 0) {
      const e = stack.pop()!;
      if (e.kind === 'name') used.add(e.name);
      stack.push(...argsOf(e));
    }
    for (const p of s.params) {
      if (used.has(p.name)) continue;
      out.push({
        code: 'unused-parameter',
        message: `\`${p.name}\` is a parameter of \`${s.name}\` that its body never uses.`,
        span: { ...p.span },
        hint: 'Use it in the body, or remove it (and its argument at each call).',
      });
    }
  }
  return out;
}
