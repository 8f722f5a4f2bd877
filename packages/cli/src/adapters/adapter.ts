import type { ConnectorMetadata, CoreOptions, JsonValue } from '@cf/core';
import type { ConformanceConnector, ConformanceSubject } from '@cf/core/testing';
import type { RequestHandler } from 'msw';

/** One page of an extraction: its records, and where to resume after it. */
export interface ExtractPage {
  /** The page's records, as the connector returned them. */
  items: unknown[];
  /** Resumes exactly after this page; null when there is nothing to resume from. */
  checkpoint: JsonValue | null;
  /** False on the last page (an incremental sync may still return a checkpoint to pick up later changes from). */
  hasMore: boolean;
}

/** What `cf extract` passes a resource: where to resume, `--since`, `--param` values, and the abort signal. */
export interface ExtractArgs {
  /** The checkpoint saved after the last page of a previous run, when resuming. */
  checkpoint: JsonValue | undefined;
  /** `--since`, for resources that read changes or dates from a starting point. */
  since: string | undefined;
  /** `--param key=value` pairs, for resources that need a query (a location, a search term). */
  params: Record<string, string>;
  /** Aborted on Ctrl-C: stop between pages (the checkpoint of the last page written stays valid). */
  signal: AbortSignal;
}

/** A resource `cf extract` can stream: a function from a connector to pages (built on core's `Paginated.pages()`). */
export interface ExtractResource<C> {
  /** What the resource holds, in a sentence (`cf list` prints it). */
  description: string;
  /** What `--since` means for this resource; undefined when it takes none. */
  since?: string;
  /** The `--param` names it reads, with what each means. */
  params?: Record<string, string>;
  /** The resource's pages from `args.checkpoint` (or the beginning), each with the checkpoint to resume after it. */
  pages(connector: C, args: ExtractArgs): AsyncIterable<ExtractPage>;
}

/** An environment variable the connector's README names, and the configuration field it fills. */
export interface EnvVar {
  /** The variable's name (`HUBSPOT_ACCESS_TOKEN`). */
  name: string;
  /** The configuration field it fills (`accessToken`). */
  field: string;
  /** Whether the connector needs it to run against the real API. */
  required: boolean;
}

/** How the CLI drives one connector: build it, extract its resources, check its conformance. */
export interface ConnectorAdapter<C extends ConformanceConnector = ConformanceConnector> {
  /** The connector's metadata (name, package, operations, streams…). */
  metadata: ConnectorMetadata;
  /** Credentials from the environment; `--config file.json` may give the same fields (and any core option). */
  env: EnvVar[];
  /** Whether a configuration carries credentials; by default, every required `env` field is set. */
  hasCredentials?: (config: Record<string, unknown>) => boolean;
  /** Builds the connector from its configuration (validated by the connector: VALIDATION_ERROR naming the field). */
  create(config: Record<string, unknown> & CoreOptions): C;
  /** `--sandbox`: the connector's own mocks, the path prefix to append to the loopback URL, and fake credentials. */
  sandbox: { handlers: RequestHandler[]; pathPrefix: string; config: Record<string, unknown> };
  /** The resources `cf extract` can stream, by name. */
  resources: Record<string, ExtractResource<C>>;
  /** The subject its `test/conformance.test.ts` runs, for `cf check` and the registry's compliance figure. */
  conformance: ConformanceSubject<C>;
}

/**
 * Types an adapter against its connector class, then erases the class so every adapter fits one registry.
 * (A subject's `call(connector)` is contravariant in the connector, hence the one cast, here.)
 */
export function defineAdapter<C extends ConformanceConnector>(adapter: ConnectorAdapter<C>): ConnectorAdapter {
  return adapter as unknown as ConnectorAdapter;
}

/** Maps a connector's `Paginated.pages()` to extract pages. */
export async function* fromPages<T>(pages: AsyncIterable<{ items: T[]; checkpoint: JsonValue | null; hasMore: boolean }>): AsyncGenerator<ExtractPage> {
  for await (const page of pages) yield { items: page.items, checkpoint: page.checkpoint, hasMore: page.hasMore };
}

/** A resource that is one response: one page, nothing to resume. */
export async function* singlePage(items: Promise<unknown[]>): AsyncGenerator<ExtractPage> {
  yield { items: await items, checkpoint: null, hasMore: false };
}
