// Every formula case of the hostile corpus (e2e/hostile/corpus.ts) through the engine and the CLI
// (in-process, text and JSON): what the case says must happen, and nothing printed raw.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectedNumber, FORMULA_CASES, type HostileCase } from '../../e2e/hostile/corpus.ts';
import { nameWarnings } from '../confusables.ts';
import { compile } from '../graph.ts';
import { gradient } from '../reverse.ts';
import { runCli } from './run.ts';
import type { ReadFile } from './train.ts';

const RAW_UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const atText = (c: HostileCase) =>
  Object.entries(c.at ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

function expectNumber(
  actual: unknown,
  expected: Parameters<typeof expectedNumber>[0],
  what: string,
  json = false,
) {
  const want = expectedNumber(expected);
  // JSON writes non-finite numbers as strings, and cannot write -0 (JSON.stringify gives 0).
  const got = typeof actual === 'string' ? expectedNumber(actual as 'NaN') : (actual as number);
  const same =
    Object.is(got, want) ||
    (Number.isNaN(want) && Number.isNaN(got)) ||
    (json && want === 0 && got === 0);
  expect(same, `${what}: ${String(actual)} vs ${String(expected)}`).toBe(true);
}

describe.each(FORMULA_CASES.map((c) => [c.id, c] as const))('hostile case %s', (_id, c) => {
  const source = c.source!();

  it(`engine: ${c.what}`, () => {
    const built = compile(source);
    if (c.expect.kind === 'diagnostic') {
      expect(built.ok).toBe(false);
      if (built.ok) return;
      if (c.expect.code) expect(built.diagnostics[0]!.code).toBe(c.expect.code);
      for (const d of built.diagnostics) {
        expect(d.span.start).toBeGreaterThanOrEqual(0);
        expect(d.span.start).toBeLessThanOrEqual(d.span.end);
        expect(d.span.end).toBeLessThanOrEqual(source.length);
        expect(d.message.length).toBeGreaterThan(0);
      }
      return;
    }
    expect(c.expect.kind).toBe('value');
    if (c.expect.kind !== 'value') return;
    expect(built.ok, built.ok ? '' : built.diagnostics[0]!.message).toBe(true);
    if (!built.ok) return;
    const g = gradient(built.graph, c.at ?? {});
    if (c.expect.value !== undefined) expectNumber(g.value, c.expect.value, 'value');
    for (const [name, want] of Object.entries(c.expect.gradient ?? {})) {
      expect(Object.hasOwn(g.gradient, name), name).toBe(true);
      expectNumber(g.gradient[name], want, `∂f/∂${name}`);
    }
    const warnings = nameWarnings(source).map((w) => w.code);
    if (c.expect.warning) expect(warnings).toContain(c.expect.warning);
    else expect(warnings).toEqual([]);
  });

  // Seconds of CPU (a 500,000-node trace; 10,000 variables checked), minutes on a loaded machine.
  const limit = c.cli === 'long' ? 300_000 : undefined;

  const read: ReadFile = (path) =>
    path === 'formula.txt' ? { ok: true, text: source } : { ok: false, reason: 'ENOENT' };
  const argv = [
    '--file',
    'formula.txt',
    ...(c.at && Object.keys(c.at).length > 0 ? ['--at', atText(c)] : []),
  ];

  it(
    `CLI JSON: ${c.what}`,
    () => {
      const r = runCli([...argv, '--json'], read);
      expect(r.stdout).not.toMatch(RAW_UNSAFE);
      const out = JSON.parse(r.stdout);
      if (c.expect.kind === 'diagnostic') {
        expect(r.exitCode).toBe(1);
        expect(out.ok).toBe(false);
        if (c.expect.code) expect(out.diagnostics[0].code).toBe(c.expect.code);
        for (const d of out.diagnostics) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(source.length);
        }
        return;
      }
      expect(r.exitCode, r.stdout.slice(0, 200)).toBe(0);
      expect(out.ok).toBe(true);
      if (c.expect.kind !== 'value') return;
      if (c.expect.value !== undefined) expectNumber(out.value, c.expect.value, 'value', true);
      for (const [name, want] of Object.entries(c.expect.gradient ?? {})) {
        expect(Object.hasOwn(out.gradient, name), name).toBe(true);
        expectNumber(out.gradient[name], want, `∂f/∂${name}`, true);
      }
    },
    limit,
  );

  // Text output of a megabyte-long name is megabytes of table: the JSON run above covers those.
  if (source.length < 100_000) {
    it(
      `CLI text: ${c.what}`,
      () => {
        const r = runCli(argv, read);
        expect(r.exitCode).toBe(c.expect.kind === 'diagnostic' ? 1 : 0);
        expect(r.stdout + r.stderr).not.toMatch(RAW_UNSAFE);
        if (c.expect.kind === 'diagnostic') expect(r.stderr).toMatch(/^error\[[a-z-]+\]: /m);
        else expect(r.stdout).toMatch(/^value +\S/m);
      },
      limit,
    );
  }
});

describe('hostile cases through the real CLI', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  it('an escape sequence and a __proto__ variable, spawned as npm run ad runs them', () => {
    const esc = FORMULA_CASES.find((c) => c.id === 'escape-sequence')!;
    const r = spawnSync('npx', ['tsx', 'ad-core/cli/main.ts', '-', '--at', 'x=1'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      input: esc.source!(),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('\\u001b');
    expect(r.stderr).not.toMatch(RAW_UNSAFE);
    const proto = spawnSync(
      'npx',
      ['tsx', 'ad-core/cli/main.ts', '--json', '--at', '__proto__=3', '--', '__proto__*2'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(JSON.parse(proto.stdout)).toMatchObject({
      ok: true,
      value: 6,
      gradient: { __proto__: 2 },
    });
  });
});
