import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { OPS } from '../ops.ts';
import { gradient } from '../reverse.ts';
import { graphOf, referenceCases } from '../test-support.ts';
import type { Point } from '../types.ts';
import { EXPORT_EXTENSIONS, EXPORT_TARGETS, exportProgram, isExportTarget } from './index.ts';
import { JAX_OPS, MICROGRAD_OPS, PYTORCH_OPS, TS_OPS } from './op-names.ts';

const GOLDEN = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Runs a generated TypeScript program (transpiled, in a fresh context) and returns what it printed. */
function runTs(source: string): string[] {
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
  }).outputText;
  const printed: string[] = [];
  runInNewContext(js, { console: { log: (s: unknown) => printed.push(String(s)) } });
  return printed;
}

/** What the exported programs must print: the engine's value and gradient, as String writes them. */
function engineLines(formula: string, point: Point): string[] {
  const graph = graphOf(formula);
  const g = gradient(graph, point);
  return [`f = ${g.value}`, ...graph.variables.map((v) => `df/d${v} = ${g.gradient[v]}`)];
}

/** Formulas that use every op (and constants in every argument slot) at smooth points. */
const EVERY_OP: [string, Point][] = [
  [
    'max(x, 2)*relu(y) + y^x + 2^x + abs(sqrt(x)) - softplus(sigmoid(-y)) + atan2(y, 3)',
    { x: 1.5, y: 0.5 },
  ],
  ['tan(x) + asin(y) + acos(y) + atan(x) + sinh(x) + cosh(y) + tanh(x*y)', { x: 0.3, y: -0.4 }],
  [
    'exp(x)/y + log(x) + log2(y) + log10(x) + min(x, y) + hypot(x, y) + cos(x) - sin(y)',
    { x: 1.7, y: 2.5 },
  ],
  ['x*x*x + (x - 3)^2 + max(x, x) + min(2, x) + hypot(3, x) + atan2(2, x) + 2/x - 1', { x: 2 }],
  ['sin(pi) + 2*3 + x^0', { x: 0 }],
  ['a = x*y; b = sin(a); b*a + x', { x: 0.7, y: -1.1 }],
];

