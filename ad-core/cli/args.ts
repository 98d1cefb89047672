// Command-line arguments → options, and `name=value,…` lists → points. Pure: no process, no I/O,
// errors are returned as messages for the caller to print with exit code 2.
import type { FdMethod, Mode, Point } from '../types.ts';
import { EXPORT_TARGETS, isExportTarget, type ExportTarget } from '../export/index.ts';

export interface CliOptions {
  formula: string;
  /** `--file F` or the argument `-` (stdin): where to read the formula; null: it is `formula`. */
  file: string | null;
  /** Raw `--at` text, parsed against the formula's variables once the formula compiles. */
  at: string | null;
  mode: Mode;
  /** Raw `--seed` text (forward mode). */
  seed: string | null;
  method: FdMethod;
  h: number | undefined;
  json: boolean;
  merge: boolean;
  /** Also print the Hessian (forward-over-reverse) and its finite-difference check. */
  hessian: boolean;
  /** `--export T`: print a runnable program for target T instead of the report. */
  export: ExportTarget | null;
  help: boolean;
}

export type ArgsResult = { ok: true; options: CliOptions } | { ok: false; message: string };

const METHODS: readonly FdMethod[] = ['central', 'forward', 'richardson', 'complex'];
const MODES: readonly Mode[] = ['reverse', 'forward'];
const VALUE_FLAGS = new Set(['--at', '--mode', '--seed', '--method', '--h', '--file', '--export']);

/**
 * Parses argv (without `node` and the script). One positional argument, the formula. Options take
 * their value as the next argument or after `=` (`--at=x=1`). Only `--…` and `-h` are options, so
 * a formula such as `-x^2` needs no quoting tricks; `--` ends the options, so a formula that
 * starts with `--` comes after it. The formula may instead be read from `--file F` or, given as
 * `-`, from stdin (the caller reads it: this module does no I/O).
 */
export function parseArgs(argv: readonly string[]): ArgsResult {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (optionsEnded || !(arg.startsWith('--') || arg === '-h')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return { ok: false, message: `${name} needs a value` };
      if (values.has(name)) return { ok: false, message: `${name} is given twice` };
      values.set(name, value);
    } else if (
      name === '--json' ||
      name === '--merge' ||
      name === '--hessian' ||
      name === '--help' ||
      name === '-h'
    ) {
      if (eq >= 0) return { ok: false, message: `${name} takes no value` };
      flags.add(name === '-h' ? '--help' : name);
    } else {
      return { ok: false, message: `unknown option ${name}` };
    }
  }

  const help = flags.has('--help');
  let file = values.get('--file') ?? null;
  if (file !== null && positional.length > 0) {
    return { ok: false, message: 'give the formula as an argument or with --file, not both' };
  }
  if (positional.length === 1 && positional[0] === '-' && !optionsEnded) {
    file = '-';
    positional.pop();
  }
  if (!help && file === null && positional.length === 0)
    return { ok: false, message: 'no formula given' };
  if (positional.length > 1) {
    return {
      ok: false,
      message: `expected one formula, got ${positional.length} arguments (quote the formula)`,
    };
  }

  const mode = values.get('--mode') ?? 'reverse';
  if (!isOneOf(mode, MODES))
    return { ok: false, message: `--mode must be reverse or forward, not "${mode}"` };
  const method = values.get('--method') ?? 'central';
  if (!isOneOf(method, METHODS)) {
    return { ok: false, message: `--method must be one of ${METHODS.join(', ')}, not "${method}"` };
  }
  const hText = values.get('--h');
  let h: number | undefined;
  if (hText !== undefined) {
    const parsed = parseNumber(hText);
    if (parsed === null || !(parsed > 0) || !Number.isFinite(parsed)) {
      return { ok: false, message: `--h must be a positive number, not "${hText}"` };
    }
    h = parsed;
  }
  const exportText = values.get('--export') ?? null;
  if (exportText !== null && !isExportTarget(exportText)) {
    return {
      ok: false,
      message: `--export must be one of ${EXPORT_TARGETS.join(', ')}, not "${exportText}"`,
    };
  }
  const seed = values.get('--seed') ?? null;
  if (seed !== null && mode !== 'forward')
    return { ok: false, message: '--seed needs --mode forward' };

  return {
    ok: true,
    options: {
      formula: positional[0] ?? '',
      file,
      at: values.get('--at') ?? null,
      mode,
      seed,
      method,
      h,
      json: flags.has('--json'),
      merge: flags.has('--merge'),
      hessian: flags.has('--hessian'),
      export: exportText,
      help,
    },
  };
}

function isOneOf<T extends string>(value: string, options: readonly T[]): value is T {
  return (options as readonly string[]).includes(value);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A plain number, or `pi`/`π`/`e`/`inf`/`infinity`/`nan` with an optional sign; null otherwise. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  const sign = t.startsWith('-') ? -1 : 1;
  const word = t.replace(/^[+-]/, '').toLowerCase();
  if (word === 'pi' || word === 'π') return sign * Math.PI;
  if (word === 'e') return sign * Math.E;
  if (word === 'inf' || word === 'infinity' || word === '∞') return sign * Infinity;
  if (word === 'nan') return NaN;
  return null;
}

export type AssignmentsResult = { ok: true; values: Point } | { ok: false; message: string };

/**
 * Parses `x=2,y=5` for `flag` against the formula's variables. Unknown and repeated names are
 * errors. When `requireAll`, every variable must be given (a missing one is an error naming it);
 * otherwise missing ones are 0 (a seed direction such as `--seed x=1`).
 */
export function parseAssignments(
  text: string,
  flag: string,
  variables: readonly string[],
  requireAll: boolean,
): AssignmentsResult {
  // No prototype, so a variable called `__proto__` or `constructor` is just a name.
  const values: Point = Object.create(null) as Point;
  const parts = text.trim() === '' ? [] : text.split(',');
  // A Set: `--at` for 10,000 variables was 10,000 scans of the list.
  const known = new Set(variables);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      const hint = /^\s*\d+\s*$/.test(part) ? ' (use "." for decimals: x=1.5)' : '';
      return { ok: false, message: `${flag}: expected name=value, got "${part.trim()}"${hint}` };
    }
    const name = part.slice(0, eq).trim();
    const valueText = part.slice(eq + 1);
    if (!known.has(name)) {
      const names =
        variables.length > 0
          ? `the formula's variables are ${variables.join(', ')}`
          : 'the formula has no variables';
      return { ok: false, message: `${flag}: unknown variable "${name}" (${names})` };
    }
    if (Object.hasOwn(values, name))
      return { ok: false, message: `${flag}: ${name} is given twice` };
    const value = parseNumber(valueText);
    if (value === null)
      return { ok: false, message: `${flag}: "${valueText.trim()}" is not a number (for ${name})` };
    values[name] = value;
  }
  const missing = variables.filter((v) => !Object.hasOwn(values, v));
  if (missing.length > 0) {
    if (requireAll) {
      const example = variables.map((v) => `${v}=…`).join(',');
      const noun = missing.length === 1 ? 'value' : 'values';
      return {
        ok: false,
        message: `${flag}: missing ${noun} for ${missing.join(', ')} (give ${flag} ${example})`,
      };
    }
    for (const v of missing) values[v] = 0;
  }
  return { ok: true, values };
}
