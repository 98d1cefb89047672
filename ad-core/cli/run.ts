// The CLI as a function of its arguments: argv in, stdout/stderr text and an exit code out.
// Exit codes: 0 success, 1 the formula has an error (diagnostic with a code frame), 2 a usage
// error (bad option, bad or missing --at / --seed value).
import { formatCodeFrame } from '../diagnostics.ts';
import { compile } from '../graph.ts';
import { escapeControls } from '../visible.ts';
import { emptyPoint } from '../point.ts';
import type { Diagnostic, Point } from '../types.ts';
import { parseArgs, parseAssignments, type CliOptions } from './args.ts';
import { buildReport } from './report.ts';
import { diagnosticsJson, renderJson, reportJson, usageErrorJson } from './render-json.ts';
import { renderText } from './render-text.ts';
import { isTrainInvocation, runTrainCli, type ReadFile } from './train.ts';
import { hessian } from '../hessian.ts';
import { hessianJson, hessianText } from './hessian-output.ts';
import { exportProgram } from '../export/index.ts';
import { jacobianJson, jacobianReport, jacobianText } from './jacobian-output.ts';

/** Without a file reader (tests, embedding) a --data file cannot be read. */
const cannotRead: ReadFile = () => ({ ok: false, reason: 'no file access here' });

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export const USAGE = `Usage: npm run --silent ad -- '<formula>' --at x=2,y=5 [options]

Prints the value, the gradient (reverse mode), a finite-difference check of every partial and the
trace of the reverse pass (Wengert name, operation, value, adjoint).

The formula is one argument, or read from a file with --file F, or from stdin given as '-'
(for formulas too long for a command line). A formula that starts with '--' goes after '--',
which ends the options: npm run --silent ad -- --at x=1 -- '--x'.

Options:
  --at x=2,y=5           the point; every variable of the formula needs a value
                         (numbers, or pi, e, inf, nan with an optional sign)
  --mode reverse|forward forward prints the tangent trace for --seed instead (default reverse)
  --seed x=1,y=0         forward-mode direction; unlisted variables get 0
                         (default: 1 for the first variable, 0 for the others)
  --method central|forward|richardson|complex
                         finite-difference method for the check (default central)
  --h <step>             step for the check, scaled by max(1,|x|) per variable
                         (default: √ε forward, ∛ε central and richardson, 1e-20 complex)
  --merge                merge identical subexpressions into shared nodes
  --hessian              also print the Hessian (forward-over-reverse, up to 8 variables) and
                         its finite-difference check; JSON: "hessian": {"x": {"x": …, "y": …}}
  --export pytorch|jax|micrograd|ts
                         print a runnable program (generated from the graph) that computes the
                         value and the gradient at --at, instead of the report
  --json                 print one JSON object instead of text
  --file F               read the formula from file F (the argument '-': from stdin)
  -h, --help             show this help

Exit codes: 0 ok; 1 the formula has an error (printed with a caret under it; JSON: ok false,
diagnostics); 2 a usage error such as a bad or missing --at value (JSON: ok false, error).
Statements may be separated by ';' or newlines: 'a = x*y; sin(a) + a'.
A last line with several outputs ('x*y, sin(x), x + y') also prints the Jacobian by both modes,
the passes each needs and its check; JSON: "jacobian": {"0": {"x": …, "y": …}, "1": {…}}.
Training: add --params w,b --data FILE (with --help then, its options).
`;

/**
 * Runs the CLI. `readFile` reads `--file`/`--data` (`-` is stdin). Everything printed passes
 * through `escapeControls`: user text echoed back (source lines, names, option values) never
 * sends a control or bidi character to the terminal, in text or JSON.
 */
export function runCli(argv: readonly string[], readFile: ReadFile = cannotRead): CliResult {
  const r = runUnescaped(argv, readFile);
  return {
    stdout: escapeControls(r.stdout),
    stderr: escapeControls(r.stderr),
    exitCode: r.exitCode,
  };
}

