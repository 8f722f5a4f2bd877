#!/usr/bin/env node
// `cf` inside this repository. The workspace's `bin` points here, a committed file, rather than at dist/bin.js:
// pnpm links a workspace dependency's bin at install time (packages/mcp depends on @cf/cli), before anything is
// built, and warns when the file is missing. The published package's bin is dist/bin.js itself (publishConfig.bin).
// This runs the built CLI when there is one, else the TypeScript source through tsx, as `pnpm cf` does.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath, URL } from 'node:url';

const built = new URL('../dist/bin.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const source = fileURLToPath(new URL('./bin.ts', import.meta.url));
  const args = ['--import', import.meta.resolve('tsx'), '--conditions=@cf/source', source, ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  // Ctrl-C reaches the child from the terminal (one process group) and the CLI saves its state: the launcher only
  // waits. A SIGTERM sent to the launcher alone is passed on.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 1);
  });
}
