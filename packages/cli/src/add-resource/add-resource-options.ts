import { z } from 'zod';

import { HTTP_METHODS, PAGINATION_STYLES } from './choices.js';

// The choices live in a module without zod, so `cf`'s command line can list them without loading zod.
export { HTTP_METHODS, PAGINATION_STYLES, type PaginationStyle, type ResourceHttpMethod } from './choices.js';

const jsonBody = z.json().refine((v) => typeof v === 'object' && v !== null, 'must be a JSON object or array (one response body of the endpoint)');
const fieldPath = z.string().regex(/^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/, 'must be a field name, or a dotted path to a nested field (e.g. "data" or "paging.next.after")');
const queryParam = z.string().regex(/^[A-Za-z0-9_.[\]-]{1,64}$/, 'must be a query parameter name (letters, digits, "_", "-", ".", "[", "]")');

/**
 * What `addResource` takes, validated once here (each message names the rule). The descriptions are what an
 * agent reads: the MCP server's `add_resource` tool exposes this schema.
 */
export const addResourceOptionsSchema = z.strictObject({
  dir: z.string().min(1, 'must not be empty').optional().describe("The connector package's directory. Default: the current directory."),
  cwd: z.string().min(1, 'must not be empty').optional().describe('What `dir` is relative to. Default: process.cwd().'),
  name: z.string().describe('The resource as the API names it, lower-case words joined by "-": "orders", "line-items". Gives src/resources/<name>.ts and client.<camelName>.'),
  endpoint: z
    .string()
    .regex(
      /^(\/([A-Za-z0-9._~-]+|\{[A-Za-z][A-Za-z0-9_]*\}))+$/,
      'must be a path under the base URL like "/orders" or "/customers/{customerId}/orders": "/"-separated segments of letters, digits, ".", "_", "~", "-", or a whole-segment {param}',
    )
    .describe('The path under the connector\'s base URL (without its prefix), path parameters in braces: "/orders", "/customers/{customerId}/orders". Each becomes a validated string argument.'),
  pagination: z
    .enum(PAGINATION_STYLES)
    .default('none')
    .describe(
      'How the endpoint pages, on core\'s strategy of that name: "cursor" (a next cursor in the body, sent back as a query parameter), "offset" (offset/limit), "page" (page number), "link" (Link: rel="next" header), or "none" (one response: a record, or one page of records when it is an array).',
    ),
  sample: jsonBody
    .optional()
    .describe('One real response body of the endpoint (for a list, its first page), as JSON. The zod schema is inferred from it (with `samples`, if given) and the mock serves it. Give `sample`, `samples` or both; a write (POST/PUT/PATCH/DELETE) without either answers nothing (204).'),
  samples: z
    .array(jsonBody)
    .min(1, 'must hold at least one response body')
    .optional()
    .describe(
      'Several real response bodies of the endpoint (pages of a list, or responses for different records), as JSON. The schema accepts all of them: a field missing from some is optional, one null in some is nullable, mixed types are a union. The mock serves the first (after `sample`, if given).',
    ),
  method: z
    .string()
    .regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'must be a camelCase identifier')
    .optional()
    .describe('The method\'s name. Default: "list" for records, "get" for one record; "create" for POST, "update" for PUT and PATCH, "delete" for DELETE. A resource that exists gets this method added (a name it already has is refused).'),
  httpMethod: z
    .enum(HTTP_METHODS)
    .default('GET')
    .describe('The HTTP verb: GET (a read), or POST, PUT, PATCH, DELETE (a write: one request, pagination "none", declared kind "write" in the metadata).'),
  requestSample: jsonBody
    .optional()
    .describe('POST, PUT, PATCH: one real request body, as JSON. The input schema is inferred from it (checked before the network), the mock answers 400 to a body it refuses, the test sends it.'),
  idempotent: z
    .boolean()
    .optional()
    .describe("Whether sending the write twice is safe (core then retries it like a read). Default: core's rule, true for PUT and DELETE, false for POST and PATCH. Say true for a POST that only reads (a search) or a PATCH setting absolute values."),
  idempotencyKey: z
    .boolean()
    .optional()
    .describe('A write that is not idempotent: true when the API honours an `Idempotency-Key` header, so a caller passing `idempotencyKey` in its call options makes it safe to retry. Default false: a key is refused with VALIDATION_ERROR, since the API would ignore it and core would resend the write.'),
  itemsField: fieldPath.optional().describe('Where the records are in the response ("data", "result.items"). Default: the response itself when it is an array, else its one array field (or data/items/results...).'),
  cursorField: fieldPath.optional().describe('cursor pagination: where the next page\'s cursor is ("next_cursor", "paging.next.after"). Default: the first usual name found (next_cursor, nextCursor, cursor, next_page_token, after, next...).'),
  params: z
    .strictObject({ cursor: queryParam, offset: queryParam, page: queryParam, pageSize: queryParam })
    .partial()
    .optional()
    .describe('Query parameter names. Defaults: cursor "cursor"; offset "offset" and pageSize "limit"; page "page" and pageSize "per_page"; for cursor and link a page size is sent only if pageSize is named.'),
  maxPageSize: z.number().int('must be an integer').min(1, 'must be at least 1').max(10_000, 'must be at most 10000').optional().describe("The API's largest page size, enforced before the network. Default: 100."),
  docsUrl: z.url('must be an absolute URL').optional().describe("The endpoint's reference page, linked from the method's JSDoc."),
});

/** The options; the samples are whatever your JSON parser returned: the schema checks each is a JSON object or array. */
export type AddResourceOptions = Omit<z.input<typeof addResourceOptionsSchema>, 'sample' | 'samples' | 'requestSample'> & {
  /** One response body of the endpoint (for a list, its first page): a JSON object or array. */
  sample?: unknown;
  /** More response bodies (other pages, other records): the inferred schema accepts every one. */
  samples?: readonly unknown[] | undefined;
  /** For POST, PUT and PATCH: one request body; the method's input schema is inferred from it. */
  requestSample?: unknown;
};
export type ParsedAddResourceOptions = z.output<typeof addResourceOptionsSchema>;
