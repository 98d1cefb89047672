import { describe, expect, it } from 'vitest';
import { parseArgs } from '../cli/args.ts';
import { runCli } from '../cli/run.ts';
import { graphOf } from '../test-support.ts';
import { exportProgram } from './index.ts';

describe('CLI --export', () => {
  it('takes one of the four targets and nothing else', () => {
    const parsed = parseArgs(['x*y', '--at', 'x=1,y=2', '--export', 'jax']);
    expect(parsed.ok && parsed.options.export).toBe('jax');
    const bad = parseArgs(['x*y', '--export=numpy']);
    expect(bad).toEqual({
      ok: false,
      message: '--export must be one of pytorch, jax, micrograd, ts, not "numpy"',
    });
  });

  it.each(['pytorch', 'jax', 'micrograd', 'ts'] as const)(
    'prints the %s program for the formula and point, nothing else',
    (target) => {
      const out = runCli(['sin(x*y) + exp(x)/y', '--at', 'x=1,y=2', '--export', target]);
      expect(out.exitCode).toBe(0);
      expect(out.stdout).toBe(
        exportProgram(
          graphOf('sin(x*y) + exp(x)/y'),
          { x: 1, y: 2 },
          target,
          'sin(x*y) + exp(x)/y',
        ),
      );
    },
  );

  it('still needs a value for every variable, and wraps the program in JSON with --json', () => {
    expect(runCli(['x*y', '--at', 'x=1', '--export', 'ts']).exitCode).toBe(2);
    const json = JSON.parse(
      runCli(['x*y', '--at', 'x=1,y=2', '--export', 'ts', '--json']).stdout,
    ) as {
      ok: boolean;
      target: string;
      code: string;
    };
    expect(json.ok).toBe(true);
    expect(json.target).toBe('ts');
    expect(json.code).toContain('console.log(`f = ${f}`);');
  });
});
