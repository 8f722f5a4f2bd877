import { literalAccessor } from './accessor.js';
import type { ResourcePlan } from './resource-plan.js';
import { valueAt } from './sample-layout.js';
import { propertyKey, quote } from './ts-syntax.js';

/** A path parameter value the generated test sends (and expects in the path). */
const ARG = 'abc123';

interface Expected {
  /** `list(...)` arguments after the path parameters. */
  query: string | undefined;
  /** The query of each request the call sends, in order. */
  requests: Array<Record<string, string>>;
  /** The expected result, as an expression over the mock's exports. */
  result: string;
}

/** What the call sends and gets back, worked out the way core's strategy and the mock will page. */
function expected(plan: ResourcePlan): Expected {
  const { ids, params } = plan;
  const records = literalAccessor(ids.sample, plan.layout.itemsPath ?? []);
  if (!plan.isList) return { query: undefined, requests: [{}], result: ids.sample };
  if (plan.style === 'none') return { query: undefined, requests: [{}], result: records };
  const count = (valueAt(plan.sample, plan.layout.itemsPath ?? []) as unknown[]).length;
  // Small pages, so a list of two records or more takes several requests.
  const size = Math.min(plan.maxPageSize, Math.max(1, Math.ceil(count / 2)));
  const sizeQuery: Record<string, string> = params.pageSize !== undefined ? { [params.pageSize]: String(size) } : {};
  const query = params.pageSize !== undefined ? `{ pageSize: ${size} }` : undefined;
  switch (plan.style) {
    case 'cursor': {
      if (plan.lastPage === undefined) return { query, requests: [sizeQuery], result: records };
      const cursor = String(valueAt(plan.sample, plan.layout.cursorPath ?? []));
      const last = literalAccessor(ids.lastPage, plan.layout.itemsPath ?? []);
      return { query, requests: [sizeQuery, { ...sizeQuery, [params.cursor]: cursor }], result: `[...${records}, ...${last}]` };
    }
    case 'link':
      return { query, requests: [sizeQuery, { ...sizeQuery, page: '2' }], result: `[...${records}, ...${records}]` };
    case 'offset':
    case 'page': {
      const requests: Array<Record<string, string>> = [];
      // Core stops on a short (or empty) page.
      for (let i = 0; ; i += 1) {
        const at = plan.style === 'offset' ? { [params.offset]: String(i * size) } : { [params.page]: String(i + 1) };
        requests.push(plan.style === 'offset' ? { ...at, [params.pageSize ?? 'limit']: String(size) } : { ...sizeQuery, ...at });
        const got = Math.max(0, Math.min(size, count - i * size));
        if (got === 0 || got < size) break;
      }
      return { query, requests, result: records };
    }
  }
}

const list = (items: string[]): string => items.join(', ');

/** `test/<name>.test.ts`: the outgoing requests and the typed result of the method, and bad input refused before the network. */
export function renderTest(plan: ResourcePlan): string {
  const { ids, connector } = plan;
  const exp = expected(plan);
  const path = `${connector.testPathPrefix}${plan.endpoint.replace(/\{[A-Za-z0-9_]+\}/g, ARG)}`;
  const call = (args: string[]): string => `api.make().${plan.names.camel}.${plan.method}(${list(args)})`;
  const pathArgs = plan.pathParams.map(() => `'${ARG}'`);
  const run = plan.isList ? `${call([...pathArgs, ...(exp.query ? [exp.query] : [])])}.toArray({ limit: 1_000 })` : call(pathArgs);
  const usesLastPage = exp.result.includes(ids.lastPage);
  const mockImports = [ids.sample, ...(usesLastPage ? [ids.lastPage] : [])].sort();
  const hasQueryInput = plan.isList && plan.style !== 'none' && plan.params.pageSize !== undefined;
  const validates = plan.pathParams.length > 0 || hasQueryInput;

  const lines = [
    ...(validates ? ["import { isConnectorError } from '@cf/core';"] : []),
    "import { describe, expect, it } from 'vitest';",
    `import { ${list(mockImports)} } from '../src/mocks/index.js';`,
    `import { ${list([...(connector.bearer ? ['TOKEN'] : []), 'useMockApi'])} } from './helpers.js';`,
    '',
    'const api = useMockApi();',
    '',
  ];
  if (validates) {
    lines.push(
      'async function failure(promise: Promise<unknown>): Promise<unknown> {',
      '  try {',
      '    await promise;',
      '  } catch (error) {',
      '    return error;',
      '  }',
      "  throw new Error('expected the call to fail');",
      '}',
      '',
    );
  }
  const inline = (q: Record<string, string>): string => {
    const entries = Object.entries(q).map(([k, v]) => `${propertyKey(k)}: ${quote(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  };
  const requests = exp.requests.map((q) => `      ['GET', '${path}', ${inline(q)}],`);
  lines.push(
    `describe('${plan.names.camel}.${plan.method}', () => {`,
    `  it('sends GET ${path}${exp.requests.length > 1 ? ` page by page (${exp.requests.length} requests)` : ''} and returns the typed ${plan.isList ? 'records' : 'response'}', async () => {`,
    `    const result = await ${run};`,
    `    expect(result).toEqual(${exp.result});`,
    '    expect(api.server.requests.map((r) => [r.method, r.path, Object.fromEntries(r.query)])).toEqual([',
    ...requests,
    '    ]);',
    '    const [request] = api.server.requests;',
    ...(connector.bearer ? ['    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);'] : []),
    `    expect(request?.headers['user-agent']).toContain('${connector.packageName}/');`,
    "    expect(request?.body).toBe('');",
    '  });',
  );
  // A list validates when it is called, a single-record method when its promise runs: both before the network.
  const later = (expr: string): string => (plan.isList ? `Promise.resolve().then(() => ${expr})` : expr);
  if (plan.pathParams.length > 0) {
    const [first] = plan.pathParams;
    const bad = call(plan.pathParams.map((_, i) => (i === 0 ? "'no/slashes'" : `'${ARG}'`)));
    lines.push(
      '',
      `  it('answers a bad ${first} with VALIDATION_ERROR naming it, before the network', async () => {`,
      `    const error = await failure(${later(bad)});`,
      "    expect(isConnectorError(error) && error.code).toBe('VALIDATION_ERROR');",
      `    expect((error as Error).message).toContain('${first}');`,
      '    expect(api.server.requests).toHaveLength(0);',
      '  });',
    );
  }
  if (hasQueryInput) {
    lines.push(
      '',
      "  it('answers a page size out of range with VALIDATION_ERROR, before the network', async () => {",
      `    const error = await failure(${later(call([...pathArgs, `{ pageSize: ${plan.maxPageSize + 1} }`]))});`,
      "    expect(isConnectorError(error) && error.code).toBe('VALIDATION_ERROR');",
      "    expect((error as Error).message).toContain('pageSize');",
      '    expect(api.server.requests).toHaveLength(0);',
      '  });',
    );
  }
  lines.push('});');
  return `${lines.join('\n')}\n`;
}
