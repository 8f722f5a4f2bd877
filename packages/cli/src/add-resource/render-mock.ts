import { literalAccessor } from './accessor.js';
import { addResourceError } from './add-resource-error.js';
import { addImportLine, importLine, mergeImport } from './ts-imports.js';
import type { ResourcePlan } from './resource-plan.js';
import { tsLiteral } from './ts-literal.js';
import { propertyKey } from './ts-syntax.js';

/** `{ ...base, a: { ...base.a, b: value } }`: the base literal with the value at `path` replaced. */
function replaced(base: string, path: readonly string[], value: string): string {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  return `{ ...${base}, ${propertyKey(head)}: ${replaced(literalAccessor(base, [head]), rest, value)} }`;
}

/** The MSW route: `*` for any host and prefix, `{param}` as `:param`. */
export const mswPath = (endpoint: string): string => `*${endpoint.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1')}`;

/** The handler of a write: it answers 400 to a body the input schema refuses (as the API would), else the sample. */
function writeHandler(plan: ResourcePlan, route: string): string[] {
  const verb = plan.httpMethod.toLowerCase();
  const answer = plan.sample === undefined ? 'new HttpResponse(null, { status: 204 })' : `HttpResponse.json(${plan.ids.sample}${plan.httpMethod === 'POST' ? ', { status: 201 }' : ''})`;
  if (plan.requestShape === undefined) return [`http.${verb}(${route}, () => ${answer}),`];
  return [
    `http.${verb}(${route}, async ({ request }) => {`,
    '  // The body must be one the input schema accepts: the API answers 400 to anything else, and so does the mock.',
    '  const body: unknown = await request.json().catch(() => undefined);',
    `  if (!z.safeParse(${plan.ids.inputSchema}, body).success) return HttpResponse.json({ error: { message: 'Invalid request body', requestId: 'req_400_mock' } }, { status: 400 });`,
    `  return ${answer};`,
    '}),',
  ];
}

function handler(plan: ResourcePlan): string[] {
  const { ids, params } = plan;
  const route = `'${mswPath(plan.endpoint)}'`;
  if (plan.isWrite) return writeHandler(plan, route);
  const records = literalAccessor(ids.sample, plan.layout.itemsPath ?? []);
  const slice = (from: string, to: string): string => replaced(ids.sample, plan.layout.itemsPath ?? [], `${records}.slice(${from}, ${to})`);
  const size = (fallback: string): string => (params.pageSize !== undefined ? `Number(query.get('${params.pageSize}') ?? ${fallback})` : fallback);
  switch (plan.isList ? plan.style : 'none') {
    case 'cursor':
      if (plan.lastPage === undefined) return [`http.get(${route}, () => HttpResponse.json(${ids.sample})),`];
      return [
        `http.get(${route}, ({ request }) => {`,
        '  // The first request gets the sample; any cursor gets the last page, so a list ends.',
        `  const cursor = new URL(request.url).searchParams.get('${params.cursor}');`,
        `  return HttpResponse.json(cursor === null ? ${ids.sample} : ${ids.lastPage});`,
        '}),',
      ];
    case 'offset':
      return [
        `http.get(${route}, ({ request }) => {`,
        '  const query = new URL(request.url).searchParams;',
        `  const offset = Number(query.get('${params.offset}') ?? 0);`,
        `  const limit = ${size(`${records}.length`)};`,
        `  return HttpResponse.json(${slice('offset', 'offset + limit')});`,
        '}),',
      ];
    case 'page':
      return [
        `http.get(${route}, ({ request }) => {`,
        '  const query = new URL(request.url).searchParams;',
        `  const page = Number(query.get('${params.page}') ?? 1);`,
        `  const size = ${size(`${records}.length`)};`,
        `  return HttpResponse.json(${slice('(page - 1) * size', 'page * size')});`,
        '}),',
      ];
    case 'link':
      return [
        `http.get(${route}, ({ request }) => {`,
        "  // Two pages: the first links to the second with `Link: <...?page=2>; rel=\"next\"`, the second links nowhere.",
        '  const url = new URL(request.url);',
        `  if (url.searchParams.get('page') === '2') return HttpResponse.json(${ids.sample});`,
        "  url.searchParams.set('page', '2');",
        `  return HttpResponse.json(${ids.sample}, { headers: { link: \`<\${url.href}>; rel="next"\` } });`,
        '}),',
      ];
    default:
      return [`http.get(${route}, () => HttpResponse.json(${ids.sample})),`];
  }
}

/** What the mock imports from the resource file: the types its fixtures satisfy, the input schema its handler checks. */
function resourceImports(plan: ResourcePlan): { values: string[]; types: string[] } {
  const types = [...(plan.sample === undefined ? [] : [plan.isList ? plan.ids.page : plan.ids.item]), ...(plan.requestShape ? [plan.ids.input] : [])];
  return { values: plan.requestShape ? [plan.ids.inputSchema] : [], types };
}

