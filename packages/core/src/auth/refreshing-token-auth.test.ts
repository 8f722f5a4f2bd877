import { describe, expect, it } from 'vitest';
import type { Transport } from '../http/transport.js';
import { FakeClock } from '../time/fake-clock.js';
import type { AuthEnvironment, AuthTarget } from './auth-provider.js';
import { refreshingTokenAuth, type ExpiringToken } from './refreshing-token-auth.js';

const target = (): AuthTarget => ({ headers: {}, query: new URLSearchParams() });

/** A token source whose answers the test releases one by one; counts the fetches and records their environments. */
function tokenSource(clock: FakeClock, lifetimeMs = 3_600_000) {
  const envs: AuthEnvironment[] = [];
  const waiting: Array<{ resolve: (t: ExpiringToken) => void; reject: (e: Error) => void }> = [];
  let issued = 0;
  return {
    envs,
    get fetches() {
      return envs.length;
    },
    fetchToken(env: AuthEnvironment): Promise<ExpiringToken> {
      envs.push(env);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    /** Answers the oldest waiting fetch with a new token. */
    issue(): string {
      issued += 1;
      const token = `token-${issued}`;
      waiting.shift()!.resolve({ token, expiresAt: clock.now() + lifetimeMs });
      return token;
    },
    fail(error: Error): void {
      waiting.shift()!.reject(error);
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('refreshingTokenAuth', () => {
  it('fetches one token for many concurrent requests (single flight) and sends it as a bearer token', async () => {
    const clock = new FakeClock();
    const source = tokenSource(clock);
    const auth = refreshingTokenAuth({ refreshSkewMs: 60_000, clock, fetchToken: (env) => source.fetchToken(env), secrets: () => [] });
    const targets = [target(), target(), target()];
    const applied = Promise.all(targets.map((t) => auth.apply(t)));
    await tick();
    expect(source.fetches).toBe(1);
    source.issue();
    await applied;
    expect(targets.map((t) => t.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
  });

  it('reuses the token until refreshSkewMs before it expires, then fetches a new one', async () => {
    const clock = new FakeClock();
    const source = tokenSource(clock, 600_000);
    const auth = refreshingTokenAuth({ refreshSkewMs: 60_000, clock, fetchToken: (env) => source.fetchToken(env), secrets: () => [] });
    const first = auth.apply(target());
    await tick();
    source.issue();
    await first;
    clock.advance(539_999); // 1 ms before the skew
    const t = target();
    await auth.apply(t);
    expect([source.fetches, t.headers.authorization]).toEqual([1, 'Bearer token-1']);
    clock.advance(1);
    const late = target();
    const second = auth.apply(late);
    await tick();
    expect(source.fetches).toBe(2);
    source.issue();
    await second;
    expect(late.headers.authorization).toBe('Bearer token-2');
  });

  it('a 401 drops the token and fetches a new one (onUnauthorized says: repeat the request)', async () => {
    const clock = new FakeClock();
    const source = tokenSource(clock);
    const auth = refreshingTokenAuth({ refreshSkewMs: 0, clock, fetchToken: (env) => source.fetchToken(env), secrets: () => [] });
    const first = auth.apply(target());
    await tick();
    source.issue();
    await first;
    const renewed = auth.onUnauthorized!();
    await tick();
    source.issue();
    await expect(renewed).resolves.toBe(true);
    const t = target();
    await auth.apply(t);
    expect([source.fetches, t.headers.authorization]).toEqual([2, 'Bearer token-2']);
  });

  it('after a 401 whose refresh failed, the refused token is not sent again', async () => {
    const clock = new FakeClock();
    const source = tokenSource(clock);
    const auth = refreshingTokenAuth({ refreshSkewMs: 0, clock, fetchToken: (env) => source.fetchToken(env), secrets: () => [] });
    const first = auth.apply(target());
    await tick();
    source.issue();
    await first;
    const renewed = auth.onUnauthorized!();
    await tick();
    source.fail(new Error('token endpoint down'));
    await expect(renewed).rejects.toThrow('token endpoint down');
    const t = target();
    const next = auth.apply(t);
    await tick();
    expect(source.fetches).toBe(3);
    source.issue();
    await next;
    expect(t.headers.authorization).toBe('Bearer token-2');
  });

  it("one caller's abort ends its own wait, not the refresh the others wait for", async () => {
    const clock = new FakeClock();
    const source = tokenSource(clock);
    const auth = refreshingTokenAuth({ refreshSkewMs: 0, clock, fetchToken: (env) => source.fetchToken(env), secrets: () => [] });
    const controller = new AbortController();
    const impatient = auth.apply(target(), controller.signal);
    const patient = target();
    const waiting = auth.apply(patient);
    await tick();
    controller.abort(new Error('caller gave up'));
    await expect(impatient).rejects.toThrow('caller gave up');
    source.issue();
    await waiting;
    expect([source.fetches, patient.headers.authorization]).toEqual([1, 'Bearer token-1']);
  });

  it('a failed fetch fails the requests waiting for it; the next request tries again', async () => {
    const clock = new FakeClock();
    const source = tokenSource(clock);
    const auth = refreshingTokenAuth({ refreshSkewMs: 0, clock, fetchToken: (env) => source.fetchToken(env), secrets: () => [] });
    const failing = auth.apply(target());
    await tick();
    source.fail(new Error('token endpoint down'));
    await expect(failing).rejects.toThrow('token endpoint down');
    const t = target();
    const retried = auth.apply(t);
    await tick();
    source.issue();
    await retried;
    expect([source.fetches, t.headers.authorization]).toEqual([2, 'Bearer token-1']);
  });

  it("fetches through the client's transport and clock once attached; its own options win", async () => {
    const clientClock = new FakeClock(5_000);
    const clientTransport = { send: () => Promise.reject(new Error('unused')) } as unknown as Transport;
    const source = tokenSource(clientClock);
    const auth = refreshingTokenAuth({ refreshSkewMs: 0, fetchToken: (env) => source.fetchToken(env), secrets: () => [] });
    auth.attach!({ transport: clientTransport, clock: clientClock });
    const applied = auth.apply(target());
    await tick();
    source.issue();
    await applied;
    expect(source.envs[0]!.transport).toBe(clientTransport);
    expect(source.envs[0]!.clock).toBe(clientClock);

    const ownClock = new FakeClock(9_000);
    const own = refreshingTokenAuth({ refreshSkewMs: 0, clock: ownClock, fetchToken: (env) => source.fetchToken(env), secrets: () => [] });
    own.attach!({ transport: clientTransport, clock: clientClock });
    const second = own.apply(target());
    await tick();
    source.issue();
    await second;
    expect(source.envs[1]!.clock).toBe(ownClock);
  });

  it('writes the token where applyToken says; kind and secrets are passed through', async () => {
    const clock = new FakeClock();
    const source = tokenSource(clock);
    const auth = refreshingTokenAuth({
      kind: 'oauth2',
      refreshSkewMs: 0,
      clock,
      fetchToken: (env) => source.fetchToken(env),
      applyToken: (t, token) => (t.headers['x-api-token'] = token),
      secrets: () => ['key-material'],
    });
    const t = target();
    const applied = auth.apply(t);
    await tick();
    source.issue();
    await applied;
    expect(t.headers).toEqual({ 'x-api-token': 'token-1' });
    expect([auth.kind, auth.secrets()]).toEqual(['oauth2', ['key-material']]);
  });

  it('refuses a negative or missing skew', () => {
    const base = { fetchToken: () => Promise.reject(new Error('unused')), secrets: () => [] };
    expect(() => refreshingTokenAuth({ ...base, refreshSkewMs: -1 })).toThrow(RangeError);
    expect(() => refreshingTokenAuth({ ...base, refreshSkewMs: Number.NaN })).toThrow(/refreshSkewMs must be 0 or more/);
  });
});
