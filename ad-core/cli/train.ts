// `npm run ad -- '<loss>' --params w,b --data data.csv …`: training from the command line, for
// autograders. Pure like run.ts: the data file is read through the `readFile` it is given.
// Exit codes as run.ts: 0 ok, 1 the formula has an error, 2 a usage or data error.
import { formatCodeFrame } from '../diagnostics.ts';
import { compile } from '../graph.ts';
import type { Diagnostic } from '../types.ts';
import { parseDataTable, type DataDiagnostic } from '../train/data.ts';
import { batchLossAndGradient } from '../train/model.ts';
import { buildModel } from '../train/model.ts';
import { isOptimizerId, type OptimizerId } from '../train/optimizers.ts';
import { DEFAULT_INIT_SEED } from '../train/prng.ts';
import { startRun, trainStep, type TrainSettings } from '../train/trainer.ts';
import { parseAssignments, parseNumber } from './args.ts';
import { diagnosticsJson, jsonNumber, renderJson, usageErrorJson } from './render-json.ts';

export interface TrainCliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Reads a file as text; null (with a reason) when it cannot be read. */
export type ReadFile = (path: string) => { ok: true; text: string } | { ok: false; reason: string };

/** The options that switch the CLI into training (run.ts hands over when one is present). */
export const TRAIN_FLAGS = [
  '--params',
  '--data',
  '--lr',
  '--steps',
  '--opt',
  '--batch',
  '--every',
  '--init',
];

export function isTrainInvocation(argv: readonly string[]): boolean {
  return argv.some((a) => TRAIN_FLAGS.some((f) => a === f || a.startsWith(f + '=')));
}

export const TRAIN_USAGE = `Usage: npm run --silent ad -- '<per-example loss>' --params w,b --data data.csv [options]

Trains the parameters on the data: the training loss is the mean of the formula over the rows
of the data file (CSV, header first; every variable that is not a parameter is a column).

Options:
  --params w,b           the names that are trained (required)
  --data FILE            the data table, CSV with a header line (required, at most 1000 rows)
  --lr 0.05              learning rate (default 0.05)
  --steps 500            number of steps (default 100)
  --opt sgd|momentum|adam  optimizer (default sgd; momentum 0.9; Adam β1 0.9, β2 0.999, ε 1e-8)
  --batch N              rows per step, taken in a seeded shuffled order (default: all rows)
  --at w=0,b=0           initial parameters (default: seeded random, uniform in [-1, 1))
  --init 1               seed of the random initialisation and mini-batch order (default 1)
  --every N              print the loss every N steps (default: about 10 lines)
  --json                 one JSON object: {"ok":true,"loss":[…],"params":{…},"gradient":{…}}
                         (loss of every step, first to last; gradient at the final parameters,
                         over all rows)

Exit codes: 0 ok; 1 the formula has an error; 2 a usage or data error (the message names the
row and column of a bad cell).
`;

interface TrainOptions {
  formula: string;
  params: string[];
  data: string;
  lr: number;
  steps: number;
  optimizer: OptimizerId;
  batch: number | null;
  at: string | null;
  seed: number;
  every: number | null;
  json: boolean;
}

const VALUE_FLAGS = new Set([...TRAIN_FLAGS, '--at']);
const MAX_STEPS = 1_000_000;

