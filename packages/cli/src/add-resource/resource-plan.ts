import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addResourceError } from './add-resource-error.js';
import { addResourceOptionsSchema, type AddResourceOptions, type PaginationStyle, type ResourceHttpMethod } from './add-resource-options.js';
import { readConnectorPackage, type ConnectorPackage } from './connector-package.js';
import { shapeOf, type JsonShape } from './json-shape.js';
import { methodNames, resourceNames, type MethodNames, type ResourceNames } from './resource-names.js';
import { sampleLayout, valueAt, withValueAt, type SampleLayout } from './sample-layout.js';

/** A resource that exists already: the files a second method is added to, as they are now. */
export interface ExistingResource {
  /** `src/resources/<name>.ts` */
  resource: string;
  /** `src/mocks/<name>.ts` */
  mock: string;
  /** `test/<name>.test.ts` */
  test: string;
  /** The methods the resource class has. */
  methods: string[];
}

/** Everything the generators need, decided once from the options, the samples and the package. */
export interface ResourcePlan {
  connector: ConnectorPackage;
  names: ResourceNames;
  ids: MethodNames;
  style: PaginationStyle;
  /** `/customers/{customerId}/orders` */
  endpoint: string;
  /** `['customerId']`, in path order. */
  pathParams: string[];
  method: string;
  httpMethod: ResourceHttpMethod;
  /** POST, PUT, PATCH or DELETE: declared `kind: 'write'`. */
  isWrite: boolean;
  /** Safe to send twice, as declared in the metadata (core retries it like a read). */
  idempotent: boolean;
  /** The `idempotent` the request spec states, when core's own rule (by verb and idempotency key) would differ. */
  specIdempotent: 'true' | 'false' | 'key' | undefined;
  /** A non-idempotent write whose API honours `Idempotency-Key`: a caller's key makes it safe to retry. */
  acceptsIdempotencyKey: boolean;
  /** True when the method returns core's `Paginated` (a list), false for one record. */
  isList: boolean;
  layout: SampleLayout;
  /** Every sample response, the one the mock serves first; empty for a write that answers nothing. */
  samples: unknown[];
  /** The response the mock serves (`samples[0]`); undefined for a write that answers nothing (204). */
  sample: unknown;
  /** The request body of a write, as given. */
  requestSample: unknown;
  requestShape: JsonShape | undefined;
  /** cursor: the sample with no next cursor, served for any cursor so a list ends. */
  lastPage: unknown;
  /** The merged shape of every response the mocks serve. */
  responseShape: JsonShape;
  /** The merged shape of the records of a list. */
  itemShape: JsonShape | undefined;
  params: { cursor: string; offset: string; page: string; pageSize: string | undefined };
  maxPageSize: number;
  defaultPageSize: number;
  docsUrl: string | undefined;
  /** Set when the resource exists: the method is added to its files. */
  existing: ExistingResource | undefined;
}

function shapeAt(shape: JsonShape | undefined, path: readonly string[]): JsonShape | undefined {
  return path.reduce<JsonShape | undefined>((at, key) => at?.object?.fields.get(key), shape);
}

function formatIssues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(options)'}: ${i.message}`).join('; ');
}

const DEFAULT_METHOD: Record<ResourceHttpMethod, string> = { GET: 'get', POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/** The identifiers a file declares at its top level (and a little deeper: good enough to avoid redeclaring one). */
export function declaredNames(source: string): Set<string> {
  return new Set([...source.matchAll(/\b(?:const|let|type|interface|class|function)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1] ?? ''));
}

/** The methods of `class <Name>Resource { ... }` in a resource file: its members indented by two spaces. */
export function classMethods(source: string, resourceClass: string): string[] | undefined {
  const start = source.indexOf(`export class ${resourceClass} {`);
  if (start < 0) return undefined;
  const end = source.indexOf('\n}', start);
  const body = source.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/^ {2}(?:async\s+|static\s+|public\s+)*\*?([a-z][A-Za-z0-9]*)\s*[(<]/gm)].map((m) => m[1] ?? '').filter((m) => m !== 'constructor');
}

