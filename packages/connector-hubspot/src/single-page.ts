import { paginate, type Paginated } from '@cf/core';

/**
 * A list endpoint HubSpot answers in one response (properties, pipelines, stages), as the same async iterable
 * every other list is, so callers never special-case it.
 */
export function singlePage<T>(fetchAll: () => Promise<T[]>, signal: AbortSignal | undefined): Paginated<T, string> {
  return paginate<T, string>({ signal, fetchPage: async () => ({ items: await fetchAll(), next: undefined }) });
}
