# Working on {{packageName}}

Read `docs/specification.md` at the repository root (what core guarantees; the MCP tool `get_specification` serves it too) and this package's README first. Everything resilient
(retries, rate limits, breaker, timeouts, redaction, pagination) is `@cf/core`'s: never write a retry loop,
limiter, error class or HTTP call here. Configure core in `src/{{name}}-connector.ts` and describe resources.

## Layout

| file | what |
| --- | --- |
| `src/{{name}}-connector.ts` | the connector class: `httpOptions()` (base URL, auth, limits, `mapError`), resources wired in, `streams()` |
| `src/config.ts` | `DEFAULT_BASE_URL` and the options schema (`z.extend(coreOptionsSchema, { ... })`) |
| `src/errors.ts` | the API's error body into core's error classes, with messages that say what to do |
| `src/validation.ts` | input rules shared by the resources (ids, page sizes), checked before the network |
| `src/limits.ts` | the API's documented limits and their source |
| `src/schemas.ts` | the API's record shapes (`z.looseObject`), shared by resources, streams and mocks |
| `src/resources/<resource>.ts` | one resource per file: its methods (and schemas of its own) |
| `src/streams.ts` | the streams `sync()` lands, bound to `metadata.streams` with core's `defineStreams` |
| `src/mocks/` | MSW handlers (`*/path` patterns), realistic fixtures, error handlers: exported as `/mocks` |
| `src/metadata.ts` | the registry record (`defineMetadata`), true to the code |
| `examples/quickstart.ts` | the README's quickstart; `test/quickstart.test.ts` runs it and keeps the README equal to it |
| `test/<resource>.test.ts` | per method: the outgoing request (method, path, query, headers, body) and the typed result; bad input gives `VALIDATION_ERROR` with no request |
| `test/conformance.test.ts` | core's conformance suite against the mocks |
| `test/lazy-import.test.ts` | importing the package builds no zod schema |
| `test/live.test.ts` | against the real API, only with `{{envPrefix}}_TOKEN` set (skipped otherwise) |

`test/helpers.ts` gives each test its own `FakeClock` (`api.clock`) and builds clients with `api.make()`; tests use
the connector's public API and the mock server's recorded requests, never its protected `http`.

## Schemas

zod's `zod/mini` API, from core: `import * as z from '@cf/core/zod'`, never `'zod'` itself (loading it costs a cold
start ~50 ms). Every module-level schema is `z.lazySchema(() => ...)`, built on first use. Functions, not methods: `z.optional(z.string())`, `z.nullable(...)`, `z.array(...)`,
`z.string().check(z.minLength(1, 'must not be empty'))`, `z.int().check(z.gte(1), z.lte(100))`,
`z.extend(coreOptionsSchema, { ... })`; `z.infer`, `.parse` and `.safeParse` work as in zod.

## Adding a resource

1. `src/resources/<resource>.ts`: the response schema (`z.looseObject`, export `z.infer` types), an input
   schema checked with `validateInput` before the network, and methods taking `CallOptions` last and passing
   them to `this.http().request({ ...options, path: '/things/{id}', params: { id }, schema, operation })`.
   Lists return core's `Paginated` (`cursorPagination`, `offsetPagination`, `pagePagination`, `linkHeaderPagination`).
2. Wire it in `src/{{name}}-connector.ts` the way `items` is: declare `readonly things: ThingsResource;` and assign it in the
   constructor; export it from `src/index.ts`.
3. Mock it in `src/mocks/index.ts` with documented shapes and fixtures, including its errors.
4. Test it in `test/<resource>.test.ts`; add it to `resources` in `src/metadata.ts` and to the README.

Steps 1–4 are what `add_resource` (the MCP tool) or `addResource()` from `@cf/cli` generate from a sample response;
review and refine what they write.

## Done means

- `npx vitest run` and `npx tsc --noEmit -p .` (here) and `npx eslint packages/connector-{{name}}` (from the repo root) are clean;
- `cf check packages/connector-{{name}}` (or the MCP tool `check_connector`) reports **100 %** compliance;
- the README's tables (configuration, errors, limits with sources) match the code; a changeset exists.
