import { accessor } from './accessor.js';
import { declaredNames } from './resource-plan.js';
import { addImportLine, importLine, mergeImport } from './ts-imports.js';
import type { ResourcePlan } from './resource-plan.js';
import { propertyKey, quote } from './ts-syntax.js';
import { zodSource } from './zod-source.js';

/** The core functions each pagination style needs, besides `validateInput`. */
const STRATEGY = { cursor: 'cursorPagination', offset: 'offsetPagination', page: 'pagePagination', link: 'linkHeaderPagination', none: 'paginate' } as const;

/** The checkpoint type of each style's `Paginated` (what `start` resumes from). */
const CHECKPOINT = { cursor: 'string', offset: 'number', page: 'number', link: 'string', none: 'string' } as const;

export const hasQuery = (plan: ResourcePlan): boolean => plan.isList && plan.style !== 'none';

/** The request body is validated (a write given a request sample). */
const hasInput = (plan: ResourcePlan): boolean => plan.requestShape !== undefined;
/** A write core never resends once it may have reached the API: the method explains such a failure. */
const unsafeWrite = (plan: ResourcePlan): boolean => plan.isWrite && !plan.idempotent;
/** A non-idempotent write whose API ignores Idempotency-Key: a key is refused, or core would resend the write. */
const refusesKey = (plan: ResourcePlan): boolean => unsafeWrite(plan) && !plan.acceptsIdempotencyKey;

/** What the method imports from `@cf/core`: values and types. */
export function coreImports(plan: ResourcePlan): { values: string[]; types: string[] } {
  const validates = plan.pathParams.length > 0 || hasQuery(plan) || hasInput(plan);
  const values = [
    ...(validates ? ['validateInput'] : []),
    ...(plan.isList ? [STRATEGY[plan.style]] : []),
    ...(refusesKey(plan) ? ['ValidationError'] : []),
    ...(unsafeWrite(plan) ? ['isConnectorError'] : []),
  ].sort();
  return { values, types: ['CallOptions', 'HttpClient', ...(plan.isList ? ['Paginated'] : [])] };
}

function imports(plan: ResourcePlan): string {
  const { values, types } = coreImports(plan);
  return `${importLine('@cf/core', values, types)}\nimport * as z from '@cf/core/zod';`;
}

const where = (plan: ResourcePlan): string => `\`${plan.httpMethod} ${plan.endpoint}\``;

/** The request body's schema, inferred from the request sample: checked before the network. */
function inputSchema(plan: ResourcePlan): string {
  if (!plan.requestShape) return '';
  const { ids } = plan;
  return [
    `/** ${where(plan)}: the request body, inferred from a sample request. Unknown fields are sent as given; tighten what the API requires. */`,
    `export const ${ids.inputSchema} = z.lazySchema(() => ${zodSource(plan.requestShape)});`,
    `export type ${ids.input} = z.input<typeof ${ids.inputSchema}>;`,
  ].join('\n');
}

