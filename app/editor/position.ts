/** 1-based line and column of a character offset, as people count them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const upto = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = upto.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
