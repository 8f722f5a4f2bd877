import type { MockRecord } from './fixtures.js';

/**
 * The CRM search semantics the mock implements: filter groups ORed, filters ANDed, one sort honoured, numeric
 * `after` offsets, and the 10,000-result window (`after + limit` past it is a 400, as in Elasticsearch-backed search).
 * Records sharing a sort value come back in an order unrelated to their ids, as HubSpot gives no tie order.
 */

export interface SearchFilter {
  propertyName: string;
  operator: string;
  value?: string | number | boolean;
  highValue?: string | number | boolean;
  values?: Array<string | number | boolean>;
}
/** The body of a CRM search request, as the mock reads it. */
export interface SearchBody {
  /** Groups ORed, filters in a group ANDed (at most 5 groups, 10 filters per group, 25 in total). */
  filterGroups?: Array<{ filters?: SearchFilter[] }>;
  /** Sorts: `{ propertyName, direction }` objects or property names; the first one applies. */
  sorts?: Array<{ propertyName: string; direction?: string } | string>;
  /** Full-text query over the record's properties (case-insensitive). */
  query?: string;
  /** The properties to return on each result. */
  properties?: string[];
  /** Results per page, 1 to 200. @default 10 */
  limit?: number;
  /** The offset of the first result (HubSpot's `after`). @default 0 */
  after?: string | number;
}

/** Results a search query may page through (HubSpot's 10,000): `after + limit` past it answers 400. */
export const SEARCH_CAP = 10_000;
export const SEARCH_LIMIT_MAX = 200;

/**
 * The result of `runSearch`: a page of results with the total and the next offset, or the error HubSpot would answer.
 */
export type SearchOutcome =
  | {
      /** The search ran. */
      ok: true;
      /** Matching records in all pages (HubSpot's `total`). */
      total: number;
      /** This page's records, in sort order. */
      results: MockRecord[];
      /** The offset of the next page, or undefined on the last page. */
      nextAfter: number | undefined;
    }
  | {
      /** HubSpot would refuse the search. */
      ok: false;
      /** The HTTP status it would answer (400). */
      status: number;
      /** HubSpot's error category (`VALIDATION_ERROR`). */
      category: string;
      /** HubSpot's message. */
      message: string;
    };

const ISO = /^\d{4}-\d{2}-\d{2}(T|$)/;

function asComparable(value: string): number | string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (ISO.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  return value.toLowerCase();
}

/** Compares a record value with a filter value: numbers and dates (ISO or epoch ms) numerically, text case-insensitively. */
export function compareValues(recordValue: string, filterValue: string): number {
  return compareComparable(asComparable(recordValue), asComparable(filterValue));
}

/** `compareValues` on values already read by `asComparable` (a sort reads each record's value once, not per comparison). */
function compareComparable(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function matches(record: MockRecord, filter: SearchFilter): boolean {
  const raw = filter.propertyName === 'hs_object_id' ? record.id : record.properties[filter.propertyName];
  const present = raw !== undefined && raw !== null && raw !== '';
  const v = String(filter.value ?? '');
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return present;
    case 'NOT_HAS_PROPERTY':
      return !present;
    case 'NEQ':
      return !present || compareValues(raw, v) !== 0;
    case 'NOT_IN':
      return !present || !(filter.values ?? []).some((x) => compareValues(raw, String(x)) === 0);
    case 'NOT_CONTAINS_TOKEN':
      return !present || !raw.toLowerCase().includes(v.replace(/\*/g, '').toLowerCase());
    default:
      break;
  }
  if (!present) return false;
  switch (filter.operator) {
    case 'EQ':
      return compareValues(raw, v) === 0;
    case 'LT':
      return compareValues(raw, v) < 0;
    case 'LTE':
      return compareValues(raw, v) <= 0;
    case 'GT':
      return compareValues(raw, v) > 0;
    case 'GTE':
      return compareValues(raw, v) >= 0;
    case 'BETWEEN':
      return compareValues(raw, v) >= 0 && compareValues(raw, String(filter.highValue ?? '')) <= 0;
    case 'IN':
      return (filter.values ?? []).some((x) => compareValues(raw, String(x)) === 0);
    case 'CONTAINS_TOKEN':
      return raw.toLowerCase().includes(v.replace(/\*/g, '').toLowerCase());
    default:
      return false;
  }
}

