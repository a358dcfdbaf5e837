// Runs a command and passes SIGINT/SIGTERM/SIGHUP on to it. ./dev uses it only when it was started
// with SIGINT ignored (a background job of a non-interactive shell): the JVM cannot undo an
// inherited "ignore", but Node can, and its children start with default signal handling.
'use strict';
const { spawn } = require('child_process');

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code === null ? 128 + (signal === 'SIGINT' ? 2 : 15) : code));
