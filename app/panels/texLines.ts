// A chain `lhs = symbolic = … = numbers = result` typeset as two lines, the symbolic form first
// and the same equation with the numbers under it, the way it is written at the board.

/** True when a TeX fragment holds only numbers, operators and function names (no variable). */
export function isNumeric(tex: string): boolean {
  const stripped = tex
    .replace(/\\mathrm\{NaN\}/g, '0')
    .replace(/\\mathrel\{[^}]*\}/g, '')
    .replace(/\\[a-zA-Z]+/g, '');
  return /\d/.test(stripped) && !/[a-zA-Z]/.test(stripped);
}

/**
 * Splits at the first top-level ` = ` after which the chain is numbers only; null when there is
 * no symbolic part to show first (e.g. `v̄ = 1 + 2 = 3`) or nothing numeric after it.
 */
export function splitSymbolicNumeric(tex: string): { symbolic: string; numeric: string } | null {
  const parts = tex.split(' = ');
  const k = parts.findIndex((p, i) => i >= 1 && isNumeric(p));
  if (k < 2) return null;
  return { symbolic: parts.slice(0, k).join(' = '), numeric: `= ${parts.slice(k).join(' = ')}` };
}

/**
 * `\allowbreak` after each comma outside braces, so a call's argument list (`neuron(x_1, x_2,
 * w_{11}, …) =`) may wrap in a narrow column: KaTeX breaks only after relations and binary
 * operators by itself. Commas inside `{…}` (a subscript such as `w_{1,2}`) stay together.
 */
export function breakAfterCommas(tex: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      // An escaped character (`\{`, `\,`) is one token, never a brace or a comma of the formula.
      out += tex.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    out += c;
    if (
      c === ',' &&
      depth === 0 &&
      !tex.startsWith('\\allowbreak', i + 1 + (tex[i + 1] === ' ' ? 1 : 0))
    ) {
      out += '\\allowbreak';
    }
  }
  return out;
}