function readExisting(dir: string, names: ResourceNames, resourceClass: string, handlers: string): ExistingResource | undefined {
  const file = (path: string): string | undefined => (existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : undefined);
  const resourceFile = `src/resources/${names.name}.ts`;
  const resource = file(resourceFile);
  if (resource === undefined) return undefined;
  const mock = file(`src/mocks/${names.name}.ts`);
  const test = file(`test/${names.name}.test.ts`);
  const methods = classMethods(resource, resourceClass);
  const missing = [
    ...(methods === undefined ? [`\`export class ${resourceClass} {\` in ${resourceFile}`] : []),
    ...(mock === undefined ? [`src/mocks/${names.name}.ts`] : !new RegExp(`^export const ${handlers}: HttpHandler\\[\\] = \\[$`, 'm').test(mock) ? [`\`export const ${handlers}: HttpHandler[] = [\` in src/mocks/${names.name}.ts`] : []),
    ...(test === undefined ? [`test/${names.name}.test.ts`] : []),
  ];
  if (missing.length > 0 || methods === undefined || mock === undefined || test === undefined) {
    throw addResourceError(
      'RESOURCE_CONFLICT',
      `The connector already has a "${names.name}" resource, but not in the layout add-resource writes (missing ${missing.join(', ')}): add the method by hand, or choose another name.`,
    );
  }
  return { resource, mock, test, methods };
}

/** The response samples: `sample` first, then `samples`. */
function responsesOf(sample: unknown, samples: readonly unknown[] | undefined): unknown[] {
  return [...(sample === undefined ? [] : [sample]), ...(samples ?? [])];
}

