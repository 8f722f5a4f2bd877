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
      updated: ['src/shop-api-connector.ts', 'src/index.ts', 'src/mocks/index.ts', 'src/metadata.ts', 'test/conformance.test.ts', 'README.md'],
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
    expect(() => addResource({ dir, name: 'orders', endpoint: '/orders', method: 'list', sample: {} })).toThrow(/OrdersResource \(src\/resources\/orders\.ts\) already has a "list" method: name the new one with method/);
    expect(() => addResource({ dir, name: 'refunds', endpoint: 'refunds', sample: {} })).toThrow(/endpoint: must be a path under the base URL/);
    expect(() => addResource({ dir, name: 'refunds', endpoint: '/refunds', pagination: 'cursor', sample: { data: [{ id: 1 }] } })).toThrow(/cursorField/);
    expect(() => addResource({ dir, name: 'refunds', endpoint: '/refunds', sample: 'text' })).toThrow(/sample: must be a JSON object or array/);
    expect(() => addResource({ dir: workspace, name: 'refunds', endpoint: '/refunds', sample: {} })).toThrow(/not a connector package in the `cf new` layout/);
    expect(read('src/shop-api-connector.ts')).toBe(before);
  });

  it('infers one schema from several sample responses, and the package proves every sample satisfies it', () => {
    // Two real pages that differ: page 2 has a field page 1 lacks, a null where page 1 has a value, a number where page 1 has a string.
    const page1 = { results: [{ id: 'r1', stars: 5, text: 'Great', author: { name: 'Ada' }, ref: 'A1' }, { id: 'r2', stars: 4, text: 'Fine', author: { name: 'Lin' }, ref: 'A2' }], total: 3 };
    const page2 = { results: [{ id: 'r3', stars: 3.5, text: null, author: { name: 'Bo', karma: 7 }, ref: 17, photos: [{ url: 'https://x.test/1.jpg' }] }], total: 3 };
    const result = addResource({ dir, name: 'reviews', endpoint: '/reviews', pagination: 'offset', samples: [page1, page2] });
    expect(result.schema).toContain('stars: z.number(),');
    expect(result.schema).toContain('text: z.nullable(z.string()),');
    expect(result.schema).toContain('ref: z.union([z.string(), z.number()]),');
    expect(result.schema).toContain('karma: z.optional(z.number()),');
    expect(result.schema).toMatch(/photos: z\.optional\(z\.array\(z\.looseObject\(\{\n\s+url: z\.string\(\),/);
    expect(read('src/resources/reviews.ts')).toContain('inferred from 2 sample responses');
    // The mock serves the first and exports all, each checked against the page type by tsc; the test parses each.
    const mock = read('src/mocks/reviews.ts');
    expect(mock).toMatch(/export const reviewsSamples = \[\n {2}reviewsSample,\n {2}\{[\s\S]*\] satisfies ReviewPage\[\];/);
    expect(read('src/mocks/index.ts')).toContain("export { reviewsHandlers, reviewsSample, reviewsSamples } from './reviews.js';");
    expect(read('test/reviews.test.ts')).toContain('for (const sample of reviewsSamples) expect(z.safeParse(reviewPageSchema, sample).error).toBeUndefined();');
    // A second sample that is not the same endpoint's response is refused, naming it.
    expect(() => addResource({ dir, name: 'ratings', endpoint: '/ratings', pagination: 'offset', samples: [page1, { total: 0 }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_SAMPLE', message: expect.stringContaining('Sample response 2 (of 2) has no array of records at "results"') }),
    );
  });

  it('adds a second method to an existing resource, and refuses a method name it has', () => {
    const result = addResource({ dir, name: 'orders', endpoint: '/orders/{orderId}', sample: { ...orders[0], lines: [{ sku: 'A', qty: 1 }] } });
    expect(result).toMatchObject({ property: 'orders', method: 'get', addedToExisting: true, created: [] });
    expect(result.updated).toEqual(['src/resources/orders.ts', 'src/mocks/orders.ts', 'test/orders.test.ts', 'src/shop-api-connector.ts', 'src/index.ts', 'src/mocks/index.ts', 'src/metadata.ts', 'test/conformance.test.ts', 'README.md']);
    const resource = read('src/resources/orders.ts');
    // One class, both methods; the new method's names do not clash with the first's.
    expect(resource.match(/export class OrdersResource \{/g)).toHaveLength(1);
    expect(resource).toMatch(/ {2}list\(customerId: string[\s\S]* {2}async get\(orderId: string, options: CallOptions = \{\}\): Promise<GetOrderResponse> \{\n/);
    expect(resource).toContain('export const getOrderResponseSchema = z.lazySchema(() => z.looseObject({');
    expect(resource).toContain('const getParamsSchema = z.lazySchema(() => z.strictObject({ orderId: pathParam }));');
    expect(resource.match(/const pathParam = /g)).toHaveLength(1);
    expect(resource.match(/^import .* from '@cf\/core';$/gm)).toHaveLength(1);
    expect(read('src/mocks/orders.ts')).toMatch(/export const ordersHandlers: HttpHandler\[\] = \[\n[\s\S]*http\.get\('\*\/customers\/:customerId\/orders'[\s\S]*http\.get\('\*\/orders\/:orderId', \(\) => HttpResponse\.json\(ordersGetSample\)\),\n\];/);
    const test = read('test/orders.test.ts');
    expect(test.match(/const api = useMockApi\(\);/g)).toHaveLength(1);
    expect(test).toContain("describe('orders.get', () => {");
    expect(read('src/shop-api-connector.ts')).toContain('/** Orders: `list()`, `get()`. */');
    expect(read('src/shop-api-connector.ts').match(/readonly orders: OrdersResource;/g)).toHaveLength(1);
    expect(read('src/metadata.ts').match(/'orders'/g)).toHaveLength(1);
    expect(read('src/metadata.ts')).toContain("{ name: 'orders.get', kind: 'read', idempotent: true, shape: 'single' },");
    expect(read('src/index.ts')).toContain("export { getOrderResponseSchema, type GetOrderResponse } from './resources/orders.js';");

    // A third: a list whose path `/orders/:orderId` would catch in the mocks, so its handler goes first.
    const search = addResource({ dir, name: 'orders', method: 'search', endpoint: '/orders/search', pagination: 'page', sample: orders.slice(0, 2) });
    expect(search.schema).toContain('coupon: z.optional(z.string()),');
    expect(read('src/resources/orders.ts')).toContain('search(query: SearchOrdersQuery = {}, options: CallOptions = {}): Paginated<SearchOrder, number> {');
    expect(read('src/mocks/orders.ts')).toMatch(/\n {2}\/\/ `GET \/orders\/search` on any host and path prefix, serving the sample\.\n {2}http\.get\('\*\/orders\/search'[\s\S]*\n {2}\/\/ `GET \/orders\/\{orderId\}`[^\n]*\n {2}http\.get\('\*\/orders\/:orderId'/);

    const files = ['src/resources/orders.ts', 'src/mocks/orders.ts', 'test/orders.test.ts', 'src/metadata.ts', 'README.md'];
    const before = files.map(read);
    expect(() => addResource({ dir, name: 'orders', endpoint: '/orders/{id}', sample: { id: 'x' } })).toThrow(expect.objectContaining({ code: 'DUPLICATE_METHOD', exitCode: 2 }));
    expect(files.map(read)).toEqual(before);
  });

  it('writes POST, PUT, PATCH and DELETE methods with request body schemas and core idempotency rules', () => {
    const create = addResource({ dir, name: 'orders', endpoint: '/orders', httpMethod: 'POST', requestSample: { currency: 'EUR', lines: [{ sku: 'A', qty: 2 }] }, sample: orders[0] });
    expect(create).toMatchObject({ method: 'create', inputSchema: expect.stringContaining('currency: z.string(),') });
    addResource({ dir, name: 'orders', endpoint: '/orders/{orderId}', httpMethod: 'PUT', method: 'replace', requestSample: { currency: 'USD' }, sample: orders[1] });
    addResource({ dir, name: 'orders', endpoint: '/orders/{orderId}', httpMethod: 'PATCH', idempotent: true, requestSample: { note: 'gift' }, sample: orders[1] });
    addResource({ dir, name: 'orders', endpoint: '/orders/{orderId}', httpMethod: 'DELETE' });
    addResource({ dir, name: 'payments', endpoint: '/payments', httpMethod: 'POST', idempotencyKey: true, requestSample: { amount: 5, currency: 'EUR' }, sample: { id: 'pay_1', status: 'succeeded' } });
    const resource = read('src/resources/orders.ts');
    expect(resource).toContain('async create(input: CreateOrderInput, options: CallOptions = {}): Promise<CreateOrderResponse> {');
    expect(resource).toContain("const body = validateInput(createOrderInputSchema, input, 'Invalid orders.create() input', 'shop-api');");
    // A POST: core never resends it once it may have reached the API; a key the API ignores is refused.
    expect(resource).toMatch(/if \(options\.idempotencyKey !== undefined\) \{\n\s+throw new ValidationError\(\{/);
    expect(resource).toMatch(/try \{\n\s+const \{ data \} = await this\.http\(\)\.request\(\{ \.\.\.options, method: 'POST', path: '\/orders', body, schema: createOrderResponseSchema, operation: 'orders\.create' \}\);\n\s+return data;\n\s+\} catch \(error\) \{\n\s+throw explainUnsafeWrite\(error\);/);
    expect(resource.match(/function explainUnsafeWrite/g)).toHaveLength(1);
    // PUT and DELETE are idempotent by core's rule; a PATCH declared idempotent says so in its spec.
    expect(resource).toContain("request({ ...options, method: 'PUT', path: '/orders/{orderId}', params, body, schema: replaceOrderResponseSchema, operation: 'orders.replace' });");
    expect(resource).toContain("method: 'PATCH', path: '/orders/{orderId}', params, body, idempotent: true, schema: updateOrderResponseSchema");
    expect(resource).toContain("async delete(orderId: string, options: CallOptions = {}): Promise<void> {\n    const params = validateInput(deleteParamsSchema, { orderId }, 'Invalid orders.delete() input', 'shop-api');\n    await this.http().request({ ...options, method: 'DELETE', path: '/orders/{orderId}', params, operation: 'orders.delete' });");
    const payments = read('src/resources/payments.ts');
    expect(payments).toContain('Pass `idempotencyKey` in the call options');
    expect(payments).not.toContain('ValidationError');
    const metadata = read('src/metadata.ts');
    expect(metadata).toContain("{ name: 'orders.create', kind: 'write', idempotent: false, shape: 'single' },");
    expect(metadata).toContain("{ name: 'orders.replace', kind: 'write', idempotent: true, shape: 'single' },");
    expect(metadata).toContain("{ name: 'orders.update', kind: 'write', idempotent: true, shape: 'single' },");
    expect(metadata).toContain("{ name: 'orders.delete', kind: 'write', idempotent: true, shape: 'single' },");
    expect(metadata).toContain("{ name: 'payments.create', kind: 'write', idempotent: false, shape: 'single' },");
    // The mock answers 400 to a body the input schema refuses, 201 to a create, 204 to a delete.
    const mock = read('src/mocks/orders.ts');
    expect(mock).toContain("if (!z.safeParse(createOrderInputSchema, body).success) return HttpResponse.json({ error: { message: 'Invalid request body', requestId: 'req_400_mock' } }, { status: 400 });");
    expect(mock).toContain('return HttpResponse.json(ordersCreateSample, { status: 201 });');
    expect(mock).toContain("http.delete('*/orders/:orderId', () => new HttpResponse(null, { status: 204 })),");
    expect(read('test/conformance.test.ts')).toContain("{ name: 'orders.create', invoke: (client, options) => client.orders.create(ordersCreateRequest, options) },");
    const test = read('test/orders.test.ts');
    expect(test).toContain("it('is sent once when it may have been applied, and says so: never reported as safe to retry', async () => {");
    expect(test).toContain("expect(error.writeOutcome).toBe('may-have-applied');");
    expect(test).toContain("it('is safe to send twice: a 503 is retried like a read', async () => {");
    expect(read('test/payments.test.ts')).toContain("expect(api.server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);");
    expect(test).toContain("it('has a mock that answers 400 to a body the input schema refuses, as the API does', async () => {");
  });

  it("uses core's expectConnectorError in the generated tests, and lists every method in the package README", () => {
    for (const file of ['orders', 'invoices', 'order-notes', 'payments', 'reviews']) {
      const test = read(`test/${file}.test.ts`);
      expect(test, file).not.toMatch(/try \{|function failure/);
      expect(test.match(/^import .* from '@cf\/core\/testing';$/gm)?.[0], file).toBe("import { expectConnectorError } from '@cf/core/testing';");
    }
    expect(read('test/orders.test.ts')).toContain('const error = await expectConnectorError(');
    const readme = read('README.md');
    const methods = readme.slice(readme.indexOf('## Methods'), readme.indexOf('## Configuration'));
    expect(methods).toContain('| Method | Endpoint | Returns |');
    // The table starts with the methods the resources document already (the scaffold's items).
    expect(methods).toContain('|---|---|---|\n| `items.get(id)` | `GET /items/{id}` | `Item` |\n| `items.list(query?)` | `GET /items` | `Paginated<Item>` |\n| `orders.list(');
    expect(methods).toContain('| `orders.list(customerId, query?)` | `GET /customers/{customerId}/orders` | `Paginated<Order>`: `for await`, `.pages()`, `.toArray({ limit })` |');
    expect(methods).toContain('| `orders.get(orderId)` | `GET /orders/{orderId}` | `GetOrderResponse` |');
    expect(methods).toContain("| `orders.create(input)` | `POST /orders` | `CreateOrderResponse`; not idempotent: never resent once it may have reached the API (`writeOutcome: 'may-have-applied'`) |");
    expect(methods).toContain('| `orders.delete(orderId)` | `DELETE /orders/{orderId}` | nothing; safe to repeat (retried like a read) |');
    expect(methods).toContain('unless sent with an `idempotencyKey`');
    expect(methods.match(/^\| `/gm)).toHaveLength(16);
  });

  it('refuses options that do not fit together, before writing anything', () => {
    const before = read('src/metadata.ts');
    const refused = (options: Parameters<typeof addResource>[0], message: RegExp) =>
      expect(() => addResource(options)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', message: expect.stringMatching(message) }));
    refused({ dir, name: 'refunds', endpoint: '/refunds' }, /sample: give the response body of the endpoint/);
    refused({ dir, name: 'refunds', endpoint: '/refunds', samples: [] }, /samples: must hold at least one response body/);
    refused({ dir, name: 'refunds', endpoint: '/refunds', samples: [{ id: 1 }, 'text'] }, /samples\.1: must be a JSON object or array/);
    refused({ dir, name: 'refunds', endpoint: '/refunds', sample: { id: 1 }, requestSample: { a: 1 } }, /requestSample: a GET sends no body/);
    refused({ dir, name: 'refunds', endpoint: '/refunds', httpMethod: 'DELETE', requestSample: { a: 1 } }, /requestSample: a DELETE sends no body/);
    refused({ dir, name: 'refunds', endpoint: '/refunds', httpMethod: 'POST', pagination: 'cursor', sample: { id: 1 } }, /pagination: a POST is one request/);
    refused({ dir, name: 'refunds', endpoint: '/refunds', sample: { id: 1 }, idempotent: true }, /idempotent and idempotencyKey are for writes/);
    refused({ dir, name: 'refunds', endpoint: '/refunds', httpMethod: 'PUT', idempotencyKey: true, sample: { id: 1 } }, /idempotencyKey: the write is idempotent already/);
    refused({ dir, name: 'refunds', endpoint: '/refunds', sample: { id: 1 }, method: 'Get' }, /method: must be a camelCase identifier/);
    refused({ dir, name: 'refunds', endpoint: '/refunds', httpMethod: 'HEAD' as never, sample: { id: 1 } }, /httpMethod: Invalid option/);
    refused({ dir, name: 'refunds', endpoint: '/refunds/{body}', httpMethod: 'POST', requestSample: { a: 1 } }, /rename the path parameter \{body\}/);
    expect(read('src/metadata.ts')).toBe(before);
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
    for (const file of ['orders', 'invoices', 'categories', 'events', 'order-notes', 'account', 'reviews', 'payments', 'lazy-import']) expect(tests.stdout).toContain(`test/${file}.test.ts`);
    // The generated cases ran, the writes' ones included (vitest prints no names of passed tests: count them).
    expect(Number(passed)).toBeGreaterThan(60);
    const check = await checkConnector({ target: dir });
    expect(check.compliance).toBe(100);
  }, 240_000);
});