function schemas(plan: ResourcePlan): string {
  const { ids } = plan;
  const where = `\`${plan.httpMethod} ${plan.endpoint}\``;
  if (plan.sample === undefined) return inputSchema(plan);
  if (!plan.isList) {
    const response = [
      `/** ${where}: the response, inferred from ${plan.samples.length > 1 ? `${plan.samples.length} samples` : 'a sample'}. Unknown fields pass through; tighten what you rely on. */`,
      `export const ${ids.itemSchema} = z.lazySchema(() => ${zodSource(plan.responseShape)});`,
      `export type ${ids.item} = z.infer<typeof ${ids.itemSchema}>;`,
    ].join('\n');
    return [inputSchema(plan), response].filter((p) => p.length > 0).join('\n\n');
  }
  const itemsPath = plan.layout.itemsPath ?? [];
  const page = zodSource(plan.responseShape, { replace: { path: itemsPath, source: `z.array(${ids.itemSchema})` } });
  return [
    `/** One record of ${where}, inferred from ${plan.samples.length > 1 ? `${plan.samples.length} sample responses` : 'a sample response'}. Unknown fields pass through; tighten what you rely on. */`,
    `export const ${ids.itemSchema} = z.lazySchema(() => ${plan.itemShape ? zodSource(plan.itemShape) : 'z.unknown()'});`,
    `export type ${ids.item} = z.infer<typeof ${ids.itemSchema}>;`,
    '',
    `/** ${where}: one page${itemsPath.length > 0 ? ` (records in \`${itemsPath.join('.')}\`)` : ''}. */`,
    `export const ${ids.pageSchema} = z.lazySchema(() => ${page});`,
    `export type ${ids.page} = z.infer<typeof ${ids.pageSchema}>;`,
  ].join('\n');
}

/** What the resource file declares already (nothing for a new one). */
const declared = (plan: ResourcePlan): Set<string> => (plan.existing ? declaredNames(plan.existing.resource) : new Set());

function inputSchemas(plan: ResourcePlan): string {
  const out: string[] = [];
  if (plan.pathParams.length > 0) {
    if (!declared(plan).has('pathParam')) out.push(`const pathParam = z.lazySchema(() => z.string().check(z.regex(/^[^/]{1,256}$/, 'must be 1-256 characters, without "/"')));`);
    out.push(`const ${plan.ids.paramsSchema} = z.lazySchema(() => z.strictObject({ ${plan.pathParams.map((p) => `${p}: pathParam`).join(', ')} }));`);
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

const UNSAFE_WRITE_HINT = ' It was not retried: the write is not idempotent and the API may already have applied it. Check for its effect before sending it again.';

/** The advice a failed write that may have been applied carries: core decides that (`writeOutcome`, `retryable: false`) and never resends it. */
function writeHelper(plan: ResourcePlan): string {
  if (!unsafeWrite(plan) || declared(plan).has('explainUnsafeWrite')) return '';
  return [
    '/**',
    " * Says how to go on when a write may have been applied. Core decides that (`error.writeOutcome === 'may-have-applied'`,",
    ' * `retryable: false`) and never resends such a request; this adds the advice to the message, once.',
    ' */',
    'function explainUnsafeWrite(error: unknown): unknown {',
    "  if (!isConnectorError(error) || error.writeOutcome !== 'may-have-applied' || error.details.unsafeWriteExplained) return error;",
    `  error.message += ${quote(UNSAFE_WRITE_HINT)};`,
    '  error.details.unsafeWriteExplained = true;',
    '  return error;',
    '}',
  ].join('\n');
}

function signature(plan: ResourcePlan): string {
  const args = plan.pathParams.map((p) => `${p}: string`);
  if (hasQuery(plan)) args.push(`query: ${plan.ids.query} = {}`);
  if (hasInput(plan)) args.push(`input: ${plan.ids.input}`);
  args.push('options: CallOptions = {}');
  const returns = plan.isList ? `Paginated<${plan.ids.item}, ${CHECKPOINT[plan.style]}>` : plan.sample === undefined ? 'Promise<void>' : `Promise<${plan.ids.item}>`;
  return `${plan.isList ? '' : 'async '}${plan.method}(${args.join(', ')}): ${returns}`;
}

function validation(plan: ResourcePlan): string[] {
  const what = `'Invalid ${plan.names.camel}.${plan.method}() input', '${plan.connector.source}'`;
  const lines: string[] = [];
  if (plan.pathParams.length > 0) lines.push(`const params = validateInput(${plan.ids.paramsSchema}, { ${plan.pathParams.join(', ')} }, ${what});`);
  if (hasQuery(plan)) lines.push(`const q = validateInput(${queryVar(plan)}, query, ${what});`);
  if (hasInput(plan)) lines.push(`const body = validateInput(${plan.ids.inputSchema}, input, ${what});`);
  if (refusesKey(plan)) {
    lines.push(
      '// The API ignores Idempotency-Key: with a key, core would take the write as safe to resend.',
      'if (options.idempotencyKey !== undefined) {',
      '  throw new ValidationError({',
      `    message: 'Invalid ${plan.names.camel}.${plan.method}() input: idempotencyKey is not supported: the API ignores Idempotency-Key, so it would not make this write safe to repeat.',`,
      "    issues: [{ path: 'idempotencyKey', message: 'not supported by this endpoint' }],",
      `    source: '${plan.connector.source}',`,
      '  });',
      '}',
    );
  }
  return lines;
}

/** The `request` spec: path, params, the page size query, schema and operation name. */
function requestSpec(plan: ResourcePlan, extraQuery: string[] = []): string {
  const parts = ['...options', ...(plan.isWrite ? [`method: '${plan.httpMethod}'`] : []), `path: '${plan.endpoint}'`];
  if (plan.pathParams.length > 0) parts.push('params');
  if (extraQuery.length > 0) parts.push(`query: { ${extraQuery.join(', ')} }`);
  if (hasInput(plan)) parts.push('body');
  if (plan.specIdempotent !== undefined) parts.push(`idempotent: ${plan.specIdempotent === 'key' ? 'options.idempotencyKey !== undefined' : plan.specIdempotent}`);
  if (plan.sample !== undefined) parts.push(`schema: ${plan.isList ? plan.ids.pageSchema : plan.ids.itemSchema}`);
  parts.push(`operation: '${plan.names.camel}.${plan.method}'`);
  return `{ ${parts.join(', ')} }`;
}

function itemsFn(plan: ResourcePlan): string {
  const { expr, absent } = accessor(`(data as ${plan.ids.page})`, plan.layout.itemsPath ?? [], plan.responseShape);
  return `(data) => ${expr}${absent ? ' ?? []' : ''}`;
}

function body(plan: ResourcePlan): string[] {
  const { ids } = plan;
  if (!plan.isList) {
    const call = plan.sample === undefined ? [`await this.http().request(${requestSpec(plan)});`] : [`const { data } = await this.http().request(${requestSpec(plan)});`, 'return data;'];
    if (!unsafeWrite(plan)) return call;
    return ['try {', ...call.map((l) => `  ${l}`), '} catch (error) {', '  throw explainUnsafeWrite(error);', '}'];
  }
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

function writeDoc(plan: ResourcePlan): string[] {
  const head = `${where(plan)}${plan.sample === undefined ? ' (answers no body)' : ''}.`;
  if (plan.idempotent) {
    return [`${head} Safe to send twice${plan.httpMethod === 'PUT' || plan.httpMethod === 'DELETE' ? '' : ' (declared idempotent)'}: core retries it like a read.`];
  }
  return [
    `${head} Not idempotent: once the request may have reached the API (a 5xx, a timeout, a dropped connection) it is`,
    "not retried, and the error says so (`writeOutcome: 'may-have-applied'`, `retryable: false`).",
    plan.acceptsIdempotencyKey
      ? 'Pass `idempotencyKey` in the call options (the same key on every try) to make it safe to retry.'
      : 'The API takes no idempotency key: `idempotencyKey` is refused with VALIDATION_ERROR.',
  ];
}

function methodDoc(plan: ResourcePlan): string[] {
  const text = plan.isList
    ? [
        `\`GET ${plan.endpoint}\`${plan.style === 'none' ? ' (one page)' : ', page after page'}: iterate it for records (one page in memory at a time),`,
        'use `.pages()` for pages with checkpoints, or `.toArray({ limit })` to collect a bounded number.',
      ]
    : plan.isWrite
      ? writeDoc(plan)
      : [`\`GET ${plan.endpoint}\`.`];
  return ['/**', ...text.map((l) => ` * ${l}`), ...(plan.docsUrl ? [` * @see ${plan.docsUrl}`] : []), ' */'];
}

