import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFORMANCE_RULES, DECLARATION_RULES, OPERATION_RULES } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';
import { RULE_GUIDE } from '../src/index.js';
import { connect, tempDir } from './helpers.js';

describe('the documents', () => {
  it('serves a specification section by number, title words or rule id, and names the sections when none matches', async () => {
    const { call, text } = await connect(tempDir());
    expect(text(await call('get_specification', { section: '3' }))).toMatch(/^## 3\. Retry\n/);
    expect(text(await call('get_specification', { section: 'Circuit breaker' }))).toMatch(/^## 4\. Circuit breaker\n/);
    expect(text(await call('get_specification', { section: 'pagination-cycle' }))).toMatch(/^## 12\. Pagination\n/);
    expect(text(await call('get_specification'))).toMatch(/## 15\. Conformance/);
    const missing = await call('get_specification', { section: 'teleportation' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toContain('No section "teleportation" in the specification. Sections: 1. Lifecycle; 2. Configuration;');
  });

  it('explains every conformance rule from the specification and the core source that provides it', async () => {
    const { call, text } = await connect(tempDir());
    const ALL_RULES = [...CONFORMANCE_RULES, ...DECLARATION_RULES, ...OPERATION_RULES];
    expect(Object.keys(RULE_GUIDE).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
    const coreDir = join(import.meta.dirname, '..', '..', 'core');
    for (const rule of ALL_RULES) {
      const result = await call('explain_failure', { rule: rule.id });
      const data = result.structuredContent as { specification: Array<{ section: string; row: string }>; source: string[] };
      expect(data.specification.length, rule.id).toBeGreaterThan(0);
      for (const file of data.source) expect(existsSync(join(coreDir, file)), `${rule.id}: ${file}`).toBe(true);
      expect(text(result)).toContain(`[${rule.id}] ${rule.title}`);
    }
    const retryAfter = text(await call('explain_failure', { rule: '[retry-after]' }));
    expect(retryAfter).toContain('§3. Retry: `Retry-After` (delta-seconds, fractional, or HTTP-date)');
    // The advice matches core: reset headers are read on rate-limit answers only, so naming them is safe for APIs
    // that send them on every response.
    expect(retryAfter).toMatch(/core reads those headers on rate-limit answers only/);
    expect(retryAfter).toMatch(/declare it with `isRateLimited`/);
  });
});

describe('the tools, in memory', () => {
  it('scaffolds and adds a resource inside the workspace, reporting paths relative to it', async () => {
    const root = tempDir();
    const { call } = await connect(root);
    const scaffold = await call('scaffold_connector', { name: 'acme', dir: 'connectors/acme' });
    expect(scaffold.structuredContent).toMatchObject({ dir: 'connectors/acme', layout: 'standalone' });
    const added = await call('add_resource', {
      connector: './connectors/acme',
      name: 'invoices',
      endpoint: '/invoices',
      pagination: 'offset',
      sample: { results: [{ id: 'inv_1', amount: 10 }], count: 1 },
    });
    expect(added.structuredContent).toMatchObject({ dir: 'connectors/acme', property: 'invoices', method: 'list', created: expect.arrayContaining(['src/resources/invoices.ts']) });
    expect(readFileSync(join(root, 'connectors', 'acme', 'src', 'resources', 'invoices.ts'), 'utf8')).toContain('offsetPagination<Invoice>');
  });

  it('returns input and CLI failures as MCP errors with the reason', async () => {
    const { call, text } = await connect(tempDir());
    const invalid = await call('add_resource', { connector: 'acme', name: 'x', endpoint: '/x', pagination: 'sideways', sample: {} });
    expect(invalid.isError).toBe(true);
    expect(text(invalid)).toMatch(/Input validation error: .*pagination/s);
    const escape = await call('scaffold_connector', { name: 'evil', dir: '../../evil' });
    expect(text(escape)).toMatch(/^MCP error -32602: dir "\.\.\/\.\.\/evil" is outside the workspace/);
    const notConnector = await call('check_connector', { connector: 'no-such-connector' });
    expect(text(notConnector)).toContain('is neither a connector package directory nor a connector the CLI knows');
  });

  it('checks a registry connector by name, in-process', async () => {
    const { call } = await connect(tempDir());
    const check = await call('check_connector', { connector: 'frankfurter' });
    expect(check.structuredContent).toMatchObject({ via: 'adapter', compliance: 100, failing: [] });
  });
});

describe('first-run friction (issue 19)', () => {
  it('add_resource takes the sample as JSON text as well as an object, and the target as `dir` as well as `connector`', async () => {
    const root = tempDir();
    const { call, text } = await connect(root);
    await call('scaffold_connector', { name: 'acme', dir: 'connectors/acme' });
    const sample = JSON.stringify({ results: [{ id: 'inv_1', amount: 10 }], count: 1 });
    const byText = await call('add_resource', { dir: 'connectors/acme', name: 'invoices', endpoint: '/invoices', pagination: 'offset', sample });
    expect(text(byText)).toContain('Added invoices.list() to connectors/acme.');
    expect(readFileSync(join(root, 'connectors', 'acme', 'src', 'resources', 'invoices.ts'), 'utf8')).toContain('amount: z.number(),');
    const notJson = await call('add_resource', { connector: 'connectors/acme', name: 'bills', endpoint: '/bills', pagination: 'offset', sample: '{ results: [' });
    expect(notJson.isError).toBe(true);
    expect(text(notJson)).toMatch(/^MCP error -32602: sample is a string but not JSON \(/);
    const both = await call('add_resource', { connector: 'connectors/acme', dir: 'connectors/other', name: 'bills', endpoint: '/bills', pagination: 'none', sample: {} });
    expect(text(both)).toContain('name different packages');
    const neither = await call('add_resource', { name: 'bills', endpoint: '/bills', pagination: 'none', sample: {} });
    expect(text(neither)).toContain('Name the connector package: `connector` (or `dir`)');
  });

  it('check_connector before npm install says to install first, not an opaque -32603', async () => {
    const root = tempDir();
    const { call, text } = await connect(root);
    await call('scaffold_connector', { name: 'acme', dir: 'connectors/acme' });
    const check = await call('check_connector', { connector: 'connectors/acme' });
    expect(check.isError).toBe(true);
    expect(text(check)).toBe(`MCP error -32602: ${join(root, 'connectors', 'acme')} has no dependencies installed (vitest and @cf/core not found in its node_modules): run \`npm install\` in ${join(root, 'connectors', 'acme')} first, then check again.`);
  });
});
