import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldConnector } from '../src/commands/new.js';
import { runCli, tempDir } from './helpers.js';

/** A fresh `cf new` package in a temporary directory, and sample files beside it. */
function setUp() {
  const root = tempDir('cf-add-resource-');
  const dir = scaffoldConnector({ name: 'shop-api', cwd: root, dir: 'shop-api' }).dir;
  const file = (name: string, value: unknown): string => {
    writeFileSync(join(root, name), typeof value === 'string' ? value : JSON.stringify(value));
    return name;
  };
  const read = (path: string): string => readFileSync(join(dir, path), 'utf8');
  return { root, dir, file, read };
}

describe('cf add-resource', () => {
  it('is listed in cf --help, with its flags in cf add-resource --help', async () => {
    const help = await runCli(['--help']);
    expect(help.stdout).toMatch(/add-resource \[options\] <name> <endpoint>\s+add a resource \(or a method of one\)/);
    const own = await runCli(['add-resource', '--help']);
    for (const flag of ['--dir <dir>', '--sample <file>', '--samples <file>', '--request-sample <file>', '--http-method <verb>', '--idempotency-key', '--no-idempotent', '--pagination <style>']) {
      expect(own.stdout).toContain(flag);
    }
  });

  it('infers the schema from every --sample (and --samples), relative to the working directory', async () => {
    const { root, file, read } = setUp();
    const page1 = file('page1.json', { results: [{ id: 'r1', stars: 5, text: 'Great' }], total: 2 });
    const page2 = file('page2.json', { results: [{ id: 'r2', stars: 4.5, text: null, photos: ['a.jpg'] }], total: 2 });
    const more = file('more.json', [{ results: [{ id: 'r3', stars: 1, text: 'Bad', verified: true }], total: 2 }]);
    const run = await runCli(['add-resource', 'reviews', '/reviews', '--dir', 'shop-api', '--pagination', 'offset', '--sample', page1, '--sample', page2, '--samples', more, '--max-page-size', '20'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`created reviews.list() in ${join(root, 'shop-api')}`);
    expect(run.stdout).toContain('  created: src/resources/reviews.ts, src/mocks/reviews.ts, test/reviews.test.ts');
    const resource = read('src/resources/reviews.ts');
    expect(resource).toContain('inferred from 3 sample responses');
    expect(resource).toContain('text: z.nullable(z.string()),');
    expect(resource).toContain('photos: z.optional(z.array(z.string())),');
    expect(resource).toContain('verified: z.optional(z.boolean()),');
    expect(resource).toContain("z.lte(20, 'must be at most 20, the API maximum')");
  });

  it('adds a write to an existing resource from --request-sample, and prints JSON with --json', async () => {
    const { root, file, read } = setUp();
    await runCli(['add-resource', 'orders', '/orders', '--dir', 'shop-api', '--sample', file('list.json', [{ id: 'o1' }])], { cwd: root });
    const run = await runCli(
      ['add-resource', 'orders', '/orders', '--dir', 'shop-api', '--http-method', 'post', '--request-sample', file('req.json', { total: 5 }), '--sample', file('created.json', { id: 'o2', total: 5 }), '--idempotency-key', '--json'],
      { cwd: root },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ property: 'orders', method: 'create', addedToExisting: true, created: [], inputSchema: expect.stringContaining('total: z.number(),') });
    expect(read('src/resources/orders.ts')).toContain("method: 'POST', path: '/orders', body, schema: createOrderResponseSchema");
    expect(read('src/metadata.ts')).toContain("{ name: 'orders.create', kind: 'write', idempotent: false, shape: 'single' },");
    const del = await runCli(['add-resource', 'orders', '/orders/{orderId}', '--dir', 'shop-api', '--http-method', 'DELETE', '--no-idempotent'], { cwd: root });
    expect(del.code).toBe(0);
    expect(read('src/metadata.ts')).toContain("{ name: 'orders.delete', kind: 'write', idempotent: false, shape: 'single' },");
    expect(read('src/resources/orders.ts')).toContain("method: 'DELETE', path: '/orders/{orderId}', params, idempotent: false, operation: 'orders.delete'");
  });

  it("lists the method in the package README: a new Methods table with the resources' documented methods, or a row in the table it has", async () => {
    const fresh = setUp();
    await runCli(['add-resource', 'orders', '/orders/{orderId}', '--dir', 'shop-api', '--sample', fresh.file('o.json', { id: 'o1' })], { cwd: fresh.root });
    const readme = fresh.read('README.md');
    const methods = readme.slice(readme.indexOf('## Methods'), readme.indexOf('## Configuration'));
    expect(methods).toContain('| Method | Endpoint | Returns |\n|---|---|---|\n| `items.get(id)` | `GET /items/{id}` | `Item` |\n| `items.list(query?)` | `GET /items` | `Paginated<Item>` |\n| `orders.get(orderId)` | `GET /orders/{orderId}` | `Order` |\n');
    expect(readme.indexOf('## Methods')).toBeLessThan(readme.indexOf('## Configuration'));

    const custom = setUp();
    const table = '# x\n\n## Methods\n\n| Method | Endpoint | Input | Notes |\n|---|---|---|---|\n| `a()` | `GET /a` | | |\n\nText after.\n\n## Errors\n';
    writeFileSync(join(custom.dir, 'README.md'), table);
    await runCli(['add-resource', 'orders', '/orders', '--dir', 'shop-api', '--http-method', 'DELETE'], { cwd: custom.root });
    expect(custom.read('README.md')).toBe(
      table.replace('| `a()` | `GET /a` | | |\n', '| `a()` | `GET /a` | | |\n| `orders.delete()` | `DELETE /orders` | nothing; safe to repeat (retried like a read) |  |\n'),
    );
  });

  it('answers bad input with a usage error (exit 2) naming the flag, and writes nothing', async () => {
    const { root, dir, file } = setUp();
    const cases: Array<[string[], RegExp]> = [
      [['--sample', 'missing.json'], /^cf: --sample missing\.json: cannot read it \(ENOENT\)\.$/m],
      [['--sample', file('bad.json', '{ "id": ')], /^cf: --sample bad\.json is not JSON \(/m],
      [['--samples', file('one.json', { id: 1 })], /^cf: --samples one\.json must hold a JSON array of response bodies/m],
      [['--request-sample', 'nope.json', '--http-method', 'POST'], /^cf: --request-sample nope\.json: cannot read it/m],
      [['--http-method', 'HEAD', '--sample', file('s.json', { id: 1 })], /--http-method.*must be one of GET, POST, PUT, PATCH, DELETE/],
      [['--pagination', 'sideways'], /Allowed choices are none, cursor, offset, page, link/],
      [['--max-page-size', '0'], /--max-page-size.*must be a positive integer/],
      [[], /^cf: Invalid add-resource options: sample: give the response body of the endpoint/m],
      [['--sample', file('t.json', '"text"')], /^cf: Invalid add-resource options: samples\.0: must be a JSON object or array/m],
    ];
    for (const [flags, message] of cases) {
      const run = await runCli(['add-resource', 'refunds', '/refunds', '--dir', 'shop-api', ...flags], { cwd: root });
      expect(run.code, flags.join(' ')).toBe(2);
      expect(run.stderr, flags.join(' ')).toMatch(message);
    }
    const notPackage = await runCli(['add-resource', 'refunds', '/refunds', '--sample', 's.json'], { cwd: root });
    expect(notPackage.code).toBe(2);
    expect(notPackage.stderr).toContain('is not a connector package in the `cf new` layout');
    expect(existsSync(join(dir, 'src', 'resources', 'refunds.ts'))).toBe(false);
    await runCli(['add-resource', 'refunds', '/refunds', '--dir', 'shop-api', '--sample', 's.json'], { cwd: root });
    const duplicate = await runCli(['add-resource', 'refunds', '/refunds/{id}', '--dir', 'shop-api', '--sample', 's.json'], { cwd: root });
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/^cf: RefundsResource \(src\/resources\/refunds\.ts\) already has a "get" method: name the new one with method \(--method\)\.$/m);
  });
});
