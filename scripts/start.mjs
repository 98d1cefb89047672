#!/usr/bin/env node
// `npm start`: the dev server, opening a browser tab only where one can be opened (a desktop
// session), so a server, a container or SSH session just serves, without a stack trace.
import { spawn } from 'node:child_process';

const desktop =
  !process.env.CI &&
  (process.platform === 'darwin' ||
    process.platform === 'win32' ||
    Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));
const args = ['vite', ...(desktop ? ['--open'] : []), ...process.argv.slice(2)];
if (!desktop) console.log('No desktop browser to open here: open the address below yourself.');
const child = spawn('npx', args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
