import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldConnector } from '../src/index.js';
import { recordOperation } from '../src/commands/record.js';
import { REPO_ROOT, runCli, runPackageTests } from './helpers.js';

const exec = promisify(execFile);
const { FORCE_COLOR: _force, ...plainEnv } = process.env;
const env = { ...plainEnv, NO_COLOR: '1' };

/** The live credential, the secret a body carries, and the PII `--redact-field` blanks: none may reach a file. */
const TOKEN = 'live-secret-token-abc123';
const BODY_SECRET = 'sk_live_body_secret_987';
const email = (i: number): string => `person${i}@example.com`;

const items = Array.from({ length: 5 }, (_, i) => ({
  id: `item_00${i + 1}`,
  name: `Item ${i + 1}`,
  updatedAt: `2025-01-0${i + 1}T10:00:00Z`,
  customer: { id: `cus_${i + 1}`, email: email(i + 1) },
  api_key: BODY_SECRET,
  note: `created with ${TOKEN}`,
}));

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
}

/** The API, on loopback: answers only with the credential in the Authorization header and in `?api_key=`. */
async function startApi(): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  let limitedOnce = false;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ method: req.method ?? '', url: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'set-cookie': `session=${TOKEN}; HttpOnly`, 'x-ratelimit-remaining': '99', 'x-internal-trace': 'abc', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}` || url.searchParams.get('api_key') !== TOKEN) {
      json(401, { error: { message: 'Invalid token', requestId: 'req_live_401' } });
      return;
    }
    const one = /^\/v1\/items\/([^/]+)$/.exec(url.pathname);
    // item_003 is rate limited once: the retry core makes is recorded too, and replayed in order.
    if (req.method === 'GET' && one?.[1] === 'item_003' && !limitedOnce) {
      limitedOnce = true;
      json(429, { error: { message: 'Slow down', requestId: 'req_live_429' } }, { 'retry-after': '1' });
      return;
    }
    if (req.method === 'GET' && one) {
      const item = items.find((i) => i.id === one[1]);
      json(item ? 200 : 404, item ?? { error: { message: 'No such item', requestId: 'req_live_404' } });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/v1/items') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const data = items.slice(offset, offset + limit);
      json(200, { data, nextCursor: offset + limit < items.length ? String(offset + limit) : null });
      return;
    }
    json(404, { error: { message: 'No route', requestId: 'req_live_404' } });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** A throwaway workspace shaped like the repository, under it so @cf/core, msw, tsx and vitest resolve. */
const workspace = join(REPO_ROOT, '.tmp', 'record-test');
let dir = '';
let api: Awaited<ReturnType<typeof startApi>>;
const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
const liveEnv = (): NodeJS.ProcessEnv => ({ ACME_SHOP_TOKEN: TOKEN });
const secretsIn = (text: string): string[] => [TOKEN, encodeURIComponent(TOKEN), BODY_SECRET, email(1), email(2), email(3), email(4), email(5)].filter((s) => text.includes(s));

const vitest = (...files: string[]) => runPackageTests(dir, ...files);

describe('cf record on a package made by cf new, against a loopback API', () => {
  beforeAll(async () => {
    rmSync(workspace, { recursive: true, force: true });
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'tsconfig.base.json'), JSON.stringify({ extends: '../../tsconfig.base.json' }));
    writeFileSync(join(workspace, 'tsup.config.base.ts'), "export { packageBuild } from '../../tsup.config.base';\n");
    dir = scaffoldConnector({ name: 'acme-shop', cwd: workspace }).dir;
    // The credential in a header and in a query parameter, as APIs send them.
    const entry = join(dir, 'src', 'acme-shop-connector.ts');
    const source = readFileSync(entry, 'utf8')
      .replace('import { BaseConnector, bearerAuth,', 'import { apiKeyAuth, BaseConnector,')
      .replace('auth: bearerAuth(token),', "auth: apiKeyAuth({ in: 'query', name: 'api_key', value: token }),\n        headers: { authorization: `Bearer ${token}` },");
    expect(source).toContain("apiKeyAuth({ in: 'query'");
    writeFileSync(entry, source);
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  let firstRun: Record<string, string> = {};

  it('records items.list within --max-pages, redacted, and writes the fixture, the handlers module and a test', async () => {
    const result = await recordOperation({
      target: dir,
      operation: 'items.list',
      arg: { pageSize: '2' },
      maxPages: 2,
      redactFields: ['customer.email'],
      baseUrl: `${api.url}/v1`,
      env: liveEnv(),
    });
    expect(result).toMatchObject({ kind: 'paginated', records: 4, pages: 2, exchanges: 2 });
    expect(result.written).toEqual(['src/mocks/recorded/items.list.json', 'src/mocks/recorded/index.ts', 'test/recorded-items-list.test.ts', 'src/mocks/index.ts']);
    // The API saw the credential on every request, and only the two pages asked for (a third exists).
    expect(api.seen.map((s) => s.url)).toEqual([`/v1/items?limit=2&api_key=${TOKEN}`, `/v1/items?limit=2&cursor=2&api_key=${TOKEN}`]);
    expect(api.seen.every((s) => s.authorization === `Bearer ${TOKEN}`)).toBe(true);

    const fixture = JSON.parse(read('src/mocks/recorded/items.list.json')) as {
      args: unknown[];
      exchanges: Array<{ method: string; path: string; query: Record<string, string>; status: number; headers: Record<string, string>; body: { data: Array<Record<string, unknown>> } }>;
      result: { count: number; first: Record<string, unknown>; last: Record<string, unknown> };
    };
    expect(fixture.args).toEqual([{ pageSize: 2 }]);
    expect(fixture.exchanges.map((e) => [e.method, e.path, e.query, e.status])).toEqual([
      ['GET', '/items', { limit: '2', api_key: '[REDACTED]' }, 200],
      ['GET', '/items', { limit: '2', cursor: '2', api_key: '[REDACTED]' }, 200],
    ]);
    // The headers that matter, no cookie, nothing else.
    expect(fixture.exchanges[0]?.headers).toEqual({ 'content-type': 'application/json', 'x-ratelimit-remaining': '99' });
    const record = fixture.exchanges[0]?.body.data[0];
    expect(record).toEqual({
      id: 'item_001',
      name: 'Item 1',
      updatedAt: '2025-01-01T10:00:00Z',
      customer: { id: 'cus_1', email: '[REDACTED]' },
      api_key: '[REDACTED]',
      note: 'created with [REDACTED]',
    });
    expect(fixture.result.count).toBe(4);
    expect(fixture.result.first).toEqual(record);
    expect(fixture.result.last).toMatchObject({ id: 'item_004', name: 'Item 4' });

    expect(read('src/mocks/index.ts')).toContain("from './recorded/index.js';");
    expect(read('src/mocks/recorded/index.ts')).toContain("import itemsListRecording from './items.list.json';");
    expect(read('test/recorded-items-list.test.ts')).toContain('for await (const page of api.make().items.list({ pageSize: 2 }).pages()) {');
    firstRun = Object.fromEntries(result.written.map((f) => [f, read(f)]));
    for (const [file, text] of Object.entries(firstRun)) expect(secretsIn(text), file).toEqual([]);
  });

  it('through the CLI entry, records another operation and extends (does not clobber) the handlers module', async () => {
    api.seen.length = 0;
    const run = await runCli(['record', dir, 'items.get', '--args', '["item_003"]', '--base-url', `${api.url}/v1`, '--redact-field', 'email'], { env: liveEnv() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('recorded items.get: its result, 2 exchange(s), redacted.');
    expect(secretsIn(run.stdout)).toEqual([]);
    expect(api.seen.map((s) => s.url)).toEqual([`/v1/items/item_003?api_key=${TOKEN}`, `/v1/items/item_003?api_key=${TOKEN}`]);
    const index = read('src/mocks/recorded/index.ts');
    expect(index).toContain("  'items.get': itemsGetRecording,\n  'items.list': itemsListRecording,\n");
    const fixture = JSON.parse(read('src/mocks/recorded/items.get.json')) as { exchanges: Array<{ status: number; headers: Record<string, string> }>; result: { value: Record<string, unknown> } };
    expect(fixture.exchanges.map((e) => [e.status, e.headers['retry-after']])).toEqual([[429, '1'], [200, undefined]]);
    expect(fixture.result.value).toMatchObject({ id: 'item_003', customer: { id: 'cus_3', email: '[REDACTED]' }, api_key: '[REDACTED]' });
    for (const file of ['src/mocks/recorded/items.get.json', 'src/mocks/recorded/index.ts', 'test/recorded-items-get.test.ts']) expect(secretsIn(read(file)), file).toEqual([]);
    // The list's files are as the first run wrote them; the mocks' export line is added once.
    expect(read('src/mocks/recorded/items.list.json')).toBe(firstRun['src/mocks/recorded/items.list.json']);
    expect(read('src/mocks/index.ts').match(/recorded\/index\.js/g)).toHaveLength(1);
  });

  it('re-recording an operation replaces its fixture and test with the same content (idempotent)', async () => {
    await recordOperation({ target: dir, operation: 'items.list', arg: { pageSize: '2' }, maxPages: 2, redactFields: ['customer.email'], baseUrl: `${api.url}/v1`, env: liveEnv() });
    expect(read('src/mocks/recorded/items.list.json')).toBe(firstRun['src/mocks/recorded/items.list.json']);
    expect(read('test/recorded-items-list.test.ts')).toBe(firstRun['test/recorded-items-list.test.ts']);
    expect(read('src/mocks/recorded/index.ts')).toContain("'items.get': itemsGetRecording");
  });

  it('generates tests that type-check and pass over the loopback mock server, and fail when a fixture changes', async () => {
    const tsc = await exec('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: dir, timeout: 120_000, env }).then(
      () => '',
      (error: Error & { stdout?: string }) => error.stdout ?? error.message,
    );
    expect(tsc).toBe('');
    const pass = await vitest('test/recorded-items-list.test.ts', 'test/recorded-items-get.test.ts');
    expect(pass.out).toMatch(/Tests\s+2 passed \(2\)/);
    expect(pass.ok).toBe(true);

    // A record that no longer comes back as recorded.
    const file = join(dir, 'src/mocks/recorded/items.list.json');
    const good = readFileSync(file, 'utf8');
    const changed = JSON.parse(good) as { exchanges: Array<{ query: Record<string, string>; body: { data: Array<{ name: string }> } }> };
    const lastRecord = changed.exchanges[1]?.body.data[1];
    if (lastRecord === undefined) throw new Error('no second record on the second page');
    lastRecord.name = 'Changed';
    writeFileSync(file, JSON.stringify(changed));
    const broken = await vitest('test/recorded-items-list.test.ts');
    expect(broken.ok).toBe(false);
    expect(broken.out).toContain('Changed');

    // A page the client asks for that was not recorded: a loud 400 naming it, not another fixture.
    const otherCursor = JSON.parse(good) as typeof changed;
    const second = otherCursor.exchanges[1];
    if (second === undefined) throw new Error('no second exchange');
    second.query.cursor = '99';
    writeFileSync(file, JSON.stringify(otherCursor));
    const unmatched = await vitest('test/recorded-items-list.test.ts');
    expect(unmatched.ok).toBe(false);
    expect(unmatched.out).toContain('no recorded response of items.list for GET /v1/items?limit=2&cursor=2');
    writeFileSync(file, good);
  }, 300_000);

  it('is listed in --help with its options', async () => {
    const help = await runCli(['record', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--arg <key=value>', '--args <json>', '--limit <n>', '--max-pages <n>', '--config <file>', '--base-url <url>', '--redact-field <path>']) expect(help.stdout).toContain(option);
  });

  it('refuses with typed usage errors, and never echoes the credential', async () => {
    const cases: Array<[string[], NodeJS.ProcessEnv, number, RegExp]> = [
      [['record', dir, 'items.list'], {}, 3, /needs its credentials: set ACME_SHOP_TOKEN/],
      [['record', dir, 'items.list', '--base-url', 'ftp://example.com/v1'], liveEnv(), 2, /--base-url must be an absolute http\(s\) URL/],
      [['record', workspace, 'items.list'], liveEnv(), 2, /not a connector package in the `cf new` layout/],
      [['record', 'no-such-package', 'items.list'], liveEnv(), 2, /no-such-package is not a connector package directory\. cf record writes/],
      [['record', dir, 'items.nope', '--base-url', `${api.url}/v1`], liveEnv(), 2, /no operation "items\.nope" \(declared in src\/metadata\.ts: items\.get, items\.list\)/],
      [['record', dir, 'disconnect'], liveEnv(), 2, /"disconnect" is not an operation/],
      [['record', dir, 'items.list', '--args', '{}', '--arg', 'pageSize=2'], liveEnv(), 2, /not both/],
      [['record', dir, 'items.list', '--base-url', `${api.url}/v1`], { ACME_SHOP_TOKEN: `${TOKEN}-revoked` }, 3, /items\.list failed, nothing was recorded: AUTH_FAILED/],
    ];
    // A package whose tests build clients some other way: the generated test would not compile there.
    const other = join(workspace, 'other-helpers');
    cpSync(dir, other, { recursive: true });
    writeFileSync(join(other, 'test', 'helpers.ts'), 'export const client = undefined;\n');
    cases.push([['record', other, 'items.list'], liveEnv(), 2, /other-helpers\/test\/helpers\.ts has no `useMockApi\(\)`/]);
    const before = read('src/mocks/recorded/items.list.json');
    for (const [args, runEnv, code, message] of cases) {
      const run = await runCli(args, { env: runEnv, cwd: workspace });
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.code, args.join(' ')).toBe(code);
      expect(secretsIn(run.stdout + run.stderr), args.join(' ')).toEqual([]);
    }
    expect(read('src/mocks/recorded/items.list.json')).toBe(before);
    expect(existsSync(join(dir, 'src/mocks/recorded/items.nope.json'))).toBe(false);
  });
});
