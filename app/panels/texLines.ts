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
