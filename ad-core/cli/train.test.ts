import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';
import { isTrainInvocation, type ReadFile } from './train.ts';

const LINE = 'x,y\n0,1\n1,3\n2,5.2\n3,6.9\n';
const files: Record<string, string> = {
  'line.csv': LINE,
  'bad.csv': 'x,y\n0,1\n1,abc\n',
  'ragged.csv': 'x,y\n0,1\n2\n',
};
const readFile: ReadFile = (path) =>
  Object.hasOwn(files, path) ? { ok: true, text: files[path]! } : { ok: false, reason: 'ENOENT' };

const train = (...args: string[]) => runCli(['(w*x+b-y)^2', '--params', 'w,b', ...args], readFile);

describe('training from the command line', () => {
  it('hands over to training only when a training option is present', () => {
    expect(isTrainInvocation(['x', '--at', 'x=1'])).toBe(false);
    expect(isTrainInvocation(['x', '--params=w'])).toBe(true);
  });

  it('prints the JSON the issue asks for: loss of every step, final params and gradient', () => {
    const r = train(
      '--data',
      'line.csv',
      '--lr',
      '0.05',
      '--steps',
      '500',
      '--at',
      'w=0,b=0',
      '--json',
    );
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.loss).toHaveLength(500);
    // At w = b = 0 the first loss is the mean of y²: (1 + 9 + 27.04 + 47.61) / 4.
    expect(out.loss[0]).toBeCloseTo(84.65 / 4, 12);
    expect(out.loss[499]).toBeLessThan(out.loss[0]);
    // The least-squares line through the four points: w = 1.99, b = 1.04.
    expect(out.params.w).toBeCloseTo(1.99, 6);
    expect(out.params.b).toBeCloseTo(1.04, 6);
    expect(Math.abs(out.gradient.w)).toBeLessThan(1e-6);
    expect(Object.keys(out.gradient)).toEqual(['w', 'b']);
  });

  it('starts from the seeded random initialisation without --at, the same every time', () => {
    const a = JSON.parse(train('--data', 'line.csv', '--steps', '5', '--json').stdout);
    const b = JSON.parse(train('--data', 'line.csv', '--steps', '5', '--json').stdout);
    const c = JSON.parse(
      train('--data', 'line.csv', '--steps', '5', '--init', '2', '--json').stdout,
    );
    expect(a.loss).toEqual(b.loss);
    expect(a.initial).not.toEqual(c.initial);
  });

  it('trains with Adam and mini-batches', () => {
    const r = train(
      '--data',
      'line.csv',
      '--steps',
      '300',
      '--opt',
      'adam',
      '--lr',
      '0.1',
      '--batch',
      '2',
      '--json',
    );
    const out = JSON.parse(r.stdout);
    expect(out.optimizer).toBe('adam');
    expect(out.batch).toBe(2);
    expect(out.finalLoss).toBeLessThan(0.1);
  });

  it('prints the loss every N steps and the final parameters as text', () => {
    const r = train('--data', 'line.csv', '--steps', '30', '--every', '10', '--at', 'w=0,b=0');
    expect(r.exitCode).toBe(0);
    const steps = r.stdout.match(/^ +\d+(?= {2})/gm)!.map((s) => Number(s));
    expect(steps).toEqual([1, 10, 20, 30]);
    expect(r.stdout).toMatch(/^w +[-\d.e]+ +[-\d.e]+$/m);
    expect(r.stdout).toMatch(/^b +[-\d.e]+ +[-\d.e]+$/m);
  });

  it('names the row and column of a bad cell and exits 2', () => {
    const r = train('--data', 'bad.csv');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('Row 2, column y: "abc" is not a number');
    const j = JSON.parse(train('--data', 'bad.csv', '--json').stdout);
    expect(j).toMatchObject({
      ok: false,
      diagnostics: [{ row: 2, column: 'y', code: 'data-not-a-number' }],
    });
  });

  it('names a ragged row, a missing column and an unreadable file (exit 2)', () => {
    const ragged = train('--data', 'ragged.csv');
    expect(ragged.exitCode).toBe(2);
    expect(ragged.stderr).toContain('Row 2 has 1 cell');
    const missing = runCli(['(w*x+b-z)^2', '--params', 'w,b', '--data', 'line.csv'], readFile);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('"z" is neither a parameter nor a column');
    const absent = train('--data', 'nope.csv');
    expect(absent.exitCode).toBe(2);
    expect(absent.stderr).toContain('cannot read nope.csv');
  });

  it('refuses bad options with a message (exit 2) and a bad formula with a code frame (exit 1)', () => {
    for (const args of [
      ['--data', 'line.csv', '--opt', 'rmsprop'],
      ['--data', 'line.csv', '--lr', '-1'],
      ['--data', 'line.csv', '--steps', '2.5'],
      ['--data', 'line.csv', '--at', 'w=1'],
      ['--lr', '0.1'],
    ]) {
      const r = train(...args);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
    }
    const bad = runCli(['(w*x+', '--params', 'w', '--data', 'line.csv'], readFile);
    expect(bad.exitCode).toBe(1);
  });
});

describe('npm run ad with --data (the real entry point)', () => {
  it('reads the file, and a bad one gets a diagnostic, exit 2, never a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ad-train-'));
    writeFileSync(join(dir, 'line.csv'), LINE);
    writeFileSync(join(dir, 'bad.csv'), 'x,y\n1,2\n3,x4\n');
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const run = (file: string) =>
      spawnSync(
        'npx',
        [
          'tsx',
          'ad-core/cli/main.ts',
          '(w*x+b-y)^2',
          '--params',
          'w,b',
          '--data',
          join(dir, file),
          '--steps',
          '50',
          '--json',
        ],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
    const good = run('line.csv');
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout).loss).toHaveLength(50);
    const bad = run('bad.csv');
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error).toContain('Row 2, column y');
    expect(bad.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