describe('code export', () => {
  it('has a spelling of every op for every target', () => {
    const ids = OPS.map((o) => o.id).sort();
    for (const table of [PYTORCH_OPS, JAX_OPS, MICROGRAD_OPS, TS_OPS]) {
      expect(Object.keys(table).sort()).toEqual(ids);
    }
    const ts = TS_OPS;
    for (const op of OPS) expect(ts[op.id]!.partials, op.id).toHaveLength(op.arity);
    expect(PYTORCH_OPS.sigmoid!.expr('x', '')).toBe('torch.sigmoid(x)');
    expect(JAX_OPS.softplus!.expr('x', '')).toBe('jax.nn.softplus(x)');
  });

  it('knows its targets', () => {
    expect([...EXPORT_TARGETS]).toEqual(['pytorch', 'jax', 'micrograd', 'ts']);
    expect(isExportTarget('jax')).toBe(true);
    expect(isExportTarget('numpy')).toBe(false);
  });

  describe.each(referenceCases.cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    it.each(EXPORT_TARGETS.map((t) => [t]))('matches its %s golden file', (target) => {
      const program = exportProgram(graphOf(c.formula), c.at, target, c.formula);
      const file = join(GOLDEN, `${name}.${target}.${EXPORT_EXTENSIONS[target]}.golden`);
      if (UPDATE) writeFileSync(file, program);
      expect(program).toBe(readFileSync(file, 'utf8'));
    });

    it('the TypeScript program prints the engine’s value and gradient', () => {
      const program = exportProgram(graphOf(c.formula), c.at, 'ts', c.formula);
      expect(runTs(program)).toEqual(engineLines(c.formula, c.at));
    });
  });

  it.each(EVERY_OP)(
    'the TypeScript program for %s prints the engine’s numbers',
    (formula, point) => {
      expect(runTs(exportProgram(graphOf(formula), point, 'ts', formula))).toEqual(
        engineLines(formula, point),
      );
    },
  );

  it('renames variables that are keywords or clash with generated names, and prints their own names', () => {
    const formula = 'lambda*v1 + __proto__ - f + Math + sin_';
    const point: Point = Object.create(null) as Point;
    for (const [k, v] of [
      ['lambda', 2],
      ['v1', 3],
      ['__proto__', 5],
      ['f', 7],
      ['Math', 11],
      ['sin_', 13],
    ] as const)
      point[k] = v;
    const lines = runTs(exportProgram(graphOf(formula), point, 'ts', formula));
    expect(lines).toEqual(engineLines(formula, point));
    expect(lines).toContain('df/d__proto__ = 1');
    const py = exportProgram(graphOf(formula), point, 'pytorch', formula);
    expect(py).toContain('print("df/dlambda = "');
    expect(py).not.toMatch(/^lambda =/m);
  });

  it('keeps a formula’s line breaks and controls inside comments', () => {
    const formula = 'a = x*y\u2028;\nsin(a)\r\n';
    const program = exportProgram(graphOf('a = x*y; sin(a)'), { x: 1, y: 2 }, 'ts', formula);
    expect(runTs(program)).toEqual(engineLines('a = x*y; sin(a)', { x: 1, y: 2 }));
    for (const line of program.split('\n').slice(0, 4)) expect(line.startsWith('//')).toBe(true);
  });

  it('the TypeScript program runs on its own with npx tsx', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ad-export-'));
    try {
      const c = referenceCases.cases.find((k) => k.name === 'brief-example')!;
      const file = join(dir, 'f.ts');
      writeFileSync(file, exportProgram(graphOf(c.formula), c.at, 'ts', c.formula));
      const run = spawnSync('npx', ['--no-install', 'tsx', file], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim().split('\n')).toEqual(engineLines(c.formula, c.at));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  const python = spawnSync('python3', ['--version']).status === 0;
  it.runIf(python)(
    'every Python program compiles (python3 -m py_compile)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'ad-export-py-'));
      try {
        const files: string[] = [];
        const cases: [string, string, Point][] = [
          ...referenceCases.cases.map((c) => [c.name, c.formula, c.at] as [string, string, Point]),
          ...EVERY_OP.map(([f, p], i) => [`every-op-${i}`, f, p] as [string, string, Point]),
        ];
        const weird: Point = Object.create(null) as Point;
        weird.lambda = 1;
        weird.__proto__ = 2;
        cases.push(['names', 'lambda * __proto__', weird]);
        for (const [name, formula, point] of cases)
          for (const target of ['pytorch', 'jax', 'micrograd'] as const) {
            const file = join(dir, `${name.replace(/\W/g, '_')}_${target}.py`);
            writeFileSync(file, exportProgram(graphOf(formula), point, target, formula));
            files.push(file);
          }
        const run = spawnSync('python3', ['-m', 'py_compile', ...files], { encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(files.every((f) => existsSync(f))).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('micrograd: built-in operators where micrograd has them, definitions for the rest', () => {
    const program = exportProgram(
      graphOf('x*y + x^2 - relu(y)/2 + sin(x) + x^y'),
      { x: 1, y: 2 },
      'micrograd',
    );
    expect(program).toMatch(/^v\d+ = x \* y\s+#/m);
    expect(program).toMatch(/^v\d+ = x \*\* 2\.0\s+#/m);
    expect(program).toContain('y.relu()');
    expect(program).toMatch(/# micrograd's Value has no sin\. Defined here/);
    expect(program).toContain('def sin(x):');
    expect(program).toMatch(/def power\(x, y\):/);
    expect(program).not.toContain('def cos(');
  });

  it('PyTorch and JAX use the libraries’ own names and float64', () => {
    const formula = 'sigmoid(x) + softplus(y) + max(x, 2)';
    const torch = exportProgram(graphOf(formula), { x: 1, y: 2 }, 'pytorch');
    expect(torch).toContain('torch.sigmoid(x)');
    expect(torch).toContain('torch.nn.functional.softplus(y)');
    expect(torch).toContain('torch.maximum(x, torch.tensor(2.0, dtype=torch.float64))');
    expect(torch).toContain('requires_grad=True');
    const jax = exportProgram(graphOf(formula), { x: 1, y: 2 }, 'jax');
    expect(jax).toContain('jax.nn.softplus(y)');
    expect(jax).toContain('jax.config.update("jax_enable_x64", True)');
    expect(jax).toContain('jax.value_and_grad(f, argnums=tuple(range(2)))');
  });
});
