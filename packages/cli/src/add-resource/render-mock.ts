import { literalAccessor } from './accessor.js';
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

function handler(plan: ResourcePlan): string[] {
  const { ids, params } = plan;
  const route = `'${mswPath(plan.endpoint)}'`;
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

/** `src/mocks/<name>.ts`: the sample as a fixture, checked against the schema's type, and a handler serving it. */
export function renderMock(plan: ResourcePlan): string {
  const { ids } = plan;
  const type = plan.isList ? ids.page : ids.item;
  const lines = [
    "import { http, HttpResponse, type HttpHandler } from 'msw';",
    `import type { ${type} } from '../resources/${plan.names.name}.js';`,
    '',
    `/** A \`GET ${plan.endpoint}\` response as the API documents it: the sample the ${plan.names.name} schemas were inferred from. */`,
    `export const ${ids.sample} = ${tsLiteral(plan.sample)} satisfies ${type};`,
  ];
  if (plan.lastPage !== undefined) {
    lines.push(
      '',
      '/** The last page: the sample with no next cursor. */',
      `export const ${ids.lastPage} = ${replaced(ids.sample, plan.layout.cursorPath ?? [], 'null')} satisfies ${type};`,
    );
  }
  lines.push(
    '',
    `/** \`GET ${plan.endpoint}\` on any host and path prefix, serving the sample. */`,
    `export const ${ids.handlers}: HttpHandler[] = [`,
    ...handler(plan).map((l) => `  ${l}`),
    '];',
  );
  return `${lines.join('\n')}\n`;
}
