import { describe, expect, it } from 'vitest';
import { runCli, USAGE } from './run.ts';

describe('runCli', () => {
  it('prints the report and exits 0', () => {
    const r = runCli(['sin(x*y) + exp(x)/y', '--at', 'x=1,y=2']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^value {2}2\.2684383410552043$/m);
    expect(r.stdout).toContain('Reverse-mode trace');
  });

  it('prints a bad formula with its code frame on stderr and exits 1', () => {
    const r = runCli(['sin(x', '--at', 'x=1']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 3)).toEqual(['1:4', '1 | sin(x', '  |    ^']);
    expect(r.stderr).toContain('error[unclosed-paren]');
  });

  it('exits 2 with a message for a bad, unknown or missing --at value', () => {
    for (const [at, message] of [
      ['x=abc,y=1', '"abc" is not a number'],
      ['x=1,y=2,w=3', 'unknown variable "w"'],
      ['x=1', 'missing value for y'],
    ]) {
      const r = runCli(['x*y', '--at', at ?? '']);
      expect(r.exitCode, at).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
    }
    expect(runCli(['x*y']).stderr).toContain('missing values for x, y');
  });

  it('needs no --at for a formula without variables', () => {
    const r = runCli(['2^10', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, value: 1024, gradient: {}, check: [] });
  });

  it('in JSON mode writes every outcome as one JSON object on stdout', () => {
    const ok = runCli(['x^2', '--at', 'x=3', '--json']);
    expect(ok.exitCode).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, value: 9, gradient: { x: 6 } });
    const bad = runCli(['x^', '--at', 'x=3', '--json']);
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'unexpected-end' }],
    });
    const usage = runCli(['x^2', '--at', 'y=3', '--json']);
    expect(usage.exitCode).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({
      ok: false,
      error: expect.stringContaining('unknown variable "y"'),
    });
  });

  it('forward mode seeds the first variable by default and follows --seed', () => {
    const first = JSON.parse(
      runCli(['x*y', '--at', 'x=3,y=4', '--mode', 'forward', '--json']).stdout,
    );
    expect(first).toMatchObject({
      mode: 'forward',
      seed: { x: 1, y: 0 },
      directionalDerivative: 4,
    });
    const seeded = JSON.parse(
      runCli(['x*y', '--at', 'x=3,y=4', '--mode', 'forward', '--seed', 'y=2', '--json']).stdout,
    );
    expect(seeded).toMatchObject({ seed: { x: 0, y: 2 }, directionalDerivative: 6 });
    expect(seeded.nodes.map((n: { tangent: number }) => n.tangent)).toEqual([0, 2, 6]);
  });

  it('uses --method and --h for the check', () => {
    const r = JSON.parse(
      runCli(['x^3', '--at', 'x=2', '--method', 'forward', '--h', '1e-2', '--json']).stdout,
    );
    expect(r.check[0]).toMatchObject({ method: 'forward', h: 0.02, status: 'mismatch' });
  });

  it('merges common subexpressions with --merge', () => {
    const plain = JSON.parse(runCli(['sin(x) + sin(x)', '--at', 'x=1', '--json']).stdout);
    const merged = JSON.parse(
      runCli(['sin(x) + sin(x)', '--at', 'x=1', '--merge', '--json']).stdout,
    );
    expect([plain.nodes.length, merged.nodes.length]).toEqual([4, 3]);
    expect(merged.gradient.x).toBe(plain.gradient.x);
  });

  it('prints help and exits 0', () => {
    expect(runCli(['--help'])).toEqual({ stdout: USAGE, stderr: '', exitCode: 0 });
  });

  it('reports usage errors with exit 2', () => {
    const r = runCli(['x', '--bogus']);
    expect(r).toMatchObject({ exitCode: 2, stdout: '' });
    expect(r.stderr).toContain('unknown option --bogus');
  });
});
