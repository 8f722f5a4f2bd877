import { accessor } from './accessor.js';
import type { ResourcePlan } from './resource-plan.js';
import { propertyKey } from './ts-syntax.js';
import { zodSource } from './zod-source.js';

/** The core functions each pagination style needs, besides `validateInput`. */
const STRATEGY = { cursor: 'cursorPagination', offset: 'offsetPagination', page: 'pagePagination', link: 'linkHeaderPagination', none: 'paginate' } as const;

/** The checkpoint type of each style's `Paginated` (what `start` resumes from). */
const CHECKPOINT = { cursor: 'string', offset: 'number', page: 'number', link: 'string', none: 'string' } as const;

export const hasQuery = (plan: ResourcePlan): boolean => plan.isList && plan.style !== 'none';

function imports(plan: ResourcePlan): string {
  const validates = plan.pathParams.length > 0 || hasQuery(plan);
  const values = [...(validates ? ['validateInput'] : []), ...(plan.isList ? [STRATEGY[plan.style]] : [])].sort();
  const types = ['CallOptions', 'HttpClient', ...(plan.isList ? ['Paginated'] : [])];
  const core = values.length > 0 ? `import { ${[...values, ...types.map((t) => `type ${t}`)].join(', ')} } from '@cf/core';` : `import type { ${types.join(', ')} } from '@cf/core';`;
  return `${core}\nimport * as z from '@cf/core/zod';`;
}

