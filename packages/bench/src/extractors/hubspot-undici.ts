import { Agent, request } from 'undici';
import type { ExtractTask } from '../workers/task.js';

interface ContactsPage {
  results: unknown[];
  paging?: { next?: { after?: string } };
}

/** The floor: the same pages with raw `undici.request` and `JSON.parse`, no validation, no policies. */
export async function extract(task: ExtractTask): Promise<number> {
  const agent = new Agent();
  let records = 0;
  let after: string | undefined;
  try {
    do {
      const url = new URL('/crm/v3/objects/contacts', task.baseUrl);
      url.searchParams.set('limit', '100');
      if (after !== undefined) url.searchParams.set('after', after);
      const res = await request(url, { dispatcher: agent, headers: { authorization: 'Bearer pat-na1-bench' } });
      if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
      const page = (await res.body.json()) as ContactsPage;
      records += page.results.length;
      after = page.paging?.next?.after;
    } while (after !== undefined);
  } finally {
    await agent.close();
  }
  return records;
}
