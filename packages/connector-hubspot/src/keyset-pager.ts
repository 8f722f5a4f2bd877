import type { CallOptions, PageResult } from '@cf/core';
import type { HubSpotContext } from './context.js';
import { listEnvelopeSchema, searchResponseSchema, type CrmRecord } from './schemas.js';
import type { Filter } from './validation.js';

/**
 * Where an ordered scan stands, as a plain JSON value you can store anywhere.
 * Every record modified before `since` has been delivered; so have those modified at `since` whose id is
 * `afterId` or lower, when `afterId` is set. Without `afterId`, nothing at `since` has been delivered yet.
 */
export type Checkpoint = {
  /** Epoch milliseconds of the modification date. */
  since: number;
  /** The last `hs_object_id` delivered within the millisecond `since`. */
  afterId?: string;
  /**
   * `changedSince` only: the exclusive upper bound of the run that produced this checkpoint (epoch ms, the run's
   * start minus `settleMs`). Records modified at or after it were left for the next run. Informational: each run
   * sets its own bound, so passing the checkpoint back ignores it.
   */
  until?: number;
};

export interface KeysetOptions<T> {
  ctx: HubSpotContext;
  objectType: string;
  /** `lastmodifieddate` for contacts, `hs_lastmodifieddate` for every other object. */
  modifiedProperty: string;
  /** The caller's filter groups (ORed); each gets the anchor filters appended. Empty: no filters of their own. */
  groups: Filter[][];
  query?: string | undefined;
  properties?: string[] | undefined;
  pageSize: number;
  /** An exclusive upper bound on the modification date, fixed when iteration starts. */
  until?: (() => number) | undefined;
  map: (record: CrmRecord) => T;
  call: CallOptions;
  operation: string;
  /**
   * `validated` (the default): every record must match `recordSchema`, or the page fails. `as-sent`: only the
   * envelope is validated and records reach `map` as HubSpot sent them (a stream leaves their validation to the
   * sync, which sets one bad record aside instead of failing its page). A record with no usable id or modification
   * date cannot be placed in the scan: it is delivered with the page it came in and does not move the checkpoint.
   */
  records?: 'validated' | 'as-sent';
}

const ID_PROPERTY = 'hs_object_id';

/** Compares numeric id strings without precision loss. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Scans search results in (modification date, id) order, one independent query per page, never using `after`:
 * HubSpot stops a query at 10,000 results, and a query anchored on the last page has no such limit.
 *
 * HubSpot honours one sort, so records sharing a millisecond come back in no particular order. A page sorted by
 * date therefore only delivers the milliseconds it holds completely (all but its last); when one millisecond
 * fills a whole page, that millisecond is read by id (`modified = since AND hs_object_id > afterId`, sorted by id).
 * Each page's checkpoint is exact, so a crashed scan resumes without losing or repeating a record.
 *
 * One page of the scan per call, for the `paginate` of the caller (search mixes it with offset paging,
 * `changedSince` wraps it with its settle bound).
 */
export function keysetFetchPage<T>(options: KeysetOptions<T>): (cursor: Checkpoint | undefined) => Promise<PageResult<T, Checkpoint>> {
  const mod = options.modifiedProperty;
  let until: number | undefined;
  const properties = options.properties && !options.properties.includes(mod) ? [...options.properties, mod] : options.properties;

  const schema = options.records === 'as-sent' ? listEnvelopeSchema : searchResponseSchema;
  const toMs = (raw: unknown): number => (typeof raw !== 'string' ? Number.NaN : /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw));
  // The modification date (the property, else `updatedAt`) and id a record is ordered by; undefined when it has none.
  const keyOf = (record: unknown): { ms: number; id: string } | undefined => {
    if (typeof record !== 'object' || record === null) return undefined;
    const r = record as { id?: unknown; updatedAt?: unknown; properties?: unknown };
    if (typeof r.id !== 'string' || r.id === '') return undefined;
    const properties = typeof r.properties === 'object' && r.properties !== null ? (r.properties as Record<string, unknown>) : {};
    const ms = toMs(properties[mod] ?? r.updatedAt);
    const ofRecord = Number.isNaN(ms) ? toMs(r.updatedAt) : ms;
    return Number.isNaN(ofRecord) ? undefined : { ms: ofRecord, id: r.id };
  };
  const map = (record: unknown): T => options.map(record as CrmRecord);

  // Every cursor this scan hands out says where its run stopped looking (a previous run's bound is replaced).
  const mark = (c: Checkpoint): Checkpoint => {
    const { until: _previous, ...rest } = c;
    return until === undefined ? rest : { ...rest, until };
  };

  return async (cursor) => {
    until ??= options.until?.();
    const byId = cursor?.afterId !== undefined;
    const anchor: Filter[] =
      cursor === undefined
        ? []
        : byId
          ? [
              { propertyName: mod, operator: 'EQ', value: String(cursor.since) },
              { propertyName: ID_PROPERTY, operator: 'GT', value: cursor.afterId ?? '0' },
            ]
          : [{ propertyName: mod, operator: 'GTE', value: String(cursor.since) }];
    const bound: Filter[] = until === undefined ? [] : [{ propertyName: mod, operator: 'LT', value: String(until) }];
    const groups = (options.groups.length > 0 ? options.groups : [[]]).map((g) => ({ filters: [...g, ...anchor, ...bound] }));
    const body = {
      ...(options.query !== undefined ? { query: options.query } : {}),
      filterGroups: groups.filter((g) => g.filters.length > 0),
      sorts: [{ propertyName: byId ? ID_PROPERTY : mod, direction: 'ASCENDING' }],
      ...(properties ? { properties } : {}),
      limit: options.pageSize,
    };
    const { data } = await options.ctx.http.request({
      method: 'POST',
      path: '/crm/v3/objects/{objectType}/search',
      params: { objectType: options.objectType },
      body,
      schema,
      idempotent: true,
      rateLimiter: options.ctx.searchLimiter,
      operation: options.operation,
      ...options.call,
    });
    const results: unknown[] = data.results;
    const keyed: Array<{ record: unknown; ms: number; id: string }> = [];
    const unplaced: unknown[] = [];
    for (const record of results) {
      const key = keyOf(record);
      if (key) keyed.push({ record, ...key });
      else unplaced.push(record);
    }
    keyed.sort((a, b) => a.ms - b.ms || compareIds(a.id, b.id));
    const full = results.length >= options.pageSize;
    const last = keyed.at(-1);
    const deliver = (records: typeof keyed): T[] => [...records.map((k) => map(k.record)), ...unplaced.map(map)];

    if (byId && cursor) {
      // Within one millisecond, sorted by id: everything here is deliverable.
      const next: Checkpoint = full && last ? { since: cursor.since, afterId: last.id } : { since: cursor.since + 1 };
      return { items: deliver(keyed), next: mark(next) };
    }
    if (!full || !last) {
      const checkpoint = last ? { since: last.ms + 1 } : cursor;
      return { items: deliver(keyed), next: undefined, ...(checkpoint ? { checkpoint: mark(checkpoint) } : {}) };
    }
    // The page's last millisecond may continue on the next page: deliver only the ones before it.
    const complete = keyed.filter((k) => k.ms < last.ms);
    if (complete.length === 0) return { items: deliver([]), next: mark({ since: last.ms, afterId: '0' }) };
    return { items: deliver(complete), next: mark({ since: last.ms }) };
  };
}
