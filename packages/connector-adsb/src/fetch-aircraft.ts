import type { CallOptions, HttpClient } from '@cf/core';
import type * as z from '@cf/core/zod';

/** One GET under `/v2` answering the readsb envelope (an empty `ac` when nothing matches, still 200). */
export async function fetchAircraft<T>(
  http: HttpClient,
  request: { path: string; params?: Record<string, string | number>; operation: string; schema: z.Schema<T> },
  options: CallOptions,
): Promise<T> {
  const { data } = await http.request({ ...options, ...request });
  return data;
}
