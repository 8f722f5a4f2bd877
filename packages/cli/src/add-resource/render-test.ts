import { literalAccessor } from './accessor.js';
import type { ResourcePlan } from './resource-plan.js';
import { valueAt } from './sample-layout.js';
import { mswPath } from './render-mock.js';
import { addImportLine, importLine, mergeImport } from './ts-imports.js';
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

/** One named import of the test file: `import { values, type types } from 'module'`. */
type Import = [module: string, values: string[], types: string[]];

interface TestParts {
  imports: Import[];
  /** `import * as z from '@cf/core/zod'` is needed. */
  zod: boolean;
  /** The `describe(...)` block. */
  block: string[];
}

const inline = (q: Record<string, string>): string => {
  const entries = Object.entries(q).map(([k, v]) => `${propertyKey(k)}: ${quote(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
};

/** A bad call refused before the network, with `expectConnectorError` from core's testing kit. */
function refusal(title: string, run: string, contains: string): string[] {
  return [
    '',
    `  it('${title}', async () => {`,
    `    const error = await expectConnectorError(${run});`,
    "    expect(error.code).toBe('VALIDATION_ERROR');",
    `    expect(error.message).toContain('${contains}');`,
    '    expect(api.server.requests).toHaveLength(0);',
    '  });',
  ];
}

function testParts(plan: ResourcePlan): TestParts {
  const { ids, connector } = plan;
  const name = `${plan.names.camel}.${plan.method}`;
  const path = `${connector.testPathPrefix}${plan.endpoint.replace(/\{[A-Za-z0-9_]+\}/g, ARG)}`;
  const hasInput = plan.requestShape !== undefined;
  const call = (args: string[], options?: string): string => `api.make().${plan.names.camel}.${plan.method}(${list([...args, ...(hasInput ? [ids.request] : []), ...(options ? [options] : [])])})`;
  const pathArgs = plan.pathParams.map(() => `'${ARG}'`);
  const mockImports = new Set<string>();
  const block: string[] = [];
  let errorCases = false;
  let msw = false;
  const headerChecks = [
    ...(connector.bearer ? ['    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);'] : []),
    `    expect(request?.headers['user-agent']).toContain('${connector.packageName}/');`,
  ];
  // A list validates when it is called, a single-record method when its promise runs: both before the network.
  const later = (expr: string): string => (plan.isList ? `Promise.resolve().then(() => ${expr})` : expr);
  const hasQueryInput = plan.isList && plan.style !== 'none' && plan.params.pageSize !== undefined;

  if (plan.isWrite) {
    if (hasInput) mockImports.add(ids.request);
    if (plan.sample !== undefined) mockImports.add(ids.sample);
    const expectResult = (expr: string): string => (plan.sample === undefined ? `    await expect(${expr}).resolves.toBeUndefined();` : `    expect(await ${expr}).toEqual(${ids.sample});`);
    block.push(
      `  it('sends ${plan.httpMethod} ${path}${hasInput ? ' with the body' : ''} and returns the ${plan.sample === undefined ? 'nothing it answers' : 'typed response'}', async () => {`,
      expectResult(call(pathArgs)),
      `    expect(api.server.requests.map((r) => [r.method, r.path])).toEqual([['${plan.httpMethod}', '${path}']]);`,
      '    const [request] = api.server.requests;',
      ...(hasInput ? [`    expect(request?.json).toEqual(${ids.request});`, "    expect(request?.headers['content-type']).toContain('application/json');"] : ["    expect(request?.body).toBe('');"]),
      ...headerChecks,
      '  });',
    );
    const route = `'${mswPath(plan.endpoint)}'`;
    const verb = plan.httpMethod.toLowerCase();
    const failing = (status: number, once: boolean): string =>
      `    api.server.use(http.${verb}(${route}, () => HttpResponse.json({ error: { message: 'Unavailable', requestId: 'req_${status}_mock' } }, { status: ${status} })${once ? ', { once: true }' : ''}));`;
    msw = true;
    if (plan.idempotent) {
      block.push(
        '',
        "  it('is safe to send twice: a 503 is retried like a read', async () => {",
        failing(503, true),
        expectResult(call(pathArgs)),
        `    expect(api.server.requests.map((r) => r.method)).toEqual(['${plan.httpMethod}', '${plan.httpMethod}']);`,
        '  });',
      );
    } else {
      errorCases = true;
      block.push(
        '',
        "  it('is sent once when it may have been applied, and says so: never reported as safe to retry', async () => {",
        failing(500, false),
        `    const error = await expectConnectorError(${call(pathArgs)});`,
        "    expect(error.writeOutcome).toBe('may-have-applied');",
        '    expect(error.retryable).toBe(false);',
        "    expect(error.message).toContain('It was not retried');",
        '    expect(api.server.requests).toHaveLength(1);',
        '  });',
      );
      if (plan.acceptsIdempotencyKey) {
        block.push(
          '',
          "  it('with an idempotencyKey, sends it on every try and retries a failure', async () => {",
          failing(500, true),
          expectResult(call(pathArgs, "{ idempotencyKey: 'key-1' }")),
          "    expect(api.server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);",
          '  });',
        );
      } else {
        block.push(...refusal('refuses an idempotencyKey (the API ignores it) with VALIDATION_ERROR, before the network', call(pathArgs, "{ idempotencyKey: 'key-1' }"), 'idempotencyKey'));
      }
    }
    if (hasInput) {
      errorCases = true;
      const bad = `api.make().${plan.names.camel}.${plan.method}(${list([...pathArgs, 'null as never'])})`;
      block.push(...refusal('answers a body that is not one with VALIDATION_ERROR, before the network', bad, `Invalid ${name}() input`));
      block.push(
        '',
        "  it('has a mock that answers 400 to a body the input schema refuses, as the API does', async () => {",
        `    const response = await fetch(\`\${api.server.baseUrl}${path}\`, { method: '${plan.httpMethod}', headers: { 'content-type': 'application/json' }, body: 'null' });`,
        '    expect(response.status).toBe(400);',
        '  });',
      );
    }
  } else {
    const exp = expected(plan);
    mockImports.add(ids.sample);
    if (exp.result.includes(ids.lastPage)) mockImports.add(ids.lastPage);
    const run = plan.isList ? `${call([...pathArgs, ...(exp.query ? [exp.query] : [])])}.toArray({ limit: 1_000 })` : call(pathArgs);
    const requests = exp.requests.map((q) => `      ['GET', '${path}', ${inline(q)}],`);
    block.push(
      `  it('sends GET ${path}${exp.requests.length > 1 ? ` page by page (${exp.requests.length} requests)` : ''} and returns the typed ${plan.isList ? 'records' : 'response'}', async () => {`,
      `    const result = await ${run};`,
      `    expect(result).toEqual(${exp.result});`,
      '    expect(api.server.requests.map((r) => [r.method, r.path, Object.fromEntries(r.query)])).toEqual([',
      ...requests,
      '    ]);',
      '    const [request] = api.server.requests;',
      ...headerChecks,
      "    expect(request?.body).toBe('');",
      '  });',
    );
    if (hasQueryInput) {
      errorCases = true;
      block.push(...refusal('answers a page size out of range with VALIDATION_ERROR, before the network', later(call([...pathArgs, `{ pageSize: ${plan.maxPageSize + 1} }`])), 'pageSize'));
    }
  }
  if (plan.pathParams.length > 0) {
    errorCases = true;
    const [first] = plan.pathParams;
    const bad = call(plan.pathParams.map((_, i) => (i === 0 ? "'no/slashes'" : `'${ARG}'`)));
    // Before the page-size case, as the tests have always read.
    const at = block.findIndex((l, i) => i > 0 && l === '' && block[i + 1]?.includes("it('answers a page size"));
    const lines = refusal(`answers a bad ${first ?? ''} with VALIDATION_ERROR naming it, before the network`, later(bad), first ?? '');
    if (at > 0) block.splice(at, 0, ...lines);
    else block.push(...lines);
  }
  const zod = plan.samples.length > 1;
  if (zod) {
    mockImports.add(ids.samples);
    const schema = plan.isList ? ids.pageSchema : ids.itemSchema;
    block.push(
      '',
      `  it('accepts every sample response the schema was inferred from (${plan.samples.length})', () => {`,
      `    for (const sample of ${ids.samples}) expect(z.safeParse(${schema}, sample).error).toBeUndefined();`,
      '  });',
    );
  }
  const imports: Import[] = [
    ...(errorCases ? [['@cf/core/testing', ['expectConnectorError'], []] satisfies Import] : []),
    ...(msw ? [['msw', ['HttpResponse', 'http'], []] satisfies Import] : []),
    ['vitest', ['describe', 'expect', 'it'], []],
    ...(zod ? [[`../src/resources/${plan.names.name}.js`, [plan.isList ? ids.pageSchema : ids.itemSchema], []] satisfies Import] : []),
    ['../src/mocks/index.js', [...mockImports].sort(), []],
    ['./helpers.js', [...(connector.bearer ? ['TOKEN'] : []), 'useMockApi'], []],
  ];
  return { imports, zod, block: [`describe('${name}', () => {`, ...block, '});'] };
}

/** `test/<name>.test.ts`: the outgoing requests and the typed result of the method, and bad input refused before the network. */
export function renderTest(plan: ResourcePlan): string {
  const parts = testParts(plan);
  const lines = [
    ...(parts.zod ? ["import * as z from '@cf/core/zod';"] : []),
    ...parts.imports.map(([module, values, types]) => importLine(module, values, types)),
    '',
    'const api = useMockApi();',
    '',
    ...parts.block,
  ];
  return `${lines.join('\n')}\n`;
}

/** An existing test file with the method's imports merged and its `describe` block appended. */
export function addMethodToTest(source: string, plan: ResourcePlan): string {
  const parts = testParts(plan);
  let out = parts.imports.reduce((text, [module, values, types]) => mergeImport(text, module, values, types), source);
  if (parts.zod) out = addImportLine(out, "import * as z from '@cf/core/zod';");
  return `${out.replace(/\n*$/, '')}\n\n${parts.block.join('\n')}\n`;
}
