import * as z from '@cf/core/zod';
import { cursorPagination, validateInput, type CallOptions, type Paginated } from '@cf/core';
import type { HubSpotContext } from '../context.js';
import { pagingSchema } from '../schemas.js';
import { objectIdSchema, pageSizeSchema } from '../validation.js';

/** CRM owners (users and queues records can be assigned to). https://developers.hubspot.com/docs/api/crm/owners */

export const ownerSchema = z.lazySchema(() => z.looseObject({
  id: z.string(),
  email: z.optional(z.string()),
  type: z.optional(z.string()),
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
  userId: z.optional(z.nullable(z.number())),
  userIdIncludingInactive: z.optional(z.nullable(z.number())),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
  teams: z.optional(z.array(z.looseObject({ id: z.string(), name: z.string(), primary: z.optional(z.boolean()) }))),
}));
/**
 * A HubSpot owner (a user records can be assigned to): `id`, `email`, names, `userId`, `teams`, timestamps (ISO
 * strings) and `archived`.
 */
export type Owner = z.output<typeof ownerSchema>;

const listResponse = z.lazySchema(() => z.looseObject({ results: z.array(ownerSchema), paging: z.optional(pagingSchema) }));
const listOptionsSchema = z.lazySchema(() => z.strictObject({
  email: z.optional(z.email('must be an email address')),
  archived: z.optional(z.boolean()),
  limit: z.optional(pageSizeSchema(500)),
}));
const getOptionsSchema = z.lazySchema(() => z.strictObject({ idProperty: z.optional(z.enum(['id', 'userId'])), archived: z.optional(z.boolean()) }));

/** The account's owners (`/crm/v3/owners`), reached as `hubspot.owners`. */
export class OwnersApi {
  constructor(private readonly ctx: HubSpotContext) {}

  /** `GET /crm/v3/owners/`: every owner (100 per request by default, up to 500), optionally filtered by email. */
  list(options: { email?: string; archived?: boolean; limit?: number } = {}, call: CallOptions = {}): Paginated<Owner, string> {
    const opts = validateInput(listOptionsSchema, options, 'Invalid owners.list options', 'hubspot');
    return cursorPagination(this.ctx.http, {
      request: {
        path: '/crm/v3/owners/',
        query: { limit: opts.limit ?? 100, email: opts.email, archived: opts.archived },
        schema: listResponse,
        operation: 'owners.list',
        ...call,
      },
      cursorParam: 'after',
      items: (d) => (d as z.output<typeof listResponse>).results,
      nextCursor: (d) => (d as z.output<typeof listResponse>).paging?.next?.after,
    });
  }

  /** `GET /crm/v3/owners/{ownerId}`, by owner id or (with `idProperty: 'userId'`) by user id. */
  async get(ownerId: string, options: { idProperty?: 'id' | 'userId'; archived?: boolean } = {}, call: CallOptions = {}): Promise<Owner> {
    const id = validateInput(objectIdSchema, ownerId, 'Invalid owner id', 'hubspot');
    const opts = validateInput(getOptionsSchema, options, 'Invalid owners.get options', 'hubspot');
    const { data } = await this.ctx.http.request({
      path: '/crm/v3/owners/{ownerId}',
      params: { ownerId: id },
      query: { idProperty: opts.idProperty, archived: opts.archived },
      schema: ownerSchema,
      operation: 'owners.get',
      ...call,
    });
    return data;
  }
}
