import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthError, CancelledError, RateLimitError, ServerError, ValidationError } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { CLI_VERSION, CliError, EXIT, exitCodeOf } from '../src/index.js';
import { CLI_DIR, runCli } from './helpers.js';

describe('cf', () => {
  it('--version prints the package version; --help lists the commands', async () => {
    const manifest = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as { version: string };
    expect(CLI_VERSION).toBe(manifest.version);
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['list', 'extract', 'new', 'add', 'diff', 'update', 'check']) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['list', '--colour'])).code).toBe(2);
  });

  it('maps errors to exit codes: usage 2, auth 3, API 4, interrupted 130', () => {
    expect(exitCodeOf(new ValidationError({ message: 'bad', issues: [] }))).toBe(EXIT.usage);
    expect(exitCodeOf(new AuthError({ message: 'no' }))).toBe(EXIT.auth);
    expect(exitCodeOf(new RateLimitError({ message: 'slow down' }))).toBe(EXIT.api);
    expect(exitCodeOf(new ServerError({ message: 'down' }))).toBe(EXIT.api);
    expect(exitCodeOf(new CancelledError({ message: 'stop' }))).toBe(EXIT.interrupted);
    expect(exitCodeOf(new CliError('refused'))).toBe(EXIT.failure);
    expect(exitCodeOf(new Error('bug'))).toBe(EXIT.failure);
  });
});
