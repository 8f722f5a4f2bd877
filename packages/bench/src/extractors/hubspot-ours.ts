import { HubSpotConnector, WINDOW } from '@cf/connector-hubspot';
import type { ExtractTask } from '../workers/task.js';

/**
 * Our HubSpot connector as a user runs a full extract: `contacts.list()` page by page, nothing kept. Paced, it
 * uses the connector's own limiter for the account's window (the default free-plan 100 per 10 s, or the smoke
 * mode's shorter window); unpaced (`rateLimit: false`) for the memory run, whose server has no limit.
 */
export async function extract(task: ExtractTask): Promise<number> {
  const { limit, windowMs } = task.hubspotWindow;
  const pacing =
    task.pacing === 'none'
      ? { rateLimit: false as const }
      : windowMs === 10_000
        ? { limits: { tenSecondly: limit } }
        : { rateLimit: { windows: [{ name: WINDOW.tenSecondly, limit, intervalMs: windowMs, algorithm: 'sliding-window' as const }] } };
  const hubspot = new HubSpotConnector({ accessToken: 'pat-na1-bench', baseUrl: task.baseUrl, ...pacing });
  let records = 0;
  try {
    for await (const page of hubspot.contacts.list().pages()) records += page.items.length;
  } finally {
    await hubspot.disconnect();
  }
  return records;
}
