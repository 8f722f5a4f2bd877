import { Client, DEFAULT_LIMITER_OPTIONS } from '@hubspot/api-client';
import type { ExtractTask } from '../workers/task.js';

/**
 * The official SDK as its README configures it for a full extract: `crm.contacts.getAll()`, the documented
 * limiter (`DEFAULT_LIMITER_OPTIONS`: 9 requests/s, scaled when the smoke mode shortens the window) and
 * `numberOfApiCallRetries: 3` (waits 10 s on a TEN_SECONDLY_ROLLING 429). Unpaced for the memory run.
 */
export async function extract(task: ExtractTask): Promise<number> {
  const { limit, windowMs } = task.hubspotWindow;
  const scale = windowMs / limit / (10_000 / 100);
  const client = new Client({
    accessToken: 'pat-na1-bench',
    basePath: task.baseUrl,
    ...(task.pacing === 'quota'
      ? { limiterOptions: { ...DEFAULT_LIMITER_OPTIONS, minTime: (DEFAULT_LIMITER_OPTIONS.minTime ?? 1000 / 9) * scale }, numberOfApiCallRetries: 3 }
      : {}),
  });
  const all = await client.crm.contacts.getAll(100);
  return all.length;
}
