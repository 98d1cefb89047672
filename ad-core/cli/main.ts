// Entry point of `npm run ad`: the only file that touches the process.
import { readFileSync } from 'node:fs';
import { runCli } from './run.ts';

const result = runCli(process.argv.slice(2), (path) => {
  try {
    // `-` is stdin (fd 0), for a formula too long to pass as an argument.
    return { ok: true, text: readFileSync(path === '-' ? 0 : path, 'utf8') };
  } catch (e) {
    return { ok: false, reason: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
});
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