function schemas(plan: ResourcePlan): string {
  const { ids } = plan;
  const where = `\`GET ${plan.endpoint}\``;
  if (!plan.isList) {
    return [
      `/** ${where}: the response, inferred from a sample. Unknown fields pass through; tighten what you rely on. */`,
      `export const ${ids.itemSchema} = z.lazySchema(() => ${zodSource(plan.responseShape)});`,
      `export type ${ids.item} = z.infer<typeof ${ids.itemSchema}>;`,
    ].join('\n');
  }
  const itemsPath = plan.layout.itemsPath ?? [];
  const page = zodSource(plan.responseShape, { replace: { path: itemsPath, source: `z.array(${ids.itemSchema})` } });
  return [
    `/** One record of ${where}, inferred from a sample response. Unknown fields pass through; tighten what you rely on. */`,
    `export const ${ids.itemSchema} = z.lazySchema(() => ${plan.itemShape ? zodSource(plan.itemShape) : 'z.unknown()'});`,
    `export type ${ids.item} = z.infer<typeof ${ids.itemSchema}>;`,
    '',
    `/** ${where}: one page${itemsPath.length > 0 ? ` (records in \`${itemsPath.join('.')}\`)` : ''}. */`,
    `export const ${ids.pageSchema} = z.lazySchema(() => ${page});`,
    `export type ${ids.page} = z.infer<typeof ${ids.pageSchema}>;`,
  ].join('\n');
}

function inputSchemas(plan: ResourcePlan): string {
  const out: string[] = [];
  if (plan.pathParams.length > 0) {
    out.push(`const pathParam = z.lazySchema(() => z.string().check(z.regex(/^[^/]{1,256}$/, 'must be 1-256 characters, without "/"')));`);
    out.push(`const paramsSchema = z.lazySchema(() => z.strictObject({ ${plan.pathParams.map((p) => `${p}: pathParam`).join(', ')} }));`);
  }
  if (hasQuery(plan)) {
    const fields: string[] = [];
    if (plan.params.pageSize !== undefined) {
      fields.push(
        `  /** Records per request. @default ${plan.defaultPageSize} (the API allows 1-${plan.maxPageSize}) */`,
        '  pageSize: z.optional(',
        `    z.int('must be an integer').check(z.gte(1, 'must be at least 1'), z.lte(${plan.maxPageSize}, 'must be at most ${plan.maxPageSize}, the API maximum')),`,
        '  ),',
      );
    }
    const start = CHECKPOINT[plan.style] === 'string' ? `z.string().check(z.minLength(1, 'must not be empty'))` : `z.int('must be an integer').check(z.gte(0, 'must not be negative'))`;
    fields.push(`  /** A page's \`checkpoint\` from \`.pages()\`: resumes exactly after that page. */`, `  start: z.optional(${start}),`);
    out.push(`const ${queryVar(plan)} = z.lazySchema(() =>\n  z.strictObject({\n${fields.map((f) => `  ${f}`).join('\n')}\n  }),\n);`);
    out.push(`export type ${plan.ids.query} = z.input<typeof ${queryVar(plan)}>;`);
  }
  return out.join('\n');
}

const queryVar = (plan: ResourcePlan): string => `${plan.method}QuerySchema`;

function signature(plan: ResourcePlan): string {
  const args = plan.pathParams.map((p) => `${p}: string`);
  if (hasQuery(plan)) args.push(`query: ${plan.ids.query} = {}`);
  args.push('options: CallOptions = {}');
  const returns = plan.isList ? `Paginated<${plan.ids.item}, ${CHECKPOINT[plan.style]}>` : `Promise<${plan.ids.item}>`;
  return `${plan.isList ? '' : 'async '}${plan.method}(${args.join(', ')}): ${returns}`;
}

function validation(plan: ResourcePlan): string[] {
  const what = `'Invalid ${plan.names.camel}.${plan.method}() input', '${plan.connector.source}'`;
  const lines: string[] = [];
  if (plan.pathParams.length > 0) lines.push(`const params = validateInput(paramsSchema, { ${plan.pathParams.join(', ')} }, ${what});`);
  if (hasQuery(plan)) lines.push(`const q = validateInput(${queryVar(plan)}, query, ${what});`);
  return lines;
}

/** The `request` spec: path, params, the page size query, schema and operation name. */
function requestSpec(plan: ResourcePlan, extraQuery: string[] = []): string {
  const parts = ['...options', `path: '${plan.endpoint}'`];
  if (plan.pathParams.length > 0) parts.push('params');
  if (extraQuery.length > 0) parts.push(`query: { ${extraQuery.join(', ')} }`);
  parts.push(`schema: ${plan.isList ? plan.ids.pageSchema : plan.ids.itemSchema}`, `operation: '${plan.names.camel}.${plan.method}'`);
  return `{ ${parts.join(', ')} }`;
}

function itemsFn(plan: ResourcePlan): string {
  const { expr, absent } = accessor(`(data as ${plan.ids.page})`, plan.layout.itemsPath ?? [], plan.responseShape);
  return `(data) => ${expr}${absent ? ' ?? []' : ''}`;
}

function body(plan: ResourcePlan): string[] {
  const { ids } = plan;
  if (!plan.isList) return [`const { data } = await this.http().request(${requestSpec(plan)});`, 'return data;'];
  if (plan.style === 'none') {
    const { expr, absent } = accessor('data', plan.layout.itemsPath ?? [], plan.responseShape);
    return [
      `return paginate<${ids.item}, string>({`,
      '  signal: options.signal,',
      '  fetchPage: async () => {',
      `    const { data } = await this.http().request(${requestSpec(plan)});`,
      `    return { items: ${expr}${absent ? ' ?? []' : ''}, next: undefined };`,
      '  },',
      '});',
    ];
  }
  const size = plan.params.pageSize !== undefined ? `q.pageSize ?? ${plan.defaultPageSize}` : undefined;
  const sizeQuery = size !== undefined && plan.params.pageSize !== undefined ? [`${propertyKey(plan.params.pageSize)}: ${size}`] : [];
  const start = '...(q.start !== undefined ? { start: q.start } : {}),';
  const call = (strategy: string, request: string, fields: string[]): string[] => [
    `return ${strategy}<${ids.item}>(this.http(), {`,
    `  request: ${request},`,
    ...fields.map((f) => `  ${f}`),
    `  items: ${itemsFn(plan)},`,
    `  ${start}`,
    '});',
  ];
  switch (plan.style) {
    case 'cursor': {
      const next = accessor(`(data as ${ids.page})`, plan.layout.cursorPath ?? [], plan.responseShape).expr;
      return call('cursorPagination', requestSpec(plan, sizeQuery), [`cursorParam: '${plan.params.cursor}',`, `nextCursor: (data) => ${next},`]);
    }
    case 'offset':
      return call('offsetPagination', requestSpec(plan), [
        `offsetParam: '${plan.params.offset}',`,
        `limitParam: '${plan.params.pageSize ?? 'limit'}',`,
        `pageSize: ${size ?? plan.defaultPageSize},`,
      ]);
    case 'page':
      return [
        `const pageSize = ${size ?? plan.defaultPageSize};`,
        ...call('pagePagination', requestSpec(plan, plan.params.pageSize !== undefined ? [`${propertyKey(plan.params.pageSize)}: pageSize`] : []), [
          `pageParam: '${plan.params.page}',`,
          'pageSize,',
        ]),
      ];
    case 'link':
      return call('linkHeaderPagination', requestSpec(plan, sizeQuery), []);
  }
}

function methodDoc(plan: ResourcePlan): string[] {
  const text = plan.isList
    ? [
        `\`GET ${plan.endpoint}\`${plan.style === 'none' ? ' (one page)' : ', page after page'}: iterate it for records (one page in memory at a time),`,
        'use `.pages()` for pages with checkpoints, or `.toArray({ limit })` to collect a bounded number.',
      ]
    : [`\`GET ${plan.endpoint}\`.`];
  return ['/**', ...text.map((l) => ` * ${l}`), ...(plan.docsUrl ? [` * @see ${plan.docsUrl}`] : []), ' */'];
}

/** `src/resources/<name>.ts`: the schemas inferred from the sample, input validation, one method on core's funnel. */
export function renderResource(plan: ResourcePlan): string {
  const indent = (lines: string[], by: string): string[] => lines.map((l) => (l.length > 0 ? `${by}${l}` : l));
  const method = [...methodDoc(plan), `${signature(plan)} {`, ...indent([...validation(plan), ...body(plan)], '  '), '}'];
  const parts = [
    imports(plan),
    schemas(plan),
    inputSchemas(plan),
    [
      `/** ${plan.names.pascal}: one resource per file, wired into the client in ${plan.connector.entry}. */`,
      `export class ${plan.ids.resourceClass} {`,
      '  constructor(private readonly http: () => HttpClient) {}',
      '',
      ...indent(method, '  '),
      '}',
    ].join('\n'),
  ];
  return `${parts.filter((p) => p.length > 0).join('\n\n')}\n`;
}
