import * as z from '../schema/zod.js';

/** One public method of a connector, as the conformance kit exercises it. */
export const operationDeclarationSchema = z.lazySchema(() =>
  z.strictObject({
    /** `resource.method` (or `method` for one on the connector itself), e.g. `contacts.create`. */
    name: z.string().check(z.regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/, 'must be resource.method in camelCase')),
    /** Does it change the API's data? */
    kind: z.enum(['read', 'write']),
    /** Is sending it twice safe (a GET, a PUT, a search POST, a write with an idempotency key)? */
    idempotent: z.boolean(),
    /** One answer, a list of pages (`Paginated`), or a streamed body. */
    shape: z.enum(['single', 'paginated', 'stream']),
  }),
);

/** One quota window of the API, as its documentation states it. */
export const limitWindowSchema = z.lazySchema(() =>
  z.strictObject({
    name: z.string().check(z.minLength(1)),
    limit: z.number().check(z.positive()),
    intervalMs: z.number().check(z.positive()),
    algorithm: z.enum(['token-bucket', 'sliding-window', 'fixed-window']),
    /** What a unit is: one request, or the API's cost points (Shopify's query cost). */
    unit: z.enum(['requests', 'points']),
    /** The operations this window counts, when not all of them (One Call's daily quota). */
    appliesTo: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  }),
);

/**
 * How the API limits and how it says "rate limited": the conformance kit enforces this model itself (independently
 * of the connector's mocks) and answers like the API when a window is exceeded.
 */
export const limitModelSchema = z.lazySchema(() =>
  z.strictObject({
    windows: z.array(limitWindowSchema).check(z.minLength(1)),
    rateLimitedAnswer: z.strictObject({
        status: z.int().check(z.gte(200)).check(z.lte(599)),
        /** Headers the API sends with it (e.g. `x-ratelimit-remaining: 0`). */
        headers: z.optional(z.record(z.string(), z.string())),
        /** The API's body, when it has a signature (`{ "policyName": "TEN_SECONDLY_ROLLING" }`). */
        body: z.optional(z.unknown()),
        /** Whether it carries `Retry-After` (seconds). */
        retryAfter: z.boolean(),
        /**
         * A header saying when the limit resets (GitHub's `x-ratelimit-reset`, epoch seconds), sent with the answer.
         * The kit then serves it at its clock's "now" plus the wait, and checks the retry waits until then (the
         * connector names it in `retryAfterHeaders`).
         */
        resetHeader: z.optional(z.strictObject({ name: z.string().check(z.minLength(1)), unit: z.enum(['epoch-seconds', 'epoch-ms', 'seconds']) })),
        /**
         * How long the API means to refuse calls when it does not say (OpenWeather's account block: an hour). Past
         * the client's `maxRetryAfterMs` the call must fail at once, not retryable, with `retryAfterMs` of at least this.
         */
        waitMs: z.optional(z.int().check(z.positive())),
        /** The body's content type when it is not JSON (a proxy's plain-text 429). @default application/json */
        contentType: z.optional(z.string().check(z.minLength(1))),
      }),
    /** Response headers carrying the quota, when the API sends them. */
    quotaHeaders: z.optional(z.strictObject({ remaining: z.optional(z.string()), limit: z.optional(z.string()), reset: z.optional(z.string()) })),
    /** The documentation page the model comes from. */
    source: z.url(),
  }),
);

/** Where a credential travels. */
export type CredentialLocation = 'header' | 'query' | 'none';

// Typed through the alias: the declaration files then print `CredentialLocation`, not the enum's members in the
// compiler's (run-dependent) order, which made the API report differ between machines.
const credentialLocation = (): z.ZodType<CredentialLocation> => z.enum(['header', 'query', 'none']);

/** Where the credential travels, for the leak checks. */
export const credentialDeclarationSchema = z.lazySchema(() =>
  z.strictObject({
    in: credentialLocation(),
    /** The header or parameter name (`authorization`, `appid`). */
    name: z.optional(z.string().check(z.minLength(1))),
  }),
);

/** A conformance rule that cannot apply to this connector, and why (listed by `cf check`). */
export const notApplicableSchema = z.lazySchema(() =>
  z.strictObject({ rule: z.string().check(z.minLength(1)), reason: z.string().check(z.minLength(10)) }),
);

