// The CLI with hostile input: formulas from files and stdin, formulas that look like options, and
// control or bidi characters that must never reach the terminal raw.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';
import type { ReadFile } from './train.ts';

// C0 (but tab and newline), DEL, C1, bidi controls, line separators, lone surrogates.
const RAW_UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const files =
  (map: Record<string, string>): ReadFile =>
  (path) =>
    Object.hasOwn(map, path) ? { ok: true, text: map[path]! } : { ok: false, reason: 'ENOENT' };

describe('formula from --file or stdin', () => {
  it('reads --file F, without a leading byte-order mark', () => {
    const r = runCli(
      ['--file', 'f.txt', '--at', 'x=3', '--json'],
      files({ 'f.txt': '\uFEFFx*x\n' }),
    );
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, value: 9, gradient: { x: 6 } });
  });

  it('reads stdin when the formula is "-"', () => {
    const r = runCli(['-', '--at', 'x=2', '--json'], files({ '-': 'a = x*x\nsin(a) + a' }));
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, value: Math.sin(4) + 4 });
  });

  it('takes a formula longer than a command line can carry (200 KiB)', () => {
    const big = Array.from({ length: 25_000 }, (_, i) => `x*${i % 10}`).join(' + ');
    expect(big.length).toBeGreaterThan(128 * 1024);
    const r = runCli(['--file', 'big', '--at', 'x=1', '--json'], files({ big }));
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).gradient.x).toBe(112_500);
  });

  it('says why a file cannot be read, and refuses a formula given twice', () => {
    const missing = runCli(['--file', 'nope.txt', '--at', 'x=1'], files({}));
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('cannot read --file nope.txt: ENOENT');
    const twice = runCli(['x', '--file', 'f'], files({ f: 'x' }));
    expect(twice.exitCode).toBe(2);
    expect(twice.stderr).toContain('not both');
    // Without file access (an embedding that passes none) the CLI says so instead of throwing.
    expect(runCli(['-', '--at', 'x=1']).stderr).toContain('cannot read the formula from stdin');
  });

  it('a bad formula from a file gets its code frame like one typed', () => {
    const r = runCli(['--file', 'f'], files({ f: 'y = x*2\nsin(y' }));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^2:\d+\n2 \| sin\(y\n/);
  });
});

describe('a formula that starts with --', () => {
  it('comes after --, which ends the options', () => {
    const r = runCli(['--at', 'x=2', '--json', '--', '--x']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, value: 2, gradient: { x: 1 } });
    expect(runCli(['--x']).stderr).toContain('unknown option --x');
  });

  it('and the help says so', () => {
    const help = runCli(['--help']).stdout;
    expect(help).toContain("-- '--x'");
    expect(help).toContain('--file F');
  });
});

describe('no raw control or bidi character is ever printed', () => {
  const hostile = [
    '\u001b[31m',
    '\u0007',
    '\u009b2J',
    '\u202e',
    '\u2066',
    '\u0085',
    '\r',
    '\ud800',
  ];

  it('--at names and values are echoed escaped, text and JSON', () => {
    const r = runCli(['x*2', '--at', 'x=1,\u001b[31mred=2']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('unknown variable "\\u001b[31mred"');
    expect(r.stderr).not.toMatch(RAW_UNSAFE);
    for (const bad of hostile) {
      for (const argv of [
        ['x*2', '--at', `x=1,${bad}q=2`],
        ['x*2', '--at', `x=${bad}`],
        ['x*2', '--mode', `a${bad}b`],
        ['x*2', '--method', bad],
        [`--${bad}`],
        ['x', '--at', 'x=1', '--mode', 'forward', '--seed', `${bad}=1`],
      ]) {
        for (const json of [false, true]) {
          const out = runCli(json ? [...argv, '--json'] : argv);
          expect(out.exitCode, JSON.stringify(argv)).toBe(2);
          expect(out.stdout + out.stderr, JSON.stringify(argv)).not.toMatch(RAW_UNSAFE);
          if (json) expect(() => JSON.parse(out.stdout)).not.toThrow();
          // (a carriage return at an edge is trimmed away as whitespace before it is echoed)
          else if (bad !== '\r') expect(out.stderr).toMatch(/\\u[0-9a-f]{4}/);
        }
      }
    }
  });

  it('a source line under the caret shows the escape, with the caret under it', () => {
    const r = runCli(['x\u0007 + 1', '--at', 'x=1']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n').slice(1, 3)).toEqual(['1 | x\\u0007 + 1', '  |  ^^^^^^']);
    const esc = runCli(['x + \u001b[2J', '--json']);
    expect(esc.stdout).not.toMatch(RAW_UNSAFE);
    expect(JSON.parse(esc.stdout).ok).toBe(false);
  });

  it('a formula line that compiles is echoed escaped too (bidi override in a comment)', () => {
    for (const bad of hostile) {
      const r = runCli([`x*2 # ${bad} note`, '--at', 'x=1']);
      if (r.exitCode === 0) {
        expect(r.stdout).toMatch(/^formula {2}x\*2 # \\u[0-9a-f]{4}/m);
      }
      expect(r.stdout + r.stderr).not.toMatch(RAW_UNSAFE);
    }
  });
});

describe('the real entry point', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const cli = (args: string[], input?: string) =>
    spawnSync('npx', ['tsx', 'ad-core/cli/main.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      // The JSON trace of a 75,000-node formula is far over the default 1 MB.
      maxBuffer: 256 * 1024 * 1024,
      ...(input !== undefined ? { input } : {}),
    });

  it('reads a formula over 128 KiB from --file and from stdin', () => {
    const big = Array.from({ length: 25_000 }, () => 'x*2').join(' + ');
    expect(big.length).toBeGreaterThan(128 * 1024);
    const dir = mkdtempSync(join(tmpdir(), 'ad-cli-'));
    writeFileSync(join(dir, 'big.txt'), big);
    const fromFile = cli(['--file', join(dir, 'big.txt'), '--at', 'x=1', '--json']);
    expect(fromFile.status).toBe(0);
    expect(JSON.parse(fromFile.stdout).gradient.x).toBe(50_000);
    const fromStdin = cli(['-', '--at', 'x=1', '--json'], big);
    expect(fromStdin.status).toBe(0);
    expect(JSON.parse(fromStdin.stdout).value).toBe(50_000);
  });

  it('writes no escape sequence to the terminal', () => {
    const r = cli(['x*2', '--at', 'x=1,\u001b[31mred=2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('\\u001b[31mred');
    expect(r.stderr).not.toMatch(RAW_UNSAFE);
  });
});
