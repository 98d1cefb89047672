// The real entry point, spawned as `npm run ad` would run it: stdout, stderr and exit codes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'ad-core/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('ad-core/cli/main.ts', () => {
  it('prints value, gradient, check and trace for a good formula (exit 0)', () => {
    const r = cli('(x+y)*z', '--at', 'x=-2,y=5,z=-4');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^value {2}−12$/m);
    expect(r.stdout).toMatch(/^∂f\/∂z {2}3$/m);
    expect(r.stdout).toContain('Gradient check');
    expect(r.stdout).toMatch(/^v₂ +v₂ = v₁ · v₀ +−12 +1$/m);
  });

  it('prints one parsable JSON object with --json', () => {
    const r = cli('ln(x1) + x1*x2 - sin(x2)', '--at', 'x1=2,x2=5', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.gradient.x1).toBe(5.5);
    expect(out.check.map((c: { status: string }) => c.status)).toEqual(['pass', 'pass']);
  });

  it('exits 1 with a code frame for a bad formula and 2 for a bad --at', () => {
    const bad = cli('2 + * 3');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/\n {2}\| {5}\^\n/);
    const at = cli('x*y', '--at', 'x=1');
    expect(at.status).toBe(2);
    expect(at.stderr).toContain('missing value for y');
  });
});
