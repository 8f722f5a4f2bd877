import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, SERVER_NAME } from '../../packages/mcp/src/client-config.js';

/**
 * The MCP server as an agent uses it: the SDK's own client over stdio, spawning `cf-mcp` (its TypeScript source,
 * through tsx) in a throwaway workspace under the repository, so the scaffolded packages resolve @cf/core, zod,
 * msw and vitest from its node_modules. Offline: the checks run on each connector's mocks.
 */
const repo = resolve(import.meta.dirname, '../..');
const bin = join(repo, 'packages', 'mcp', 'src', 'bin.ts');
const exec = promisify(execFile);
const { FORCE_COLOR: _force, ...inherited } = process.env;
const env = Object.fromEntries(Object.entries({ ...inherited, NO_COLOR: '1' }).filter((e): e is [string, string] => e[1] !== undefined));
/** The check runs the package's conformance test with vitest: seconds, beyond the SDK's default 60 s on a busy machine. */
const slow = { timeout: 240_000 };

let workspace = '';
let client: Client;
let serverLog = '';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };
async function call(name: string, args: Record<string, unknown> = {}, options = {}): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, options)) as ToolResult;
}
const textOf = (result: ToolResult): string => result.content.map((c) => c.text ?? '').join('\n');

const orders = {
  data: [
    { id: 'ord_1001', status: 'paid', total: { amount: 4599, currency: 'EUR' }, placed_at: '2025-03-01T09:30:00Z', note: null },
    { id: 'ord_1002', status: 'refunded', total: { amount: 1250, currency: 'EUR' }, placed_at: '2025-03-02T14:05:00Z', note: 'damaged box', coupon: 'SPRING' },
  ],
  next_cursor: 'b3JkXzEwMDI',
};