const indent = (lines: string[], by: string): string[] => lines.map((l) => (l.length > 0 ? `${by}${l}` : l));

/** The method, as it reads inside the class (indented by two). */
function methodLines(plan: ResourcePlan): string[] {
  return indent([...methodDoc(plan), `${signature(plan)} {`, ...indent([...validation(plan), ...body(plan)], '  '), '}'], '  ');
}

/** What the method declares at module level: its schemas, input schemas and helpers. */
function declarations(plan: ResourcePlan): string[] {
  return [schemas(plan), inputSchemas(plan), writeHelper(plan)].filter((p) => p.length > 0);
}

/** `src/resources/<name>.ts`: the schemas inferred from the samples, input validation, one method on core's funnel. */
export function renderResource(plan: ResourcePlan): string {
  const parts = [
    imports(plan),
    ...declarations(plan),
    [
      `/** ${plan.names.pascal}: one resource per file, wired into the client in ${plan.connector.entry}. */`,
      `export class ${plan.ids.resourceClass} {`,
      '  constructor(private readonly http: () => HttpClient) {}',
      '',
      ...methodLines(plan),
      '}',
    ].join('\n'),
  ];
  return `${parts.filter((p) => p.length > 0).join('\n\n')}\n`;
}

/**
 * An existing resource file with the method added: its imports merged, its schemas before the class (and its
 * JSDoc), the method last in the class. What was there stays as it was, edits included.
 */
export function addMethodToResource(source: string, plan: ResourcePlan): string {
  const { values, types } = coreImports(plan);
  let out = mergeImport(source, '@cf/core', values, types);
  out = addImportLine(out, "import * as z from '@cf/core/zod';");
  const classLine = `export class ${plan.ids.resourceClass} {`;
  const classAt = out.indexOf(classLine);
  // The class's JSDoc stays on the class.
  const before = out.slice(0, classAt);
  const doc = /\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n$/.exec(before);
  const insertAt = doc ? classAt - doc[0].length : classAt;
  out = `${out.slice(0, insertAt)}${declarations(plan).join('\n\n')}\n\n${out.slice(insertAt)}`;
  const end = out.indexOf('\n}', out.indexOf(classLine));
  return `${out.slice(0, end)}\n\n${methodLines(plan).join('\n')}${out.slice(end)}`;
}