function parseTrainArgs(
  argv: readonly string[],
): { ok: true; options: TrainOptions } | { ok: false; message: string } {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let json = false;
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (optionsEnded || !arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (name === '--json' && eq < 0) {
      json = true;
    } else if (VALUE_FLAGS.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return { ok: false, message: `${name} needs a value` };
      if (values.has(name)) return { ok: false, message: `${name} is given twice` };
      values.set(name, value);
    } else {
      return { ok: false, message: `unknown option ${name} when training (see --help)` };
    }
  }
  if (positional.length !== 1) {
    return {
      ok: false,
      message:
        positional.length === 0
          ? 'no formula given'
          : `expected one formula, got ${positional.length} arguments (quote the formula)`,
    };
  }
  const paramsText = values.get('--params');
  if (paramsText === undefined)
    return { ok: false, message: '--data needs --params (the names to train)' };
  const params = paramsText.split(',').map((p) => p.trim());
  if (params.some((p) => p === ''))
    return { ok: false, message: `--params: empty name in "${paramsText}"` };
  if (new Set(params).size !== params.length)
    return { ok: false, message: '--params: a name is given twice' };
  const data = values.get('--data');
  if (data === undefined)
    return { ok: false, message: '--params needs --data FILE (the data table)' };

  const number = (flag: string, fallback: number, ok: (v: number) => boolean, what: string) => {
    const text = values.get(flag);
    if (text === undefined) return fallback;
    const v = parseNumber(text);
    return v !== null && Number.isFinite(v) && ok(v) ? v : `${flag} must be ${what}, not "${text}"`;
  };
  const lr = number('--lr', 0.05, (v) => v > 0, 'a positive number');
  const steps = number(
    '--steps',
    100,
    (v) => Number.isInteger(v) && v >= 1 && v <= MAX_STEPS,
    `a whole number from 1 to ${MAX_STEPS}`,
  );
  const batch = number('--batch', 0, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1');
  const seed = number(
    '--init',
    DEFAULT_INIT_SEED,
    (v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32,
    'a whole number from 0 to 4294967295',
  );
  const every = number('--every', 0, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1');
  for (const v of [lr, steps, batch, seed, every])
    if (typeof v === 'string') return { ok: false, message: v };
  const opt = values.get('--opt') ?? 'sgd';
  if (!isOptimizerId(opt))
    return { ok: false, message: `--opt must be sgd, momentum or adam, not "${opt}"` };
  return {
    ok: true,
    options: {
      formula: positional[0]!,
      params,
      data,
      lr: lr as number,
      steps: steps as number,
      optimizer: opt,
      batch: batch === 0 ? null : (batch as number),
      at: values.get('--at') ?? null,
      seed: seed as number,
      every: every === 0 ? null : (every as number),
      json,
    },
  };
}

export function runTrainCli(argv: readonly string[], readFile: ReadFile): TrainCliResult {
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h'))
    return { stdout: TRAIN_USAGE, stderr: '', exitCode: 0 };
  const parsed = parseTrainArgs(argv);
  if (!parsed.ok) return usageError(parsed.message, json);
  const o = parsed.options;

  const built = compile(o.formula);
  if (!built.ok) return formulaError(o.formula, built.diagnostics, json);
  const { graph } = built;
  const file = readFile(o.data);
  if (!file.ok) return usageError(`--data: cannot read ${o.data}: ${file.reason}`, json);
  const table = parseDataTable(file.text);
  if (!table.ok) return dataError(o.data, file.text, table.diagnostics, json);
  const model = buildModel(graph, o.params, table.table);
  if (!model.ok) return dataError(o.data, file.text, model.diagnostics, json);
  if (table.table.rowCount === 0)
    return usageError(`--data: ${o.data} has a header but no rows`, json);

  let initial: Float64Array | undefined;
  if (o.at !== null) {
    const at = parseAssignments(o.at, '--at', o.params, true);
    if (!at.ok) return usageError(at.message, json);
    initial = Float64Array.from(o.params, (p) => at.values[p]!);
  }
  const settings: TrainSettings = {
    lr: o.lr,
    optimizer: o.optimizer,
    batchSize: o.batch,
    seed: o.seed,
  };
  const run = startRun(model.model, settings, initial);
  for (let i = 0; i < o.steps; i++) trainStep(model.model, settings, run);
  const grad = new Float64Array(o.params.length);
  const finalLoss = batchLossAndGradient(model.model, run.params, null, grad);

  if (json) {
    const named = (values: Float64Array) => {
      const out = Object.create(null) as Record<string, unknown>;
      o.params.forEach((p, k) => {
        out[p] = jsonNumber(values[k]!);
      });
      return out;
    };
    return {
      stdout: renderJson({
        ok: true,
        loss: run.losses.map(jsonNumber),
        params: named(run.params),
        gradient: named(grad),
        finalLoss: jsonNumber(finalLoss),
        initial: named(run.initial),
        steps: o.steps,
        optimizer: o.optimizer,
        lr: o.lr,
        batch: o.batch,
        rows: table.table.rowCount,
        init: o.at === null ? o.seed : null,
      }),
      stderr: '',
      exitCode: 0,
    };
  }
  const every = o.every ?? Math.max(1, Math.ceil(o.steps / 10));
  const lines: string[] = [
    `Training ${o.params.join(', ')} on ${table.table.rowCount} rows of ${o.data}: ${o.optimizer}, lr ${o.lr}, ` +
      `${o.batch === null || o.batch >= table.table.rowCount ? 'full batch' : `batch ${o.batch}`}, ` +
      (o.at === null ? `random init (seed ${o.seed})` : `from ${o.at}`),
    '',
    'step  loss',
  ];
  const width = Math.max(4, String(o.steps).length);
  run.losses.forEach((loss, i) => {
    const step = i + 1;
    if (step === 1 || step % every === 0 || step === o.steps)
      lines.push(`${String(step).padStart(width)}  ${show(loss)}`);
  });
  lines.push('', `final loss (all rows)  ${show(finalLoss)}`, '');
  const cells = [
    ['parameter', 'value', 'gradient'],
    ...o.params.map((p, k) => [p, show(run.params[k]!), show(grad[k]!)]),
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...cells.map((row) => row[c]!.length)));
  for (const row of cells) {
    lines.push(
      row
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    );
  }
  return { stdout: lines.join('\n') + '\n', stderr: '', exitCode: 0 };
}

function show(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  return String(Number(x.toPrecision(8)));
}

function usageError(message: string, json: boolean): TrainCliResult {
  if (json) return { stdout: renderJson(usageErrorJson(message)), stderr: '', exitCode: 2 };
  return { stdout: '', stderr: `error: ${message}\nRun with --help for usage.\n`, exitCode: 2 };
}

function dataError(
  path: string,
  text: string,
  diagnostics: readonly DataDiagnostic[],
  json: boolean,
): TrainCliResult {
  if (json) {
    return {
      stdout: renderJson({
        ok: false,
        error: `--data ${path}: ${diagnostics[0]!.message}`,
        diagnostics: diagnostics.map((d) => ({
          code: d.code,
          message: d.message,
          row: d.row,
          column: d.column,
          start: d.span.start,
          end: d.span.end,
          hint: d.hint ?? null,
        })),
      }),
      stderr: '',
      exitCode: 2,
    };
  }
  const blocks = diagnostics.map((d) => {
    // The messages name the row and column themselves; the header is row 0.
    const where = d.row === 0 ? ' (header)' : '';
    const lineStart = text.lastIndexOf('\n', Math.max(0, d.span.start - 1)) + 1;
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
    const caret =
      ' '.repeat(Math.max(0, d.span.start - lineStart)) +
      '^'.repeat(Math.max(1, Math.min(d.span.end, lineStart + line.length) - d.span.start));
    const hint = d.hint ? `\n  hint: ${d.hint}` : '';
    return `error: ${path}${where}: ${d.message}\n  | ${line}\n  | ${caret}${hint}`;
  });
  return { stdout: '', stderr: blocks.join('\n\n') + '\n', exitCode: 2 };
}

function formulaError(
  source: string,
  diagnostics: readonly Diagnostic[],
  json: boolean,
): TrainCliResult {
  if (json) return { stdout: renderJson(diagnosticsJson(diagnostics)), stderr: '', exitCode: 1 };
  return {
    stdout: '',
    stderr: diagnostics.map((d) => formatCodeFrame(source, d)).join('\n\n') + '\n',
    exitCode: 1,
  };
}
