import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';

type JacobianJson = {
  ok: boolean;
  value: unknown;
  outputs: unknown[];
  jacobian: Record<string, Record<string, unknown>>;
  jacobianPasses: { forward: number; reverse: number; cheaper: string };
  jacobianCheck?: Record<string, Record<string, { status: string }>>;
};

function json(argv: string[]): JacobianJson {
  const out = runCli([...argv, '--json']);
  expect(out.exitCode).toBe(0);
  return JSON.parse(out.stdout) as JacobianJson;
}

describe('CLI with several outputs', () => {
  it('JSON: "jacobian" keyed by output index then variable, with the closed form', () => {
    const r = json(['x*y, sin(x), x + y', '--at', 'x=2,y=3']);
    expect(r.ok).toBe(true);
    expect(r.value).toBe(6);
    expect(r.outputs).toEqual([6, Math.sin(2), 5]);
    expect(Object.keys(r.jacobian)).toEqual(['0', '1', '2']);
    expect(r.jacobian['0']).toEqual({ x: 3, y: 2 });
    expect(r.jacobian['1']!.x).toBeCloseTo(Math.cos(2), 14);
    expect(r.jacobian['1']!.y).toBe(0);
    expect(r.jacobian['2']).toEqual({ x: 1, y: 1 });
    expect(r.jacobianPasses).toEqual({ forward: 2, reverse: 3, cheaper: 'forward' });
    const statuses = Object.values(r.jacobianCheck!).flatMap((row) =>
      Object.values(row).map((c) => c.status),
    );
    expect(statuses).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
  });

  it('JSON: non-finite entries as strings; a variable called __proto__ is an ordinary key', () => {
    const r = json(['log(x), __proto__*x', '--at', 'x=0,__proto__=2']);
    expect(r.outputs).toEqual(['-Infinity', 0]);
    expect(r.jacobian['0']).toEqual(JSON.parse('{"x": "Infinity", "__proto__": 0}'));
    expect(Object.keys(r.jacobian['1']!)).toEqual(['x', '__proto__']);
  });

  it('JSON: a single-output formula has no Jacobian fields', () => {
    const r = json(['x*y', '--at', 'x=2,y=3']);
    expect(r).not.toHaveProperty('jacobian');
    expect(r).not.toHaveProperty('jacobianPasses');
    expect(runCli(['x*y', '--at', 'x=2,y=3']).stdout).not.toContain('Jacobian');
  });

  it('text: the matrix with outputs as rows, the passes of each mode and the cheaper named', () => {
    const out = runCli(['t^2, sin(t), exp(t)', '--at', 't=0']);
    expect(out.exitCode).toBe(0);
    const lines = out.stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('Jacobian (row j'));
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]!.trim().split(/\s+/)).toEqual(['output', 'value', '∂/∂t']);
    expect(lines[start + 2]!.trim().split(/\s+/)).toEqual(['y₁', '0', '0']);
    expect(lines[start + 3]!.trim().split(/\s+/)).toEqual(['y₂', '0', '1']);
    expect(lines[start + 4]!.trim().split(/\s+/)).toEqual(['y₃', '1', '1']);
    expect(out.stdout).toContain('forward mode 1 pass (one per variable, a column each)');
    expect(out.stdout).toContain('reverse mode 3 passes (one per output, a row each)');
    expect(out.stdout).toContain('forward mode is cheaper (1 against 3)');
    expect(out.stdout).toMatch(/∂y₃\/∂t .* pass/);
  });

  it('text: reverse mode named cheaper when outputs are fewer than inputs', () => {
    const out = runCli(['x*y*z, x + y + z', '--at', 'x=1,y=2,z=3']);
    expect(out.stdout).toContain('reverse mode is cheaper (2 against 3)');
  });

  it('past 2,500 entries: only the cheaper mode runs and the check is left out, said so', () => {
    const names = Array.from({ length: 1300 }, (_, i) => `x${i}`);
    const formula = `${names.join(' + ')}, x0*x1`;
    const at = names.map((n) => `${n}=1`).join(',');
    const out = runCli([formula, '--at', at]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('Built by reverse mode only (too many entries to run both).');
    expect(out.stdout).toContain('Jacobian check left out: 2,600 entries (the limit is 2,500).');
    const r = json([formula, '--at', at]);
    expect(r.jacobianPasses).toEqual({ forward: 1300, reverse: 2, cheaper: 'reverse' });
    expect(r.jacobian['1']).toMatchObject({ x0: 1, x1: 1, x2: 0 });
    expect(r.jacobian['0']!.x1299).toBe(1);
    expect(r).not.toHaveProperty('jacobianCheck');
  });

  it('a misplaced list of outputs is a formula error with a caret', () => {
    const out = runCli(['a = x, y\na', '--at', 'x=1,y=2']);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('A name holds one value');
  });
});
