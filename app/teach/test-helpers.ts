// Shared by the teach tests: compile a formula or fail loudly, and the reference cases fixture.
import { readFileSync } from 'node:fs';
import { compile } from '../../ad-core/index.ts';
import type { BuildOptions, Graph, Point } from '../../ad-core/index.ts';

export function graphOf(source: string, options?: BuildOptions): Graph {
  const result = compile(source, options);
  if (!result.ok) throw new Error(`${source}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.graph;
}

export interface ReferenceCase {
  name: string;
  formula: string;
  at: Point;
  value: number;
  gradient: Point;
}

export function referenceCases(): ReferenceCase[] {
  const url = new URL('../../ad-core/fixtures/reference-cases.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: ReferenceCase[] }).cases;
}

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
