#!/usr/bin/env node
import { main } from './cli.js';

// Ctrl-C (or SIGTERM) stops `cf extract` after the page in flight is abandoned and the state of the last
// complete page is saved; a second Ctrl-C exits at once.
const controller = new AbortController();
const stop = (): void => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: controller.signal }).then((code) => {
  process.exitCode = code;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
});
