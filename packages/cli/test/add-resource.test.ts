import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConnector, scaffoldConnector } from '../src/index.js';
import { addResource } from '../src/add-resource/index.js';
import { declareLimits, REPO_ROOT } from './helpers.js';

const exec = promisify(execFile);
const { FORCE_COLOR: _force, ...plainEnv } = process.env;
const env = { ...plainEnv, NO_COLOR: '1' };

/** A throwaway workspace shaped like the repository, under it so @cf/core, zod, msw and vitest resolve. */
const workspace = join(REPO_ROOT, '.tmp', 'add-resource-test');
let dir = '';
const read = (file: string): string => readFileSync(join(dir, file), 'utf8');

const orders = [
  { id: 'ord_1', total: 12.5, currency: 'EUR', placed_at: '2025-01-02T10:00:00Z', note: null, customer: { id: 'cus_1', email: 'ada@example.com' } },
  { id: 'ord_2', total: 7, currency: 'EUR', placed_at: '2025-01-03T10:00:00Z', note: 'gift', customer: { id: 'cus_2', email: null }, coupon: 'WINTER' },
  { id: 'ord_3', total: 9, currency: 'USD', placed_at: '2025-01-04T10:00:00Z', note: null, customer: { id: 'cus_3', email: 'lin@example.com' } },
];

