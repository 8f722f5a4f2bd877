import { addResourceError } from './add-resource-error.js';
import type { PaginationStyle } from './add-resource-options.js';

/** Where a response keeps its records and its next-page cursor, as paths of field names. */
export interface SampleLayout {
  /** Undefined: the response is one record. `[]`: the response is the array of records. */
  itemsPath: string[] | undefined;
  /** cursor pagination only: the field holding the next page's cursor. */
  cursorPath: string[] | undefined;
}

const ITEM_FIELDS = ['data', 'items', 'results', 'records', 'entries', 'values', 'list'];
const CURSOR_FIELDS = [
  'next_cursor',
  'nextCursor',
  'cursor',
  'next_page_token',
  'nextPageToken',
  'next_token',
  'nextToken',
  'endCursor',
  'end_cursor',
  'after',
  'next',
  'continuation',
  'continuationToken',
];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), value);
}

/** A copy of `value` with `path` set to `replacement`. */
export function withValueAt(value: unknown, path: readonly string[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const record = isRecord(value) ? value : {};
  return { ...record, [head]: withValueAt(record[head], rest, replacement) };
}

/** Every path (to depth 3) whose value passes `test`, shallowest first. */
function pathsWhere(value: unknown, test: (v: unknown, key: string) => boolean, depth = 3, prefix: string[] = []): string[][] {
  if (!isRecord(value) || depth === 0) return [];
  const here = Object.entries(value).filter(([key, v]) => test(v, key)).map(([key]) => [...prefix, key]);
  const deeper = Object.entries(value).flatMap(([key, v]) => pathsWhere(v, test, depth - 1, [...prefix, key]));
  return [...here, ...deeper];
}

const show = (paths: string[][]): string => paths.map((p) => `"${p.join('.')}"`).join(', ');

function itemsPathOf(sample: unknown, style: PaginationStyle, itemsField: string | undefined): string[] | undefined {
  if (itemsField !== undefined) {
    const path = itemsField.split('.');
    if (!Array.isArray(valueAt(sample, path))) throw addResourceError('INVALID_SAMPLE', `itemsField "${itemsField}" is not an array in the sample response.`);
    return path;
  }
  if (Array.isArray(sample)) return [];
  if (style === 'none') return undefined;
  const arrays = pathsWhere(sample, (v) => Array.isArray(v));
  const topLevel = arrays.filter((p) => p.length === 1);
  const [only] = arrays;
  if (arrays.length === 1 && only) return only;
  const named = ITEM_FIELDS.map((f) => topLevel.find((p) => p[0] === f)).find((p) => p !== undefined);
  if (named) return named;
  if (arrays.length === 0) throw addResourceError('INVALID_SAMPLE', `The sample response has no array of records for ${style} pagination: give a list response, or pagination "none" for one record.`);
  throw addResourceError('INVALID_SAMPLE', `The sample response has several arrays (${show(arrays)}): name the one holding the records with itemsField.`);
}

function cursorPathOf(sample: unknown, cursorField: string | undefined): string[] {
  const isCursor = (v: unknown): boolean => typeof v === 'string' || v === null;
  if (cursorField !== undefined) {
    const path = cursorField.split('.');
    if (!isCursor(valueAt(sample, path))) throw addResourceError('INVALID_SAMPLE', `cursorField "${cursorField}" must be a string (or null on a last page) in the sample response.`);
    return path;
  }
  const found = pathsWhere(sample, (v, key) => isCursor(v) && CURSOR_FIELDS.includes(key));
  const best = CURSOR_FIELDS.map((name) => found.find((p) => p[p.length - 1] === name)).find((p) => p !== undefined);
  if (!best) throw addResourceError('INVALID_SAMPLE', `Cannot find the next page's cursor in the sample response (looked for ${CURSOR_FIELDS.join(', ')}): name it with cursorField.`);
  return best;
}

/** Finds the records and the cursor in a sample response, or says what to name explicitly. */
export function sampleLayout(sample: unknown, style: PaginationStyle, fields: { itemsField?: string | undefined; cursorField?: string | undefined }): SampleLayout {
  const itemsPath = itemsPathOf(sample, style, fields.itemsField);
  const records = itemsPath === undefined ? undefined : valueAt(sample, itemsPath);
  if (Array.isArray(records) && records.length === 0) {
    throw addResourceError('INVALID_SAMPLE', 'The sample response has no records: give one with at least one, so their schema can be inferred.');
  }
  if (style === 'cursor' && Array.isArray(sample)) throw addResourceError('INVALID_SAMPLE', 'Cursor pagination needs the cursor in the response body, but the sample response is an array: use "link", "offset" or "page".');
  return { itemsPath, cursorPath: style === 'cursor' ? cursorPathOf(sample, fields.cursorField) : undefined };
}
