// Shared by the teach tests (the fixture and graphOf come from ad-core/test-support.ts).

/** Every `{` matched by a `}` in order, ignoring escaped `\{` and `\}`. */
export function bracesBalanced(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}
