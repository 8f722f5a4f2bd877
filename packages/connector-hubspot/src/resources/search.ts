import * as z from '@cf/core/zod';
import { InvalidRequestError, paginate, validateInput, type CallOptions, type Paginated } from '@cf/core';
import type { HubSpotContext } from '../context.js';
import { keysetFetchPage, type Checkpoint } from '../keyset-pager.js';
import { applyPropertySchema, propertyNamesOf, propertySchemaSchema, type PropertiesOf, type PropertySchema } from '../property-schema.js';
import { searchResponseSchema, type CrmRecord } from '../schemas.js';
import {
  filterGroupsSchema,
  MAX_FILTERS_PER_GROUP,
  MAX_FILTERS_TOTAL,
  pageSizeSchema,
  propertyListSchema,
  sortsSchema,
  type Filter,
  type FilterInput,
  type Sort,
} from '../validation.js';

/** HubSpot returns at most this many results per search query; paging past it is a 400. */
export const SEARCH_RESULT_CAP = 10_000;
export const SEARCH_MAX_PAGE_SIZE = 200;
/** Re-anchoring adds up to two filters per group (`modified = t AND hs_object_id > id`). */
const ANCHOR_FILTERS = 2;

const searchRequestSchema = z.lazySchema(() => z.strictObject({
  filterGroups: z.optional(filterGroupsSchema),
  sorts: z.optional(sortsSchema),
  query: z.optional(z.string().check(z.maxLength(3000, 'must be at most 3000 characters'))),
  properties: z.optional(propertyListSchema),
  schema: z.optional(propertySchemaSchema),
  limit: z.optional(pageSizeSchema(SEARCH_MAX_PAGE_SIZE)),
}));

/** A CRM search: filters, one sort, a full-text query, the properties to return, and the page size. */
export interface SearchRequest<S extends PropertySchema | undefined = undefined> {
  /** Groups are ORed, filters in a group ANDed. At most 5 groups, 10 filters per group, 25 in total. */
  filterGroups?: Array<{ filters: FilterInput[] }>;
  /** One sort. Without one, results come oldest-modified first, which lets the scan go past 10,000 results. */
  sorts?: Sort[];
  /** Full-text search over the object's default searchable properties. */
  query?: string;
  /**
   * The properties to return. @default the schema's property names, else HubSpot's default properties of the object
   * type
   */
  properties?: string[];
  /** Declares and coerces the properties read (their names are requested). */
  schema?: S;
  /** Results per request. @default 100 (max 200) */
  limit?: number;
}

/** Where a search stands: an anchored checkpoint, or an offset for searches that cannot be re-anchored. */
export type SearchCursor =
  | Checkpoint
  | {
      /** The offset of the next result (HubSpot's `after`), for a search sorted other than by modification date. */
      after: number;
    };

/**
 * `POST /crm/v3/objects/{objectType}/search` as an async iterator over every result.
 * https://developers.hubspot.com/docs/api/crm/search
 *
 * Sorted by modification date ascending (the default; on contacts `lastmodifieddate` or `hs_lastmodifieddate`), it
 * re-anchors every page on the last (date, id) seen, so it goes past
 * HubSpot's 10,000-result cap without losing or repeating records. With another sort, it pages by offset and stops
 * with INVALID_REQUEST at the cap, before HubSpot's 400.
 */
export function searchRecords<S extends PropertySchema | undefined>(
  ctx: HubSpotContext,
  objectType: string,
  modifiedProperties: readonly string[],
  request: SearchRequest<S>,
  call: CallOptions,
): Paginated<CrmRecord<PropertiesOf<S>>, SearchCursor> {
  const input = validateInput(searchRequestSchema, request, `Invalid ${objectType}.search request`, 'hubspot');
  const schema = input.schema;
  const properties = input.properties ?? propertyNamesOf(schema);
  const pageSize = input.limit ?? 100;
  const groups: Filter[][] = (input.filterGroups ?? []).map((g) => g.filters);
  const map = (record: CrmRecord) => applyPropertySchema<PropertiesOf<S>>(record, schema);
  const operation = `${objectType}.search`;

  // Sorted on any name of the modification date (contacts: lastmodifieddate or hs_lastmodifieddate), anchor on that one.
  const sorted = input.sorts?.[0]?.propertyName;
  const modifiedProperty = sorted !== undefined && modifiedProperties.includes(sorted) ? sorted : (modifiedProperties[0] ?? 'hs_lastmodifieddate');
  const blocker = anchorBlocker(input.sorts, groups, modifiedProperty);
  if (blocker === undefined) {
    const fetchPage = keysetFetchPage({ ctx, objectType, modifiedProperty, groups, query: input.query, properties, pageSize, map, call, operation });
    return paginate<CrmRecord<PropertiesOf<S>>, SearchCursor>({
      signal: call.signal,
      fetchPage: (cursor) => fetchPage(cursor as Checkpoint | undefined),
    });
  }

  return paginate<CrmRecord<PropertiesOf<S>>, SearchCursor>({
    signal: call.signal,
    fetchPage: async (cursor) => {
      const after = cursor !== undefined && 'after' in cursor ? cursor.after : 0;
      if (after >= SEARCH_RESULT_CAP) {
        throw new InvalidRequestError({
          source: 'hubspot',
          details: { reason: 'search_result_cap', cap: SEARCH_RESULT_CAP },
          message:
            `This ${objectType} search has more than ${SEARCH_RESULT_CAP.toLocaleString('en-US')} results, HubSpot's cap per query, and cannot be re-anchored past it ` +
            `because ${blocker}. Remove the sort (results then come oldest-modified first) or narrow the filters, e.g. by date range.`,
        });
      }
      const { data } = await ctx.http.request({
        method: 'POST',
        path: '/crm/v3/objects/{objectType}/search',
        params: { objectType },
        body: {
          ...(input.query !== undefined ? { query: input.query } : {}),
          filterGroups: input.filterGroups ?? [],
          ...(input.sorts ? { sorts: input.sorts } : {}),
          ...(properties ? { properties } : {}),
          limit: Math.min(pageSize, SEARCH_RESULT_CAP - after),
          ...(after > 0 ? { after: String(after) } : {}),
        },
        schema: searchResponseSchema,
        idempotent: true,
        rateLimiter: ctx.searchLimiter,
        operation,
        ...call,
      });
      const nextAfter = data.paging?.next?.after;
      return { items: data.results.map(map), next: nextAfter !== undefined ? { after: Number(nextAfter) } : undefined };
    },
  });
}

/** Why a search cannot be re-anchored on (modification date, id), or undefined when it can. */
function anchorBlocker(sorts: Sort[] | undefined, groups: Filter[][], modifiedProperty: string): string | undefined {
  const sort = sorts?.[0];
  if (sort && !(sort.propertyName === modifiedProperty && sort.direction === 'ASCENDING')) {
    return `it is sorted by ${sort.propertyName} ${sort.direction}`;
  }
  if (groups.some((g) => g.length > MAX_FILTERS_PER_GROUP - ANCHOR_FILTERS)) {
    return `a filter group has more than ${MAX_FILTERS_PER_GROUP - ANCHOR_FILTERS} filters (re-anchoring adds ${ANCHOR_FILTERS} per group)`;
  }
  const total = groups.reduce((n, g) => n + g.length, 0) + ANCHOR_FILTERS * Math.max(1, groups.length);
  if (total > MAX_FILTERS_TOTAL) return `its filters leave no room for the ${ANCHOR_FILTERS} anchor filters per group within HubSpot's ${MAX_FILTERS_TOTAL}`;
  return undefined;
}
