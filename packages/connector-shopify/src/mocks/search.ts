import { parseGid } from '../gid.js';
import type { MockRecord } from './fixtures.js';

/**
 * A small subset of Shopify's search syntax and sorting, enough to serve list and changedSince calls:
 * terms ANDed (spaces or `AND`, parentheses ignored), `field:value`, comparisons on dates
 * (`updated_at:>='2025-01-01T00:00:00Z'`), and bare words matched against the title or name.
 * `OR` and `NOT` are not supported by the mock.
 */
type Comparator = '>' | '>=' | '<' | '<=' | '=';

interface Term {
  field: string | undefined;
  op: Comparator;
  value: string;
}

const FIELD_MAP: Record<string, string> = {
  updated_at: 'updatedAt',
  created_at: 'createdAt',
  processed_at: 'processedAt',
  status: 'status',
  sku: 'sku',
  title: 'title',
  vendor: 'vendor',
  product_type: 'productType',
  tag: 'tags',
  email: 'email',
  name: 'name',
  handle: 'handle',
};

function tokens(query: string): string[] {
  const out: string[] = [];
  const re = /(?:[^\s'"()]+|'[^']*'|"[^"]*")+/g;
  for (const match of query.replace(/[()]/g, ' ').matchAll(re)) out.push(match[0]);
  return out.filter((t) => t !== 'AND');
}

function parseTerm(token: string): Term {
  const colon = token.indexOf(':');
  if (colon === -1) return { field: undefined, op: '=', value: unquote(token) };
  const field = token.slice(0, colon);
  let rest = token.slice(colon + 1);
  let op: Comparator = '=';
  for (const candidate of ['>=', '<=', '>', '<'] as const) {
    if (rest.startsWith(candidate)) {
      op = candidate;
      rest = rest.slice(candidate.length);
      break;
    }
  }
  return { field, op, value: unquote(rest) };
}

function unquote(value: string): string {
  return value.replace(/^['"]|['"]$/g, '');
}

function compare(a: number | string, b: number | string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function matches(record: MockRecord, term: Term): boolean {
  if (term.field === undefined) {
    const title = text(record.title ?? record.name).toLowerCase();
    return title.includes(term.value.toLowerCase().replace(/\*$/, ''));
  }
  const key = FIELD_MAP[term.field] ?? term.field;
  const actual = record[key];
  if (key.endsWith('At')) {
    if (typeof actual !== 'string') return false;
    const c = compare(Date.parse(actual), Date.parse(term.value));
    return term.op === '>' ? c > 0 : term.op === '>=' ? c >= 0 : term.op === '<' ? c < 0 : term.op === '<=' ? c <= 0 : c === 0;
  }
  if (Array.isArray(actual)) return actual.map(String).some((v) => v.toLowerCase() === term.value.toLowerCase());
  const value = text(actual).toLowerCase();
  const wanted = term.value.toLowerCase();
  return wanted.endsWith('*') ? value.startsWith(wanted.slice(0, -1)) : value === wanted;
}

/** Records matching a search query (all of them when the query is empty). */
export function filterRecords(records: MockRecord[], query: unknown): MockRecord[] {
  if (typeof query !== 'string' || query.trim() === '') return records;
  const terms = tokens(query).map(parseTerm);
  return records.filter((r) => terms.every((t) => matches(r, t)));
}

const SORT_FIELDS: Record<string, string> = {
  UPDATED_AT: 'updatedAt',
  CREATED_AT: 'createdAt',
  PROCESSED_AT: 'processedAt',
  TITLE: 'title',
  NAME: 'displayName',
  VENDOR: 'vendor',
};

function numericId(record: MockRecord): number {
  return Number(parseGid(record.id)?.id ?? 0);
}

export interface SortKeyValue {
  value: number | string;
  id: number;
}

/** The value a record sorts by: dates as epoch ms, strings as they are, the numeric id breaking ties. */
export function sortValue(record: MockRecord, sortKey: unknown): SortKeyValue {
  const field = typeof sortKey === 'string' ? SORT_FIELDS[sortKey] : undefined;
  const raw = field ? record[field] : undefined;
  let value: number | string = numericId(record);
  if (typeof raw === 'string') value = field?.endsWith('At') ? Date.parse(raw) : raw.toLowerCase();
  return { value, id: numericId(record) };
}

function compareKeys(a: SortKeyValue, b: SortKeyValue): number {
  return compare(a.value, b.value) || compare(a.id, b.id);
}

export function sortRecords(records: MockRecord[], sortKey: unknown, reverse: boolean): MockRecord[] {
  const sorted = [...records].sort((a, b) => compareKeys(sortValue(a, sortKey), sortValue(b, sortKey)));
  return reverse ? sorted.reverse() : sorted;
}

/** Shopify-like opaque cursor: the last item's sort value and id, so a page boundary survives inserts. */
export function encodeCursor(key: SortKeyValue): string {
  return Buffer.from(JSON.stringify({ last_id: key.id, last_value: key.value })).toString('base64');
}

export function decodeCursor(cursor: string): SortKeyValue | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { last_id?: unknown; last_value?: unknown };
    if (typeof parsed.last_id !== 'number' || (typeof parsed.last_value !== 'number' && typeof parsed.last_value !== 'string')) return undefined;
    return { id: parsed.last_id, value: parsed.last_value };
  } catch {
    return undefined;
  }
}

/** The records strictly after the cursor in the sort order (`reverse` included). */
export function afterCursor(sorted: MockRecord[], sortKey: unknown, reverse: boolean, cursor: SortKeyValue): MockRecord[] {
  return sorted.filter((r) => {
    const c = compareKeys(sortValue(r, sortKey), cursor);
    return reverse ? c < 0 : c > 0;
  });
}
