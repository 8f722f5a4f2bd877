import { http, HttpResponse } from 'msw';
import { HttpClient, isConnectorError, paginate, RateLimiter } from '@cf/core';
import { faults, startMockServer } from '@cf/core/testing';
import type { Log } from './tour.js';

/** Resilience at work on a sandbox API: a 429 honoured, a breaker opening and recovering, an extract resumed. */
export async function resilienceTour(line: Log): Promise<void> {
  const section = (title: string) => line(`\n== ${title} ==`);
  const server = await startMockServer([
    http.get('*/items', ({ request }) => {
      const after = Number(new URL(request.url).searchParams.get('after') ?? 0);
      const items = Array.from({ length: 5 }, (_, i) => ({ id: after + i }));
      return HttpResponse.json({ items, next: after + 5 < 20 ? after + 5 : null });
    }),
  ]);
  try {
    section('A 429 with Retry-After is honoured');
    const client = new HttpClient({
      baseUrl: server.baseUrl,
      source: 'demo',
      userAgent: '@cf/demo',
      rateLimit: new RateLimiter({ windows: [{ name: 'second', limit: 20, intervalMs: 1000 }] }),
      circuitBreaker: { failureThreshold: 3, openMs: 1500 },
      retry: { maxAttempts: 3, backoff: { initialDelayMs: 100, factor: 2, maxDelayMs: 1000, jitterMin: 0.5 } },
    });
    client.events.on('retry', (e) => line(`  retry #${e.attempt} in ${e.delayMs} ms (${e.reason}${e.serverDelay ? ', server said so' : ''})`));
    server.use(faults.rateLimited({ retryAfter: 1, times: 1 }));
    const t0 = Date.now();
    const res = await client.request({ path: '/items' });
    line(`  got ${(res.data as { items: unknown[] }).items.length} items after ${res.meta.attempts} attempts, ${Date.now() - t0} ms, correlation id ${res.meta.requestId}`);

    section('A circuit breaker opens on a failing API and recovers');
    client.events.on('breakerStateChange', (c) => line(`  circuit ${c.from} -> ${c.to}`));
    server.resetHandlers();
    server.use(faults.serverErrors(3, 503));
    for (let i = 0; i < 2; i += 1) {
      try {
        await client.request({ path: '/items', retry: false });
      } catch (error) {
        if (isConnectorError(error)) line(`  call ${i + 1}: ${error.code} ${error.status ?? ''}`);
      }
    }
    try {
      await client.request({ path: '/items', retry: false });
    } catch (error) {
      if (isConnectorError(error)) line(`  call 3: ${error.code} ${error.status ?? ''}`);
    }
    try {
      await client.request({ path: '/items' });
    } catch (error) {
      if (isConnectorError(error)) line(`  call 4: ${error.code}, not sent (${error.message.slice(0, 70)}...)`);
    }
    await new Promise((r) => setTimeout(r, 1600));
    const probe = await client.request({ path: '/items' });
    line(`  after the open period a probe succeeded (${probe.status}); circuit is ${client.breaker()?.currentState}`);

    section('An extract resumes exactly from its checkpoint');
    const list = (start?: number) =>
      paginate<{ id: number }, number>({
        start,
        fetchPage: async (cursor) => {
          const { data } = await client.request<{ items: Array<{ id: number }>; next: number | null }>({ path: '/items', query: { after: cursor } });
          return { items: data.items, next: data.next ?? undefined };
        },
      });
    let checkpoint: number | null = null;
    const seen: number[] = [];
    for await (const page of list().pages()) {
      seen.push(...page.items.map((i) => i.id));
      checkpoint = page.checkpoint;
      if (page.index === 1) break;
    }
    line(`  first run read ids ${seen.join(',')} then "crashed" with checkpoint ${JSON.stringify(checkpoint)}`);
    for await (const item of list(checkpoint ?? undefined)) seen.push(item.id);
    line(`  the rerun finished: ${seen.length} records, ${new Set(seen).size} distinct (none lost, none repeated)`);
    await client.close();
  } finally {
    await server.close();
  }
}
