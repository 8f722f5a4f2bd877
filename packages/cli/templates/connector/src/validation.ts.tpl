import * as z from '@cf/core/zod';

/**
 * Input rules shared by the resources, checked before the network (VALIDATION_ERROR naming the field and the
 * rule, no request sent). Write the API's own rules here: its id format, its page size range, its date format.
 */

/** An item id. */
export const idSchema = z.lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"')));

/** The API's largest page. */
export const MAX_PAGE_SIZE = 100;

/** Records per request. */
export const pageSizeSchema = z.lazySchema(() =>
  z.int('must be an integer').check(z.gte(1, 'must be at least 1'), z.lte(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}, the API maximum`)),
);
