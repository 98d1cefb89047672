import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.ts';
import { runCli } from './run.ts';

describe('CLI --hessian', () => {
  it('is a flag without a value', () => {
    const parsed = parseArgs(['x*y', '--at', 'x=1,y=2', '--hessian']);
    expect(parsed.ok && parsed.options.hessian).toBe(true);
    expect(parseArgs(['x', '--hessian=1']).ok).toBe(false);
    const plain = parseArgs(['x']);
    expect(plain.ok && plain.options.hessian).toBe(false);
  });

  it('prints the matrix with names on both sides and its check as text', () => {
    const out = runCli(['x^2*y + sin(y)', '--at', 'x=1,y=2', '--hessian']);
    expect(out.exitCode).toBe(0);
    const lines = out.stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('Hessian (forward-over-reverse'));
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]!.trim().split(/\s+/)).toEqual(['x', 'y']);
    expect(lines[start + 2]!.trim().split(/\s+/)).toEqual(['x', '4', '2']);
    expect(lines[start + 3]!.trim().split(/\s+/)).toEqual(['y', '2', '−0.9092974268256817']);
    expect(out.stdout).toMatch(/∂²f\/∂y∂y .* pass/);
    expect(out.stdout).not.toMatch(/mismatch/);
  });

  it('adds "hessian" keyed by variable names to the JSON, non-finite entries as strings', () => {
    const out = runCli(['log(x)*y', '--at', 'x=0,y=2', '--hessian', '--json']);
    const json = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(json.ok).toBe(true);
    expect(json.hessian).toEqual({
      x: { x: '-Infinity', y: 'Infinity' },
      y: { x: 'Infinity', y: 0 },
    });
    const smooth = JSON.parse(
      runCli(['x*y*y', '--at', 'x=3,y=2', '--hessian', '--json']).stdout,
    ) as {
      hessian: unknown;
      hessianCheck: Record<string, Record<string, { status: string }>>;
    };
    expect(smooth.hessian).toEqual({ x: { x: 0, y: 4 }, y: { x: 4, y: 6 } });
    expect(smooth.hessianCheck.y!.x!.status).toBe('pass');
  });

  it('leaves the JSON without "hessian" unless asked', () => {
    const json = JSON.parse(runCli(['x*y', '--at', 'x=1,y=2', '--json']).stdout) as object;
    expect(json).not.toHaveProperty('hessian');
  });

  it('explains instead of printing a matrix past 8 variables', () => {
    const names = ['a', 'b', 'c', 'd', 'f', 'g', 'h', 'k', 'm'];
    const at = names.map((n) => `${n}=1`).join(',');
    const text = runCli([names.join('+'), '--at', at, '--hessian']);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain(
      'The Hessian is shown for up to 8 variables; this formula has 9.',
    );
    const json = JSON.parse(
      runCli([names.join('+'), '--at', at, '--hessian', '--json']).stdout,
    ) as {
      hessianError: { code: string; limit: number };
    };
    expect(json.hessianError.code).toBe('too-many-variables');
    expect(json.hessianError.limit).toBe(8);
  });

  it('keys a variable called __proto__ like any other', () => {
    const json = JSON.parse(
      runCli(['__proto__^2', '--at', '__proto__=3', '--hessian', '--json']).stdout,
    ) as {
      hessian: Record<string, Record<string, number>>;
    };
    expect(Object.keys(json.hessian)).toEqual(['__proto__']);
    expect(json.hessian['__proto__']!['__proto__']).toBe(2);
  });
});
