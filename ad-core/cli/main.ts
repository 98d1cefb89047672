// Entry point of `npm run ad`: the only file that touches the process.
import { runCli } from './run.ts';

const result = runCli(process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