describe('addResource on a package made by cf new', () => {
  beforeAll(() => {
    rmSync(workspace, { recursive: true, force: true });
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'tsconfig.base.json'), JSON.stringify({ extends: '../../tsconfig.base.json' }));
    writeFileSync(join(workspace, 'tsup.config.base.ts'), "export { packageBuild } from '../../tsup.config.base';\n");
    dir = scaffoldConnector({ name: 'shop-api', cwd: workspace }).dir;
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('writes the resource, its mock and its test, and wires them in like the example resource', () => {
    const result = addResource({
      dir,
      name: 'orders',
      endpoint: '/customers/{customerId}/orders',
      pagination: 'cursor',
      sample: { data: orders, meta: { next_cursor: 'c_2' } },
      params: { pageSize: 'limit' },
      docsUrl: 'https://docs.shop-api.example/orders',
    });
    expect(result).toMatchObject({
      dir,
      created: ['src/resources/orders.ts', 'src/mocks/orders.ts', 'test/orders.test.ts'],
      updated: ['src/shop-api-connector.ts', 'src/index.ts', 'src/mocks/index.ts', 'src/metadata.ts', 'test/conformance.test.ts'],
      property: 'orders',
      method: 'list',
    });
    expect(result.schema).toContain('coupon: z.optional(z.string()),');
    const resource = read('src/resources/orders.ts');
    // zod's mini API from core, as every connector: importing zod itself would cost a cold start ~50 ms.
    expect(resource).toContain("import * as z from '@cf/core/zod';");
    expect(resource).not.toMatch(/from 'zod/);
    // Lazy, as every module-level schema of a connector: the package's test/lazy-import.test.ts holds it to that.
    expect(resource).toContain('export const orderSchema = z.lazySchema(() => z.looseObject({');
    expect(resource).toContain('email: z.nullable(z.string()),');
    expect(resource).toContain('next_cursor: z.nullable(z.string()),');
    expect(resource).toContain("const pathParam = z.lazySchema(() => z.string().check(z.regex(/^[^/]{1,256}$/, 'must be 1-256 characters, without \"/\"')));");
    expect(resource).toContain("start: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),");
    expect(resource).toContain('list(customerId: string, query: ListOrdersQuery = {}, options: CallOptions = {}): Paginated<Order, string> {');
    expect(resource).toContain("return cursorPagination<Order>(this.http(), {");
    expect(resource).toContain('nextCursor: (data) => (data as OrderPage).meta.next_cursor,');
    expect(resource).toContain('@see https://docs.shop-api.example/orders');
    const client = read('src/shop-api-connector.ts');
    expect(client).toContain("import { OrdersResource } from './resources/orders.js';");
    expect(client).toContain('readonly orders: OrdersResource;');
    expect(client).toContain('this.orders = new OrdersResource(() => this.http);');
    expect(read('src/index.ts')).toContain("export { OrdersResource, orderSchema, orderPageSchema, type Order, type OrderPage, type ListOrdersQuery } from './resources/orders.js';");
    expect(read('src/mocks/index.ts')).toMatch(/export const handlers: HttpHandler\[\] = \[\n {2}\.\.\.ordersHandlers,\n {2}http\.get\('\*\/items\/:id'/);
    expect(read('src/metadata.ts')).toContain("resources: ['items', 'orders'],");
    expect(read('src/mocks/orders.ts')).toContain("http.get('*/customers/:customerId/orders'");
  });

  it('writes every pagination style on core strategies, and single records', () => {
    addResource({ dir, name: 'invoices', endpoint: '/invoices', pagination: 'offset', sample: { results: orders, total: 3 }, maxPageSize: 200 });
    addResource({ dir, name: 'categories', endpoint: '/categories', pagination: 'page', sample: { result: { items: orders.slice(0, 2) } } });
    addResource({ dir, name: 'events', endpoint: '/events', pagination: 'link', sample: orders });
    addResource({ dir, name: 'order-notes', endpoint: '/orders/{orderId}/notes', sample: [{ id: 'n1', text: 'Leave at the door' }] });
    addResource({ dir, name: 'account', endpoint: '/account', sample: { id: 'acc_1', plan: 'pro', limits: { perSecond: 10 } } });
    expect(read('src/resources/invoices.ts')).toMatch(/offsetPagination<Invoice>[\s\S]*offsetParam: 'offset',\n\s+limitParam: 'limit',\n\s+pageSize: q\.pageSize \?\? 50,/);
    expect(read('src/resources/invoices.ts')).toContain("z.int('must be an integer').check(z.gte(1, 'must be at least 1'), z.lte(200, 'must be at most 200, the API maximum')),");
    expect(read('src/resources/invoices.ts')).toContain("start: z.optional(z.int('must be an integer').check(z.gte(0, 'must not be negative'))),");
    expect(read('src/resources/categories.ts')).toContain('items: (data) => (data as CategoryPage).result.items,');
    expect(read('src/resources/events.ts')).toContain('linkHeaderPagination<Event>');
    expect(read('src/resources/order-notes.ts')).toContain('return paginate<OrderNote, string>({');
    expect(read('src/resources/account.ts')).toContain("import type { CallOptions, HttpClient } from '@cf/core';");
    expect(read('src/resources/account.ts')).toContain('async get(options: CallOptions = {}): Promise<Account> {');
    // Handlers keep the order they were added in, before the scaffold's own.
    expect(read('src/mocks/index.ts')).toMatch(/\.\.\.ordersHandlers,\n {2}\.\.\.invoicesHandlers,\n {2}\.\.\.categoriesHandlers,/);
    expect(read('src/metadata.ts')).toContain("resources: ['items', 'orders', 'invoices', 'categories', 'events', 'order-notes', 'account'],");
  });

  it('refuses what it cannot do, before writing anything', () => {
    const before = read('src/shop-api-connector.ts');
    expect(() => addResource({ dir, name: 'orders', endpoint: '/orders', sample: {} })).toThrow(/already has a "orders" resource/);
    expect(() => addResource({ dir, name: 'refunds', endpoint: 'refunds', sample: {} })).toThrow(/endpoint: must be a path under the base URL/);
    expect(() => addResource({ dir, name: 'refunds', endpoint: '/refunds', pagination: 'cursor', sample: { data: [{ id: 1 }] } })).toThrow(/cursorField/);
    expect(() => addResource({ dir, name: 'refunds', endpoint: '/refunds', sample: 'text' })).toThrow(/sample: must be a JSON object or array/);
    expect(() => addResource({ dir: workspace, name: 'refunds', endpoint: '/refunds', sample: {} })).toThrow(/not a connector package in the `cf new` layout/);
    expect(read('src/shop-api-connector.ts')).toBe(before);
  });

  it('leaves a package that type-checks, passes its own tests, and is at 100 % by cf check', async () => {
    // What cf check asks of every new package: the API's limit model and where the credential travels.
    declareLimits(dir);
    expect(read('src/metadata.ts')).toMatch(/name: 'orders\.list', kind: 'read', idempotent: true, shape: 'paginated'/);
    expect(read('test/conformance.test.ts')).toContain("{ name: 'orders.list', invoke: (client, options) => client.orders.list(");
    await expect(exec('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: dir, timeout: 120_000, env })).resolves.toBeDefined();
    const tests = await exec('npx', ['vitest', 'run'], { cwd: dir, timeout: 120_000, env });
    // Not-applicable conformance cases (a read's write-safety) are reported as skipped.
    const [, passed, skipped, total] = /Tests\s+(\d+) passed(?: \| (\d+) skipped)? \((\d+)\)/.exec(tests.stdout) ?? [];
    expect(Number(passed)).toBeGreaterThan(30);
    expect(Number(passed) + Number(skipped ?? 0)).toBe(Number(total));
    for (const file of ['orders', 'invoices', 'categories', 'events', 'order-notes', 'account', 'lazy-import']) expect(tests.stdout).toContain(`test/${file}.test.ts`);
    const check = await checkConnector({ target: dir });
    expect(check.compliance).toBe(100);
  }, 240_000);
});