describe('cf-mcp over stdio', () => {
  beforeAll(async () => {
    mkdirSync(join(repo, '.tmp'), { recursive: true });
    workspace = mkdtempSync(join(repo, '.tmp', 'mcp-test-'));
    // Shaped like the repository, so `cf new` writes its repo layout (tsconfig extending the base).
    writeFileSync(join(workspace, 'tsconfig.base.json'), JSON.stringify({ extends: '../../tsconfig.base.json' }));
    writeFileSync(join(workspace, 'tsup.config.base.ts'), "export { packageBuild } from '../../tsup.config.base';\n");
    // Started as the snippet `cf-mcp --print-config cursor` prints says (npx -y @cf/mcp <args>), from source.
    const snippet = JSON.parse(clientConfig('cursor', workspace).snippet) as { mcpServers: Record<string, { command: string; args: string[] }> };
    const { command, args } = snippet.mcpServers[SERVER_NAME]!;
    expect([command, ...args.slice(0, 2)]).toEqual(['npx', '-y', '@cf/mcp']);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--conditions=@cf/source', '--import', 'tsx', bin, ...args.slice(2)],
      cwd: workspace,
      env,
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString('utf8')));
    client = new Client({ name: 'cf-e2e', version: '0.0.0' });
    await client.connect(transport);
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('lists its tools and serves the specification and the checklist', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['add_resource', 'check_connector', 'explain_failure', 'get_checklist', 'get_specification', 'list_connectors', 'scaffold_connector']);
    const addResource = tools.find((t) => t.name === 'add_resource');
    expect(addResource?.inputSchema.required).toEqual(expect.arrayContaining(['name', 'endpoint']));
    // One response body (`sample`) or several (`samples`); a write may answer none.
    expect(Object.keys(addResource?.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['sample', 'samples', 'requestSample', 'httpMethod']));
    // The target as check_connector names it (`connector`) or as the CLI's addResource does (`dir`).
    expect(Object.keys(addResource?.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['connector', 'dir']));
    expect(client.getInstructions()).toContain('check_connector');
    expect(serverLog).toContain(`serving the workspace ${workspace}`);

    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual(['cf://docs/checklist', 'cf://docs/specification']);
    const spec = await client.readResource({ uri: 'cf://docs/specification' });
    expect(spec.contents[0]).toMatchObject({ mimeType: 'text/markdown', text: expect.stringContaining('# The connector specification') });

    const section = await call('get_specification', { section: 'rate limiting' });
    expect(textOf(section)).toMatch(/^## 5\. Rate limiting/);
    expect(textOf(section)).not.toContain('## 6.');
    expect(textOf(await call('get_checklist'))).toContain('# What every connector package has');
    const listed = await call('list_connectors');
    expect((listed.structuredContent?.connectors as Array<{ name: string }>).map((c) => c.name)).toContain('frankfurter');
  });

  it('scaffolds a connector with its first resource, adds another from a sample, and checks it at 100 %', async () => {
    const scaffold = await call('scaffold_connector', {
      name: 'shop-api',
      baseUrl: 'https://api.shop.example/v1',
      auth: 'bearer',
      firstResource: { name: 'orders', endpoint: '/orders', pagination: 'cursor', sample: orders, params: { pageSize: 'limit' } },
    });
    expect(scaffold.isError ?? false).toBe(false);
    expect(scaffold.structuredContent).toMatchObject({ dir: 'packages/connector-shop-api', layout: 'repo', resource: { property: 'orders', method: 'list' } });
    expect(scaffold.structuredContent?.files).toEqual(expect.arrayContaining(['AGENTS.md', 'src/shop-api-connector.ts', 'test/conformance.test.ts']));
    const pkg = join(workspace, 'packages', 'connector-shop-api');
    expect(readFileSync(join(pkg, 'src', 'resources', 'orders.ts'), 'utf8')).toContain('coupon: z.optional(z.string()),');

    const added = await call('add_resource', {
      connector: 'shop-api',
      name: 'customers',
      endpoint: '/customers/{customerId}',
      sample: { id: 'cus_77', email: 'ada@example.com', created_at: '2024-11-02T08:00:00Z', tags: ['vip'], default_address: null },
    });
    expect(added.isError ?? false).toBe(false);
    expect(added.structuredContent).toMatchObject({
      dir: 'packages/connector-shop-api',
      created: ['src/resources/customers.ts', 'src/mocks/customers.ts', 'test/customers.test.ts'],
      property: 'customers',
      method: 'get',
    });
    expect(readFileSync(join(pkg, 'src', 'shop-api-connector.ts'), 'utf8')).toContain('this.customers = new CustomersResource(() => this.http);');

    // A new package is not done until the API's limit model and credential are declared: the check says so...
    const incomplete = await call('check_connector', { connector: 'packages/connector-shop-api' }, slow);
    expect(incomplete.structuredContent).toMatchObject({ via: 'vitest' });
    const todo = incomplete.structuredContent as { compliance: number; failing: Array<{ id: string; reason: string }> };
    expect(todo.compliance).toBeLessThan(100);
    expect(todo.failing.map((f) => f.id)).toEqual(expect.arrayContaining(['declares-limit-model', 'declares-credential']));
    // ...and after they are declared with real values, it is at 100 %.
    const metadataFile = join(pkg, 'src', 'metadata.ts');
    writeFileSync(
      metadataFile,
      readFileSync(metadataFile, 'utf8').replace(
        / {2}\/\/ TODO\(cf check\)[\s\S]*?credential: \{ in: 'header', name: 'authorization' \},\n/,
        `  limitModel: {
    windows: [{ name: 'requests', limit: 10, intervalMs: 1_000, algorithm: 'token-bucket', unit: 'requests' }],
    rateLimitedAnswer: { status: 429, retryAfter: true },
    source: 'https://api.shop.example/docs/rate-limits',
  },
  credential: { in: 'header', name: 'authorization' },
`,
      ),
    );
    const check = await call('check_connector', { connector: 'packages/connector-shop-api' }, slow);
    expect(check.isError ?? false).toBe(false);
    expect(check.structuredContent).toMatchObject({ via: 'vitest', compliance: 100, failing: [] });
    expect(textOf(check)).toMatch(/conformance shop-api: (\d+)\/\1 cases \(100%\)/);

    // The generated tests pass too: the package is done, not just conformant.
    const tests = await exec('npx', ['vitest', 'run'], { cwd: pkg, env, timeout: 240_000 });
    expect(tests.stdout).toMatch(/test\/orders\.test\.ts/);
    expect(tests.stdout).toMatch(/test\/customers\.test\.ts/);
    expect(tests.stdout).not.toMatch(/\d+ failed/);
    expect(tests.stdout).toMatch(/Tests\s+\d+ passed/);
  }, 600_000);

  it('reports the failing rules of a deliberately broken connector, and explains them', async () => {
    expect((await call('scaffold_connector', { name: 'broken-api' })).isError ?? false).toBe(false);
    // Every HTTP error becomes a retryable SERVER_ERROR: 4xx are retried and counted by the breaker, 401 is not AUTH_FAILED.
    const client_ts = join(workspace, 'packages', 'connector-broken-api', 'src', 'broken-api-connector.ts');
    const source = readFileSync(client_ts, 'utf8');
    writeFileSync(
      client_ts,
      source
        .replace("import { BaseConnector, ", "import { BaseConnector, ServerError, ")
        .replace('mapError: mapBrokenApiError,', "mapError: () => new ServerError({ message: 'request failed', retryable: true }),"),
    );
    const check = await call('check_connector', { connector: 'broken-api' }, slow);
    expect(check.isError ?? false).toBe(false);
    const result = check.structuredContent as { compliance: number; failing: Array<{ id: string; reason: string }> };
    expect(result.compliance).toBeLessThan(100);
    expect(result.failing.map((f) => f.id)).toEqual(expect.arrayContaining(['no-retry-4xx', 'typed-errors', 'breaker-ignores-4xx']));
    expect(result.failing.every((f) => f.reason.length > 0)).toBe(true);
    expect(textOf(check)).toMatch(/^FAIL\s+no-retry-4xx/m);

    const explained = await call('explain_failure', { rule: 'no-retry-4xx' });
    expect(explained.structuredContent).toMatchObject({ id: 'no-retry-4xx', source: expect.arrayContaining(['src/errors/http-error-factory.ts']) });
    expect(textOf(explained)).toContain('Any non-2xx response throws');
    expect(textOf(explained)).toContain('mapError');
    const unknown = await call('explain_failure', { rule: 'be-fast' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('No conformance rule "be-fast". Rules: user-agent,');
  }, 600_000);

  it('refuses paths outside the workspace and bad input with clear MCP errors, writing nothing', async () => {
    const escape = await call('scaffold_connector', { name: 'evil', dir: '../evil' });
    expect(escape.isError).toBe(true);
    expect(textOf(escape)).toMatch(/MCP error -32602: dir "\.\.\/evil" is outside the workspace/);
    expect(existsSync(join(workspace, '..', 'evil'))).toBe(false);

    const outside = await call('add_resource', { connector: '../../packages/connector-frankfurter', name: 'x', endpoint: '/x', sample: {} });
    expect(outside.isError).toBe(true);
    expect(textOf(outside)).toContain('is outside the workspace');
    expect((await call('check_connector', { connector: '/etc' })).isError).toBe(true);

    const badEndpoint = await call('add_resource', { connector: 'shop-api', name: 'refunds', endpoint: 'refunds', sample: { id: 1 } });
    expect(badEndpoint.isError).toBe(true);
    expect(textOf(badEndpoint)).toContain('endpoint');
    const missing = await call('add_resource', { connector: 'nope', name: 'refunds', endpoint: '/refunds', sample: { id: 1 } });
    expect(textOf(missing)).toContain('No connector "nope" in the workspace');
    const invalid = await call('scaffold_connector', { name: 'Bad_Name' });
    expect(textOf(invalid)).toContain('is not a connector name');
  });
});