function runUnescaped(argv: readonly string[], readFile: ReadFile): CliResult {
  if (isTrainInvocation(argv)) return runTrainCli(argv, readFile);
  const parsed = parseArgs(argv);
  const json = argv.includes('--json');
  if (!parsed.ok) return usageError(parsed.message, json);
  const read = readFormula(parsed.options, readFile);
  if (!read.ok) return usageError(read.message, json);
  const options = read.options;
  if (options.help) return { stdout: USAGE, stderr: '', exitCode: 0 };

  const built = compile(options.formula, { mergeCommonSubexpressions: options.merge });
  if (!built.ok) return formulaError(options.formula, built.diagnostics, options.json);
  const { graph } = built;

  const at = parseAssignments(options.at ?? '', '--at', graph.variables, true);
  if (!at.ok) return usageError(at.message, options.json);
  const seed = seedFor(options, graph.variables);
  if (!seed.ok) return usageError(seed.message, options.json);

  if (options.export !== null) {
    const code = exportProgram(graph, at.values, options.export, options.formula);
    const out = options.json ? renderJson({ ok: true, target: options.export, code }) : code;
    return { stdout: out, stderr: '', exitCode: 0 };
  }

  const report = buildReport({
    formula: options.formula,
    graph,
    point: at.values,
    mode: options.mode,
    method: options.method,
    ...(seed.values ? { seed: seed.values } : {}),
    ...(options.h !== undefined ? { h: options.h } : {}),
  });
  const second = options.hessian ? hessian(graph, at.values) : null;
  const several =
    graph.outputs.length > 1
      ? jacobianReport(graph, at.values, {
          method: options.method,
          ...(options.h !== undefined ? { h: options.h } : {}),
        })
      : null;
  const stdout = options.json
    ? renderJson({
        ...reportJson(report),
        ...(several ? jacobianJson(several) : {}),
        ...(second ? hessianJson(second) : {}),
      })
    : renderText(report) +
      (several ? '\n' + jacobianText(several) : '') +
      (second ? '\n' + hessianText(second) : '');
  return { stdout, stderr: '', exitCode: 0 };
}

function seedFor(
  options: CliOptions,
  variables: string[],
): { ok: true; values?: Point } | { ok: false; message: string } {
  if (options.mode !== 'forward') return { ok: true };
  if (options.seed !== null) return parseAssignments(options.seed, '--seed', variables, false);
  const values = emptyPoint();
  variables.forEach((v, i) => {
    values[v] = i === 0 ? 1 : 0;
  });
  return { ok: true, values };
}

/** The formula from `--file F` or stdin (`-`), when it comes from there. */
function readFormula(
  options: CliOptions,
  readFile: ReadFile,
): { ok: true; options: CliOptions } | { ok: false; message: string } {
  if (options.file === null || options.help) return { ok: true, options };
  const from = options.file === '-' ? 'the formula from stdin' : `--file ${options.file}`;
  const r = readFile(options.file);
  if (!r.ok) return { ok: false, message: `cannot read ${from}: ${r.reason}` };
  // Editors may start a file with a byte-order mark; it is not part of the formula.
  const formula = r.text.startsWith('\uFEFF') ? r.text.slice(1) : r.text;
  return { ok: true, options: { ...options, formula } };
}

function usageError(message: string, json: boolean): CliResult {
  if (json) return { stdout: renderJson(usageErrorJson(message)), stderr: '', exitCode: 2 };
  return { stdout: '', stderr: `error: ${message}\nRun with --help for usage.\n`, exitCode: 2 };
}

function formulaError(
  source: string,
  diagnostics: readonly Diagnostic[],
  json: boolean,
): CliResult {
  if (json) return { stdout: renderJson(diagnosticsJson(diagnostics)), stderr: '', exitCode: 1 };
  const frames = diagnostics.map((d) => formatCodeFrame(source, d));
  return { stdout: '', stderr: frames.join('\n\n') + '\n', exitCode: 1 };
}