/** The fixtures: the sample (and the other samples, the last page, the request body) as the method's types check them. */
function fixtures(plan: ResourcePlan): string[] {
  const { ids } = plan;
  const type = plan.isList ? ids.page : ids.item;
  const lines: string[] = [];
  if (plan.sample !== undefined) {
    lines.push(
      `/** A \`${plan.httpMethod} ${plan.endpoint}\` response as the API documents it: the sample the ${plan.names.name} schemas were inferred from. */`,
      `export const ${ids.sample} = ${tsLiteral(plan.sample)} satisfies ${type};`,
    );
  }
  if (plan.samples.length > 1) {
    const others = plan.samples.slice(1).map((s) => `  ${tsLiteral(s, '  ')},`);
    lines.push(
      '',
      `/** Every sample response the schemas were inferred from (the first is \`${ids.sample}\`): each one must satisfy them. */`,
      `export const ${ids.samples} = [\n  ${ids.sample},\n${others.join('\n')}\n] satisfies ${type}[];`,
    );
  }
  if (plan.lastPage !== undefined) {
    lines.push(
      '',
      '/** The last page: the sample with no next cursor. */',
      `export const ${ids.lastPage} = ${replaced(ids.sample, plan.layout.cursorPath ?? [], 'null')} satisfies ${type};`,
    );
  }
  if (plan.requestShape !== undefined) {
    lines.push('', `/** A \`${plan.httpMethod} ${plan.endpoint}\` request body: the sample the input schema was inferred from. */`, `export const ${ids.request} = ${tsLiteral(plan.requestSample)} satisfies ${ids.input};`);
  }
  return lines[0] === '' ? lines.slice(1) : lines;
}

const handlerDoc = (plan: ResourcePlan): string => `\`${plan.httpMethod} ${plan.endpoint}\` on any host and path prefix${plan.sample === undefined ? '' : ', serving the sample'}.`;

/** `src/mocks/<name>.ts`: the samples as fixtures, checked against the schemas' types, and a handler serving them. */
export function renderMock(plan: ResourcePlan): string {
  const { ids } = plan;
  const { values, types } = resourceImports(plan);
  const lines = [
    "import { http, HttpResponse, type HttpHandler } from 'msw';",
    ...(plan.requestShape ? ["import * as z from '@cf/core/zod';"] : []),
    importLine(`../resources/${plan.names.name}.js`, values, types),
    '',
    ...fixtures(plan),
    '',
    `/** ${handlerDoc(plan)} */`,
    `export const ${ids.handlers}: HttpHandler[] = [`,
    ...handler(plan).map((l) => `  ${l}`),
    '];',
  ];
  return `${lines.join('\n')}\n`;
}

/** An existing mock file with the method's fixtures (before its handlers) and its handler (last in them). */
export function addMethodToMock(source: string, plan: ResourcePlan): string {
  const { values, types } = resourceImports(plan);
  let out = types.length + values.length > 0 ? mergeImport(source, `../resources/${plan.names.name}.js`, values, types) : source;
  if (plan.requestShape) out = addImportLine(out, "import * as z from '@cf/core/zod';");
  const start = new RegExp(`^export const ${plan.ids.handlers}: HttpHandler\\[\\] = \\[$`, 'm').exec(out);
  if (!start) throw addResourceError('RESOURCE_CONFLICT', `Cannot add the mock: src/mocks/${plan.names.name}.ts has no \`export const ${plan.ids.handlers}: HttpHandler[] = [\` line.`);
  const before = out.slice(0, start.index);
  const doc = /\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n$/.exec(before);
  const at = doc ? start.index - doc[0].length : start.index;
  const added = fixtures(plan);
  if (added.length > 0) out = `${out.slice(0, at)}${added.join('\n')}\n\n${out.slice(at)}`;
  const open = out.indexOf(start[0]) + start[0].length;
  const end = out.indexOf('\n];', open);
  if (end < 0) throw addResourceError('RESOURCE_CONFLICT', `Cannot add the mock: the handlers array in src/mocks/${plan.names.name}.ts has no closing \`];\` line.`);
  const lines = [`// ${handlerDoc(plan)}`, ...handler(plan)].map((l) => `  ${l}`);
  // MSW answers with the first handler that matches: a route an earlier one would catch (`/orders/search` after
  // `/orders/:orderId`) goes before it.
  const shadow = shadowingHandler(out.slice(open, end), plan.httpMethod.toLowerCase(), mswPath(plan.endpoint));
  const insertAt = shadow === undefined ? end : open + shadow;
  return `${out.slice(0, insertAt)}\n${lines.join('\n')}${out.slice(insertAt)}`;
}

/** Where in `handlers` (the array's text) the first `http.<verb>(route...` whose route also matches `route` starts (at its line break). */
function shadowingHandler(handlers: string, verb: string, route: string): number | undefined {
  const concrete = route.replace(/^\*/, '/v1').replace(/:[A-Za-z0-9_]+/g, 'x');
  for (const match of handlers.matchAll(/\n {2}(?:\/\/[^\n]*\n {2})?http\.(\w+)\('([^']+)'/g)) {
    if (match[1] !== verb || match[2] === route) continue;
    const pattern = (match[2] ?? '').split(/(\*|:[A-Za-z0-9_]+)/).map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
    if (new RegExp(`^${pattern}$`).test(concrete)) return match.index;
  }
  return undefined;
}
