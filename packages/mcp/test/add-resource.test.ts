import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect, tempDir } from './helpers.js';

async function scaffolded() {
  const root = tempDir();
  const tools = await connect(root);
  await tools.call('scaffold_connector', { name: 'acme', dir: 'connectors/acme' });
  const read = (file: string): string => readFileSync(join(root, 'connectors', 'acme', file), 'utf8');
  return { ...tools, read };
}

describe('add_resource: several samples, second methods, writes', () => {
  it('declares samples, requestSample, httpMethod, idempotent and idempotencyKey in its input schema', async () => {
    const { client } = await connect(tempDir());
    const { tools } = await client.listTools();
    const schema = tools.find((t) => t.name === 'add_resource')?.inputSchema as { properties: Record<string, { description?: string }> };
    for (const field of ['sample', 'samples', 'requestSample', 'httpMethod', 'idempotent', 'idempotencyKey']) expect(schema.properties[field], field).toBeDefined();
    expect(schema.properties.samples?.description).toContain('or the JSON text of that array');
    expect(schema.properties.httpMethod).toMatchObject({ enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] });
  });

  it('takes samples as an array of objects, of JSON texts, or one JSON text, and infers from all of them', async () => {
    const { call, read, text } = await scaffolded();
    const page1 = { results: [{ id: 'a', amount: 10, memo: 'x' }], count: 2 };
    const page2 = { results: [{ id: 'b', amount: 2.5, memo: null, paid: true }], count: 2 };
    const byObjects = await call('add_resource', { connector: 'connectors/acme', name: 'invoices', endpoint: '/invoices', pagination: 'offset', samples: [page1, page2] });
    expect(text(byObjects)).toContain('Added invoices.list() to connectors/acme.');
    expect(read('src/resources/invoices.ts')).toContain('memo: z.nullable(z.string()),');
    expect(read('src/resources/invoices.ts')).toContain('paid: z.optional(z.boolean()),');
    const byTexts = await call('add_resource', { connector: 'connectors/acme', name: 'bills', endpoint: '/bills', pagination: 'offset', samples: [JSON.stringify(page1), page2] });
    expect(byTexts.isError).toBeFalsy();
    expect(read('src/resources/bills.ts')).toContain('paid: z.optional(z.boolean()),');
    const byText = await call('add_resource', { connector: 'connectors/acme', name: 'credits', endpoint: '/credits', pagination: 'offset', samples: JSON.stringify([page1, page2]) });
    expect(byText.structuredContent).toMatchObject({ property: 'credits', schema: expect.stringContaining('memo: z.nullable(z.string()),') });
  });

  it('adds a write to an existing resource, with requestSample as JSON text, and refuses a method it has', async () => {
    const { call, read, text } = await scaffolded();
    await call('add_resource', { connector: 'connectors/acme', name: 'invoices', endpoint: '/invoices', sample: [{ id: 'a' }] });
    const create = await call('add_resource', {
      connector: 'connectors/acme',
      name: 'invoices',
      endpoint: '/invoices',
      httpMethod: 'POST',
      requestSample: JSON.stringify({ amount: 10 }),
      sample: { id: 'b', amount: 10 },
    });
    expect(text(create)).toContain('Added invoices.create() to connectors/acme (to its existing invoices resource).');
    expect(create.structuredContent).toMatchObject({ addedToExisting: true, inputSchema: expect.stringContaining('amount: z.number(),') });
    expect(read('src/resources/invoices.ts')).toContain('async create(input: CreateInvoiceInput, options: CallOptions = {}): Promise<CreateInvoiceResponse> {');
    const again = await call('add_resource', { connector: 'connectors/acme', name: 'invoices', endpoint: '/invoices', httpMethod: 'POST', sample: { id: 'c' } });
    expect(again.isError).toBe(true);
    expect(text(again)).toMatch(/^MCP error -32602: InvoicesResource \(src\/resources\/invoices\.ts\) already has a "create" method/);
  });

  it('answers samples and requestSample that are not JSON, or not an array, with InvalidParams naming the field', async () => {
    const { call, text } = await scaffolded();
    const base = { connector: 'connectors/acme', name: 'bills', endpoint: '/bills' };
    expect(text(await call('add_resource', { ...base, samples: '[{ "id": ' }))).toMatch(/^MCP error -32602: samples is a string but not JSON \(/);
    expect(text(await call('add_resource', { ...base, samples: '{ "id": 1 }' }))).toBe('MCP error -32602: samples must be an array of response bodies (or the JSON text of one); give a single response as `sample`.');
    expect(text(await call('add_resource', { ...base, samples: [{ id: 1 }, '{ nope'] }))).toMatch(/^MCP error -32602: samples\[1\] is a string but not JSON \(/);
    expect(text(await call('add_resource', { ...base, httpMethod: 'POST', requestSample: 'nope' }))).toMatch(/^MCP error -32602: requestSample is a string but not JSON \(/);
    expect(text(await call('add_resource', { ...base, samples: ['"text"'] }))).toContain('samples.0: must be a JSON object or array');
  });
});
