import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../policies/rate-limiter.js';
import { FakeClock } from '../time/fake-clock.js';
import { MemoryRateLimitStore } from './memory-rate-limit-store.js';

const rolling = (limit: number) => ({ name: 'w', limit, intervalMs: 10_000, algorithm: 'sliding-window' as const });

describe('MemoryRateLimitStore sliding window observations', () => {
  it('a quota header read after a slow answer does not re-count a request that left the window meanwhile', async () => {
    // The server counts a request when it arrives and reports its count in the answer; the client reads that
    // count one return trip later. A request that left the client's window during that trip is still in the
    // count, and is no unknown request: adopting it again would hold one slot for a whole extra window.
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ clock, store: new MemoryRateLimitStore(clock), windows: [rolling(2)] });
    await limiter.acquire(); // A: arrives and is answered at t0
    limiter.complete(1);
    clock.advance(2);
    await limiter.acquire(); // B: arrives at t0 + 2, answered at t0 + 12
    clock.advance(10);
    limiter.complete(1);
    await limiter.acquire(); // C: waits for A to leave the window
    expect(clock.now() - t0).toBe(10_001);
    // C arrives at once; the server still counts B (t0 + 2) and C: 0 remaining. The answer takes 20 ms back.
    clock.advance(20);
    limiter.complete(1);
    await limiter.observe({ window: 'w', limit: 2, remaining: 0 });
    // B left the local window at t0 + 10,012 and the server's at t0 + 10,002: D may go now.
    const before = clock.now();
    await limiter.acquire();
    expect(clock.now()).toBe(before);
  });

  it('answers read out of order: the observation is ascribed to the oldest-granted request answered since the last', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ clock, store: new MemoryRateLimitStore(clock), windows: [rolling(4)] });
    const at = (ms: number) => expect(clock.now() - t0).toBe(ms);
    await limiter.acquire(); // E1 arrives at t0
    clock.advance(1);
    await limiter.acquire(); // E2 arrives at t0 + 1
    clock.advance(2);
    limiter.complete(1); // E1 answered at t0 + 3
    clock.advance(1);
    limiter.complete(1); // E2 answered at t0 + 4
    clock.advance(9_986);
    await limiter.acquire(); // A, at t0 + 9,990: the server counts E1, E2 and A
    at(9_990);
    clock.advance(16);
    await limiter.acquire(); // B, at t0 + 10,006, after E1 and E2 left our window
    at(10_006);
    clock.advance(4);
    limiter.complete(1); // A's answer, then B's, arrive before A's quota headers are read
    limiter.complete(1);
    await limiter.observe({ window: 'w', limit: 4, remaining: 1 }); // A's: E1, E2 and A
    await limiter.observe({ window: 'w', limit: 4, remaining: 2 }); // B's: A and B
    // Nothing unknown: A and B hold two of four slots.
    const before = clock.now();
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.now()).toBe(before);
  });

  it('still adopts what the server counted beyond every request it could have seen', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, store: new MemoryRateLimitStore(clock), windows: [rolling(3)] });
    await limiter.acquire();
    limiter.complete(1);
    clock.advance(10_001); // the first request left the window before the second was sent
    await limiter.acquire();
    clock.advance(20);
    limiter.complete(1);
    // Two counted: this request and one from another client (the expired one cannot be among them).
    await limiter.observe({ window: 'w', limit: 3, remaining: 1 });
    await limiter.acquire();
    const t = clock.now();
    await limiter.acquire();
    expect(clock.now() - t).toBeGreaterThan(9_000);
  });
});

describe('MemoryRateLimitStore sliding window boundary', () => {
  it('a unit leaves the window only once more than the interval has passed since its stamp (whole ms may be up to 1 ms early)', async () => {
    // The clock reads whole milliseconds: a request answered at t0 + 0.9 is stamped t0. Freed at exactly
    // t0 + interval, the next request could reach the server 0.9 ms before the first left the server's window (a 429
    // on loopback, where a request arrives within a millisecond of being sent).
    const clock = new FakeClock();
    const store = new MemoryRateLimitStore(clock);
    const windows = [{ ...rolling(1), intervalMs: 1_000 }];
    expect((await store.consume('k', windows, 1)).granted).toBe(true);
    await store.complete('k', windows, 1);
    clock.advance(1_000);
    const atInterval = await store.consume('k', windows, 1);
    expect(atInterval).toMatchObject({ granted: false, waitMs: 1 });
    clock.advance(1);
    expect((await store.consume('k', windows, 1)).granted).toBe(true);
  });
});

