import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from './concurrency-limiter.js';

describe('ConcurrencyLimiter', () => {
  it('admits maxInFlight, queues the rest FIFO, and hands slots over on release', async () => {
    const limiter = new ConcurrencyLimiter({ maxInFlight: 2, maxQueue: 10 });
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    const order: string[] = [];
    const c = limiter.acquire().then((r) => (order.push('c'), r));
    const d = limiter.acquire().then((r) => (order.push('d'), r));
    expect(limiter.active).toBe(2);
    expect(limiter.queued).toBe(2);
    a();
    a(); // releasing twice is harmless
    const releaseC = await c;
    expect(order).toEqual(['c']);
    b();
    (await d)();
    releaseC();
    expect(limiter.active).toBe(0);
    await limiter.idle();
  });

  it('rejects at once with a clear error when the queue is full', async () => {
    const limiter = new ConcurrencyLimiter({ maxInFlight: 1, maxQueue: 1 });
    await limiter.acquire();
    void limiter.acquire();
    await expect(limiter.acquire()).rejects.toMatchObject({ code: 'RATE_LIMIT', details: { reason: 'queue_full' } });
  });

  it('removes an aborted waiter from the queue', async () => {
    const limiter = new ConcurrencyLimiter({ maxInFlight: 1, maxQueue: 5 });
    const release = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(limiter.queued).toBe(0);
    await expect(limiter.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
    let idle = false;
    const idlePromise = limiter.idle().then(() => (idle = true));
    expect(idle).toBe(false);
    release();
    await idlePromise;
    expect(idle).toBe(true);
  });
});
