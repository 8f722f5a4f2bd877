import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { connectRedis, dropPrefix, REDIS_URL, redisUp, skipNote } from './fixtures/redis.js';

// The README's ```ts blocks are one program, each continuing the one before (as its Quickstart says). This file
// type-checks that program with the repository's compiler settings, always, and runs it when a Redis answers, the
// way the connectors' quickstarts run against their mocks.

const PKG = resolve(import.meta.dirname, '..');
const README = readFileSync(join(PKG, 'README.md'), 'utf8');
const blocks = [...README.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
// The package imports itself by name; from a file inside the package that name is its source.
const program = blocks.join('\n').replaceAll("from '@cf/store-redis'", "from '../../src/index.js'");
const dir = join(PKG, '.tmp', `readme-${process.pid}`);
const file = join(dir, 'program.ts');
mkdirSync(dir, { recursive: true });
writeFileSync(file, program);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compiler diagnostics of `path` under the package's tsconfig (strict, exactOptionalPropertyTypes, @cf/source). */
function typeErrors(path: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(PKG, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('cannot read tsconfig.json');
  const checked = ts.createProgram([path], { ...config.options, noEmit: true });
  return ts.getPreEmitDiagnostics(checked).map((d) => {
    const where = d.file && d.start !== undefined ? `${relative(PKG, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

describe('README TypeScript blocks', () => {
  it('are there, and the quickstart passes the token HubSpotConnector takes (accessToken, HUBSPOT_ACCESS_TOKEN)', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(blocks[0]).toContain('accessToken: process.env.HUBSPOT_ACCESS_TOKEN');
    expect(program).not.toMatch(/\btoken:|HUBSPOT_TOKEN\b/);
  });

  it('type-check as one program with the repository settings', () => {
    expect(typeErrors(file)).toEqual([]);
  }, 180_000);
});

describe.skipIf(!redisUp)(`README program against HubSpot's mocks and Redis${skipNote}`, () => {
  it('runs as written: reads contacts through the shared store, checkpoints each page, then clears the checkpoint', async () => {
    const env = { REDIS_URL: process.env.REDIS_URL, HUBSPOT_ACCESS_TOKEN: process.env.HUBSPOT_ACCESS_TOKEN };
    process.env.REDIS_URL = REDIS_URL;
    process.env.HUBSPOT_ACCESS_TOKEN = 'pat-na1-readme';
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    const redis = await connectRedis();
    const rateLimitKeys: string[] = [];
    try {
      await dropPrefix(redis, 'etl:prod:');
      await import(pathToFileURL(file).href);
      expect(lines[0]).toBe('first contacts: 3');
      const loaded = lines.slice(1).filter((l) => !l.startsWith('webhook')).map((l) => Number(/^loaded (\d+) contacts$/.exec(l)?.[1] ?? Number.NaN));
      // The webhook receiver deduplicates through Redis: handled once, the retry answered without the handler.
      expect(lines.filter((l) => l.startsWith('webhook'))).toEqual(['webhook: 1 new events', 'webhook answered 200', 'webhook retried 200']);
      expect(loaded.length).toBeGreaterThan(0);
      expect(loaded.every((n) => n > 0)).toBe(true);
      for await (const batch of redis.scanIterator({ MATCH: 'etl:prod:rl:*', COUNT: 500 })) rateLimitKeys.push(...batch);
      // The quota was counted in Redis; the checkpoint was deleted at the end of the list.
      expect(rateLimitKeys.length).toBeGreaterThan(0);
      expect(await redis.get('etl:prod:checkpoint:contacts')).toBeNull();
    } finally {
      log.mockRestore();
      for (const [k, v] of Object.entries(env)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await dropPrefix(redis, 'etl:prod:');
      redis.destroy();
    }
  }, 60_000);
});
