import type { Meter } from '@opentelemetry/api';
import { ATTR } from './attributes.js';
import { loadOtelApi, TELEMETRY_SCOPE } from './otel-api.js';

/** Options of `countRecords`: what the records are, and where the count goes. */
export interface CountRecordsOptions {
  /** What the records are, e.g. `contacts` (an attribute: keep it low-cardinality). */
  resource: string;
  /** The connector, e.g. `hubspot`. */
  source?: string;
  /** @default the global meter provider's meter for `@cf/core` */
  meter?: Meter;
}

/**
 * Passes an iterable's records through unchanged while counting them in `cf.records.yielded`. Without
 * `@opentelemetry/api` (and no `meter`), it only passes them through. Wrap a list at the point of use:
 * `for await (const c of countRecords(hubspot.contacts.list(), { resource: 'contacts', source: 'hubspot' }))`.
 */
export async function* countRecords<T>(records: AsyncIterable<T> | Iterable<T>, options: CountRecordsOptions): AsyncGenerator<T, void, undefined> {
  const meter = options.meter ?? loadOtelApi()?.metrics.getMeter(TELEMETRY_SCOPE);
  if (!meter) {
    yield* records;
    return;
  }
  const counter = meter.createCounter('cf.records.yielded', { description: 'Records handed to the caller by list iterators', unit: '{record}' });
  const attributes = { [ATTR.resource]: options.resource, ...(options.source !== undefined ? { [ATTR.source]: options.source } : {}) };
  for await (const record of records) {
    counter.add(1, attributes);
    yield record;
  }
}
