# Working on {{packageName}}

Read `docs/specification.md` at the repository root (what core guarantees; the MCP tool `get_specification` serves it too) and this package's README first. Everything resilient
(retries, rate limits, breaker, timeouts, redaction, pagination) is `@cf/core`'s: never write a retry loop,
limiter, error class or HTTP call here. Configure core in `src/client.ts` and describe resources.

## Layout

| file | what |
| --- | --- |
| `src/client.ts` | the connector class: config schema (`z.extend(coreOptionsSchema, { ... })`), `httpOptions()` (base URL, auth, limits, `mapError`), resources wired in |
| `src/resources/<resource>.ts` | one resource per file: its zod schemas (`z.looseObject`) and its methods |
| `src/map-error.ts` | the API's error body into core's error classes, with messages that say what to do |
| `src/mocks/` | MSW handlers (`*/path` patterns), realistic fixtures, error handlers: exported as `/mocks` |
| `src/metadata.ts` | the registry record (`defineMetadata`), true to the code |
| `test/<resource>.test.ts` | per method: the outgoing request (method, path, query, headers, body) and the typed result; bad input gives `VALIDATION_ERROR` with no request |
| `test/conformance.test.ts` | core's conformance suite against the mocks |

## Schemas

zod's `zod/mini` API, from core: `import * as z from '@cf/core/zod'`, never `'zod'` itself (loading it costs a cold
start ~50 ms). Functions, not methods: `z.optional(z.string())`, `z.nullable(...)`, `z.array(...)`,
`z.string().check(z.minLength(1, 'must not be empty'))`, `z.int().check(z.gte(1), z.lte(100))`,
`z.extend(coreOptionsSchema, { ... })`; `z.infer`, `.parse` and `.safeParse` work as in zod.

## Adding a resource

1. `src/resources/<resource>.ts`: the response schema (`z.looseObject`, export `z.infer` types), an input
   schema checked with `validateInput` before the network, and methods taking `CallOptions` last and passing
   them to `this.http().request({ ...options, path: '/things/{id}', params: { id }, schema, operation })`.
   Lists return core's `Paginated` (`cursorPagination`, `offsetPagination`, `pagePagination`, `linkHeaderPagination`).
2. Wire it in `src/client.ts` the way `items` is: declare `readonly things: ThingsResource;` and assign it in the
   constructor; export it from `src/index.ts`.
3. Mock it in `src/mocks/index.ts` with documented shapes and fixtures, including its errors.
4. Test it in `test/<resource>.test.ts`; add it to `resources` in `src/metadata.ts` and to the README.

Steps 1–4 are what `add_resource` (the MCP tool) or `addResource()` from `@cf/cli` generate from a sample response;
review and refine what they write.

## Done means

- `npx vitest run` and `npx tsc --noEmit -p .` (here) and `npx eslint packages/connector-{{name}}` (from the repo root) are clean;
- `cf check packages/connector-{{name}}` (or the MCP tool `check_connector`) reports **100 %** compliance;
- the README's tables (configuration, errors, limits with sources) match the code; a changeset exists.