/**
 * A list or incremental resource `cf sync` lands in a table: its primary key, the cursor an incremental read
 * advances on, and the field that marks a deleted record when the API reports deletions.
 */
export const streamDeclarationSchema = z.lazySchema(() =>
  z.strictObject({
    /** The table's name after the connector's (`hubspot_contacts`): lower-case snake_case. */
    name: z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case snake_case')),
    /** What the stream holds, in a sentence (at least 10 characters); `cf discover` prints it. */
    description: z.string().check(z.minLength(10)),
    /** Top-level fields identifying a record (`['id']`); rows are upserted by them. */
    primaryKey: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** `incremental`: a rerun resumes from the saved checkpoint and reads changes only. `full-refresh`: every sync reads everything. */
    syncMode: z.enum(['incremental', 'full-refresh']),
    /** The field an incremental read orders and resumes by (`updatedAt`). */
    cursorField: z.optional(z.string().check(z.minLength(1))),
    /** A boolean field that is true on a deleted (archived) record: it lands as `_deleted`. */
    deletedField: z.optional(z.string().check(z.minLength(1))),
    /** The declared operation the stream reads through (`contacts.changedSince`). */
    operation: z.string().check(z.minLength(1)),
    /**
     * What the stream needs to be told (`cf sync openweather forecast --param lat=51.5`): each with what it means,
     * whether it is required, and an example the conformance kit and `--sandbox` use.
     */
    params: z.optional(
      z.record(
        z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9_]*$/)),
        z.strictObject({ description: z.string().check(z.minLength(3)), required: z.boolean(), example: z.string() }),
      ),
    ),
  }),
);

/** The registry record every connector ships (`src/metadata.ts`), validated by this schema. */
export const connectorMetadataSchema = z.lazySchema(() =>
  z.strictObject({
    /** Registry name: lower-case, used by `cf extract <name>`. */
    name: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
    displayName: z.string().check(z.minLength(1)),
    packageName: z.string().check(z.regex(/^@cf\/connector-[a-z0-9-]+$/)),
    description: z.string().check(z.minLength(10)),
    /** The API version covered, e.g. `v1`, `2025-01`, `crm/v3`. */
    apiVersion: z.string().check(z.minLength(1)),
    docsUrl: z.url(),
    baseUrl: z.url(),
    auth: z.array(z.enum(['none', 'api-key', 'bearer', 'basic', 'oauth2'])).check(z.minLength(1)),
    /** Environment variables holding credentials, as named in the README. */
    envVars: z.array(z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/))),
    resources: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    limits: z.array(
      z.object({
        name: z.string(),
        limit: z.number().check(z.positive()),
        intervalMs: z.number().check(z.positive()),
        source: z.string().check(z.minLength(1)),
      }),
    ),
    maintainers: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** Every public method (the conformance kit fails one that is not declared). */
    operations: z.optional(z.array(operationDeclarationSchema)),
    limitModel: z.optional(limitModelSchema),
    credential: z.optional(credentialDeclarationSchema),
    notApplicable: z.optional(z.array(notApplicableSchema)),
    /** The streams `cf sync` and `sync()` read (`cf discover` prints them with their JSON Schema). */
    streams: z.optional(z.array(streamDeclarationSchema)),
  }),
);

/**
 * A connector's declared metadata (`metadata.ts`, typed by `defineMetadata`): names, package, API version, docs and
 * base URLs, auth and environment variables, resources and limits, the operations and their rate-limit model, the
 * credential, conformance rules that do not apply, and the streams. The registry and `cf list` read it.
 */
export type ConnectorMetadata = z.infer<typeof connectorMetadataSchema>;
export type OperationDeclaration = z.infer<typeof operationDeclarationSchema>;
export type LimitModel = z.infer<typeof limitModelSchema>;
export type LimitWindow = z.infer<typeof limitWindowSchema>;
/**
 * One stream a connector declares: its table name, description, primary key, sync mode, cursor and deleted fields, and
 * the operation it reads through.
 */
export type StreamDeclaration = z.infer<typeof streamDeclarationSchema>;

/**
 * Types a connector's metadata. Not validated here (that would cost every import): the registry build
 * (`pnpm registry`) and the conformance kit (rule `declares-operations`) validate it against `connectorMetadataSchema`.
 */
export function defineMetadata(metadata: ConnectorMetadata): ConnectorMetadata {
  return metadata;
}
