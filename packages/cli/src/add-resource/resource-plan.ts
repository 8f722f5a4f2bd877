import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { usageError } from '../cli-error.js';
import { addResourceOptionsSchema, type AddResourceOptions, type PaginationStyle } from './add-resource-options.js';
import { readConnectorPackage, type ConnectorPackage } from './connector-package.js';
import { shapeOf, type JsonShape } from './json-shape.js';
import { resourceNames, schemaNames, type ResourceNames, type SchemaNames } from './resource-names.js';
import { sampleLayout, valueAt, withValueAt, type SampleLayout } from './sample-layout.js';

/** Everything the generators need, decided once from the options, the sample and the package. */
export interface ResourcePlan {
  connector: ConnectorPackage;
  names: ResourceNames;
  ids: SchemaNames;
  style: PaginationStyle;
  /** `/customers/{customerId}/orders` */
  endpoint: string;
  /** `['customerId']`, in path order. */
  pathParams: string[];
  method: string;
  /** True when the method returns core's `Paginated` (a list), false for one record. */
  isList: boolean;
  layout: SampleLayout;
  sample: unknown;
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
}

function shapeAt(shape: JsonShape | undefined, path: readonly string[]): JsonShape | undefined {
  return path.reduce<JsonShape | undefined>((at, key) => at?.object?.fields.get(key), shape);
}

function formatIssues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(options)'}: ${i.message}`).join('; ');
}

export function planResource(options: AddResourceOptions): ResourcePlan {
  const parsed = addResourceOptionsSchema.safeParse(options);
  if (!parsed.success) throw usageError(`Invalid add-resource options: ${formatIssues(parsed.error)}`);
  const o = parsed.data;
  const dir = resolve(o.cwd ?? process.cwd(), o.dir ?? '.');
  const connector = readConnectorPackage(dir);
  const names = resourceNames(o.name);
  const ids = schemaNames(names);
  if (existsSync(join(dir, 'src', 'resources', `${names.name}.ts`))) throw usageError(`${dir}/src/resources/${names.name}.ts exists: the connector already has a "${names.name}" resource.`);

  const style = o.pagination;
  const layout = sampleLayout(o.sample, style, { itemsField: o.itemsField, cursorField: o.cursorField });
  const isList = layout.itemsPath !== undefined;
  const cursor = layout.cursorPath ? valueAt(o.sample, layout.cursorPath) : null;
  const lastPage = layout.cursorPath && cursor !== null ? withValueAt(o.sample, layout.cursorPath, null) : undefined;
  // A cursor is a string on every page but the last, where it is null, whatever this one sample shows.
  const cursorVariants = layout.cursorPath ? [withValueAt(o.sample, layout.cursorPath, null), withValueAt(o.sample, layout.cursorPath, 'next')] : [];
  const responseShape = shapeOf([o.sample, ...cursorVariants]);
  const itemShape = isList ? shapeAt(responseShape, layout.itemsPath ?? [])?.array?.element : undefined;

  const pathParams = [...o.endpoint.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((m) => m[1] ?? '');
  const duplicate = pathParams.find((p, i) => pathParams.indexOf(p) !== i);
  if (duplicate !== undefined) throw usageError(`endpoint: the path parameter {${duplicate}} appears twice.`);
  const reserved = pathParams.find((p) => ['query', 'options', 'input', 'params'].includes(p));
  if (reserved !== undefined) throw usageError(`endpoint: rename the path parameter {${reserved}}: the generated method uses that name itself.`);

  const maxPageSize = o.maxPageSize ?? 100;
  const defaultSizeParam = style === 'offset' ? 'limit' : style === 'page' ? 'per_page' : undefined;
  return {
    connector,
    names,
    ids,
    style,
    endpoint: o.endpoint,
    pathParams,
    method: o.method ?? (isList ? 'list' : 'get'),
    isList,
    layout,
    sample: o.sample,
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
  };
}
