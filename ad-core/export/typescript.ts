// The standalone TypeScript target: no dependency, its own reverse mode written out line by line
// (a forward pass of values, then adjoints accumulated with += in reverse tape order), with the
// engine's own local-derivative formulas, so `npx tsx` on it prints the engine's numbers.
import { stringLiteral } from './literals.ts';
import { TS_HELPERS, TS_OPS } from './op-names.ts';
import type { ExportProgram } from './program.ts';
import { header } from './python.ts';

export function typescriptProgram(program: ExportProgram, formula: string): string {
  const { nodes } = program;
  const helpers = new Set<keyof typeof TS_HELPERS>();
  const forwardLines: string[] = [];
  const ops = nodes.filter((n) => n.kind === 'op');
  for (const n of ops) {
    const row = TS_OPS[n.op]!;
    row.helpers?.forEach((h) => helpers.add(h));
    const a = nodes[n.args[0]!]!.ref;
    const b = n.args[1] === undefined ? '' : nodes[n.args[1]]!.ref;
    forwardLines.push(`const ${n.ref} = ${row.value(a, b)}; // ${n.wengert}`);
  }
  const out = nodes[program.output];
  const bar = (id: number) => `${nodes[id]!.ref}_bar`;
  const adjointNodes = nodes.filter((n) => n.live && n.kind !== 'constant');
  const reverseLines: string[] = [];
  for (let i = ops.length - 1; i >= 0; i--) {
    const n = ops[i]!;
    if (!n.live) continue;
    const row = TS_OPS[n.op]!;
    const a = nodes[n.args[0]!]!.ref;
    const b = n.args[1] === undefined ? '' : nodes[n.args[1]]!.ref;
    n.args.forEach((arg, k) => {
      if (nodes[arg]!.kind === 'constant') return;
      const partial = row.partials[k]!(a, b, n.ref);
      reverseLines.push(
        `${bar(arg)} += ${bar(n.id)} * (${partial}); // ∂${n.wengert}/∂${nodes[arg]!.wengert}`,
      );
    });
  }
  return [
    ...header(
      program,
      { formula, target: 'TypeScript', needs: 'No dependency: npx tsx this_file.ts' },
      '//',
    ),
    ...[...helpers].map((h) => TS_HELPERS[h]),
    '',
    '// The point',
    ...program.identifiers.map(
      (id, k) =>
        `const ${id}: number = ${String(program.values[k]!)}; // ${nodes[program.inputs[k]!]!.wengert}`,
    ),
    '',
    "// Forward pass: every node's value, in tape order",
    ...forwardLines,
    `const f: number = ${out === undefined ? 'NaN' : out.ref};`,
    '',
    '// Reverse pass: adjoints v̄ = ∂f/∂v, seeded with f̄ = 1 and accumulated with += (a value used',
    '// twice receives two contributions)',
    ...adjointNodes.map((n) => `let ${bar(n.id)} = ${n.id === program.output ? 1 : 0};`),
    ...reverseLines,
    '',
    'console.log(`f = ${f}`);',
    ...program.identifiers.map((id, k) => {
      const grad = nodes[program.inputs[k]!]!.live ? `${id}_bar` : '0';
      return `console.log(${stringLiteral(`df/d${program.names[k]!} = `)} + String(${grad}));`;
    }),
    '',
  ].join('\n');
}