export function planResource(options: AddResourceOptions): ResourcePlan {
  const parsed = addResourceOptionsSchema.safeParse(options);
  if (!parsed.success) throw addResourceError('INVALID_OPTIONS', `Invalid add-resource options: ${formatIssues(parsed.error)}`);
  const o = parsed.data;
  const invalid = (message: string) => addResourceError('INVALID_OPTIONS', `Invalid add-resource options: ${message}`);
  const httpMethod = o.httpMethod;
  const isWrite = httpMethod !== 'GET';
  const samples = responsesOf(o.sample, o.samples);
  if (samples.length === 0 && !isWrite) throw invalid('sample: give the response body of the endpoint (`sample`, or several in `samples`).');
  if (isWrite && o.pagination !== 'none') throw invalid(`pagination: a ${httpMethod} is one request: use "none" (or leave it out).`);
  if (o.requestSample !== undefined && (httpMethod === 'GET' || httpMethod === 'DELETE')) throw invalid(`requestSample: a ${httpMethod} sends no body; give requestSample for POST, PUT or PATCH.`);
  if (!isWrite && (o.idempotent !== undefined || o.idempotencyKey !== undefined)) throw invalid('idempotent and idempotencyKey are for writes (httpMethod POST, PUT, PATCH or DELETE): a GET is always safe to repeat.');
  const coreIdempotent = httpMethod === 'GET' || httpMethod === 'PUT' || httpMethod === 'DELETE';
  const idempotent = o.idempotent ?? coreIdempotent;
  if (idempotent && o.idempotencyKey === true) throw invalid('idempotencyKey: the write is idempotent already (safe to repeat without a key); give idempotencyKey for a write that is not.');

  const dir = resolve(o.cwd ?? process.cwd(), o.dir ?? '.');
  const connector = readConnectorPackage(dir);
  const names = resourceNames(o.name);
  const plain = methodNames(names, 'list', false, new Set());
  const existing = readExisting(dir, names, plain.resourceClass, plain.handlers);

  const style = o.pagination;
  const [first] = samples;
  const layout: SampleLayout = isWrite || first === undefined ? { itemsPath: undefined, cursorPath: undefined } : sampleLayout(first, style, { itemsField: o.itemsField, cursorField: o.cursorField });
  samples.slice(1).forEach((other, i) => {
    const which = `Sample response ${i + 2} (of ${samples.length})`;
    if (layout.itemsPath !== undefined && !Array.isArray(valueAt(other, layout.itemsPath))) {
      throw addResourceError('INVALID_SAMPLE', `${which} has no array of records at ${layout.itemsPath.length === 0 ? 'its root' : `"${layout.itemsPath.join('.')}"`}, where the first has them: give responses of the same endpoint.`);
    }
    const cursor = layout.cursorPath === undefined ? null : valueAt(other, layout.cursorPath);
    if (layout.cursorPath !== undefined && cursor !== null && cursor !== undefined && typeof cursor !== 'string') {
      throw addResourceError('INVALID_SAMPLE', `${which}: the cursor "${layout.cursorPath.join('.')}" must be a string (or null on a last page).`);
    }
  });
  const isList = layout.itemsPath !== undefined;
  const method = o.method ?? (isWrite ? DEFAULT_METHOD[httpMethod] : isList ? 'list' : 'get');
  if (existing?.methods.includes(method)) {
    throw addResourceError('DUPLICATE_METHOD', `${plain.resourceClass} (src/resources/${names.name}.ts) already has a "${method}" method: name the new one with method (--method).`);
  }
  const taken = existing ? new Set([...declaredNames(existing.resource), ...declaredNames(existing.mock)]) : new Set<string>();
  const ids = methodNames(names, method, isList, taken);

  const cursor = layout.cursorPath && first !== undefined ? valueAt(first, layout.cursorPath) : null;
  const lastPage = layout.cursorPath && cursor !== null ? withValueAt(first, layout.cursorPath, null) : undefined;
  // A cursor is a string on every page but the last, where it is null, whatever the samples show.
  const cursorVariants = layout.cursorPath && first !== undefined ? [withValueAt(first, layout.cursorPath, null), withValueAt(first, layout.cursorPath, 'next')] : [];
  const responseShape = shapeOf([...samples, ...cursorVariants]);
  const itemShape = isList ? shapeAt(responseShape, layout.itemsPath ?? [])?.array?.element : undefined;

  const pathParams = [...o.endpoint.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((m) => m[1] ?? '');
  const duplicate = pathParams.find((p, i) => pathParams.indexOf(p) !== i);
  if (duplicate !== undefined) throw invalid(`endpoint: the path parameter {${duplicate}} appears twice.`);
  const reserved = pathParams.find((p) => ['query', 'options', 'input', 'params', 'body', 'data', 'error'].includes(p));
  if (reserved !== undefined) throw invalid(`endpoint: rename the path parameter {${reserved}}: the generated method uses that name itself.`);

  const acceptsIdempotencyKey = isWrite && !idempotent && o.idempotencyKey === true;
  const specIdempotent = idempotent === coreIdempotent ? undefined : idempotent ? 'true' : acceptsIdempotencyKey ? 'key' : 'false';
  const maxPageSize = o.maxPageSize ?? 100;
  const defaultSizeParam = style === 'offset' ? 'limit' : style === 'page' ? 'per_page' : undefined;
  return {
    connector,
    names,
    ids,
    style,
    endpoint: o.endpoint,
    pathParams,
    method,
    httpMethod,
    isWrite,
    idempotent,
    specIdempotent,
    acceptsIdempotencyKey,
    isList,
    layout,
    samples,
    sample: first,
    requestSample: o.requestSample,
    requestShape: o.requestSample === undefined ? undefined : shapeOf([o.requestSample]),
    lastPage,
    responseShape,
    itemShape,
    params: {
      cursor: o.params?.cursor ?? 'cursor',
      offset: o.params?.offset ?? 'offset',
      page: o.params?.page ?? 'page',
      pageSize: style === 'none' ? undefined : (o.params?.pageSize ?? defaultSizeParam),
    },
    maxPageSize,
    defaultPageSize: Math.min(50, maxPageSize),
    docsUrl: o.docsUrl,
    existing,
  };
}