/** A stable scramble of an id, used to order ties the way a search index might: not by id. */
function scramble(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

const OPERATORS = new Set(['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN']);

/**
 * Runs a CRM search over records as HubSpot does: validates the body (group, filter and limit caps, operators), skips
 * archived records, applies the filters and the full-text query, sorts, then returns the page at `after` (at most
 * `cap` results reachable per query).
 */
export function runSearch(records: Iterable<MockRecord>, body: SearchBody, cap = SEARCH_CAP): SearchOutcome {
  const groups = body.filterGroups ?? [];
  const total = groups.reduce((n, g) => n + (g.filters?.length ?? 0), 0);
  if (groups.length > 5 || groups.some((g) => (g.filters?.length ?? 0) > 10) || total > 25) {
    return { ok: false, status: 400, category: 'VALIDATION_ERROR', message: 'Invalid search: at most 5 filterGroups, 10 filters per group and 25 filters in total are allowed.' };
  }
  const bad = groups.flatMap((g) => g.filters ?? []).find((f) => !OPERATORS.has(f.operator));
  if (bad) return { ok: false, status: 400, category: 'VALIDATION_ERROR', message: `Unknown operator ${bad.operator}.` };
  const limit = body.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMIT_MAX) {
    return { ok: false, status: 400, category: 'VALIDATION_ERROR', message: `limit must be between 1 and ${SEARCH_LIMIT_MAX}.` };
  }
  const after = Number(body.after ?? 0);
  if (!Number.isInteger(after) || after < 0) return { ok: false, status: 400, category: 'VALIDATION_ERROR', message: 'after must be a non-negative integer offset.' };
  if (after + limit > cap) {
    return {
      ok: false,
      status: 400,
      category: 'VALIDATION_ERROR',
      message: `Search results are limited to ${cap} per query: after (${after}) + limit (${limit}) exceeds it. Narrow the filters to page further.`,
    };
  }

  const query = body.query?.trim().toLowerCase();
  const hits: MockRecord[] = [];
  for (const record of records) {
    if (record.archived) continue;
    if (groups.length > 0 && !groups.some((g) => (g.filters ?? []).every((f) => matches(record, f)))) continue;
    if (query && !Object.values(record.properties).some((v) => v?.toLowerCase().includes(query))) continue;
    hits.push(record);
  }
  const sort = body.sorts?.[0];
  const sortProperty = typeof sort === 'string' ? sort.replace(/^-/, '') : sort?.propertyName;
  const descending = typeof sort === 'string' ? sort.startsWith('-') : sort?.direction === 'DESCENDING';
  const valueOf = (r: MockRecord) => (sortProperty === 'hs_object_id' ? r.id : (r.properties[sortProperty ?? ''] ?? ''));
  // Each record's sort key and tie-breaker computed once: parsing dates per comparison made a 12,500-record search
  // page take ~100 ms.
  const keyed = hits.map((record) => ({ record, key: sortProperty ? asComparable(valueOf(record)) : Number(record.id), tie: sortProperty ? scramble(record.id) : 0 }));
  keyed.sort((a, b) => {
    if (sortProperty) {
      const c = compareComparable(a.key, b.key);
      if (c !== 0) return descending ? -c : c;
      return a.tie - b.tie;
    }
    return (a.key as number) - (b.key as number);
  });
  const results = keyed.slice(after, after + limit).map((k) => k.record);
  const nextAfter = after + limit < hits.length ? after + limit : undefined;
  return { ok: true, total: hits.length, results, nextAfter };
}
