import { cacheLifetimeMs } from '../../http/response-cache.js';
import type { ClientContext } from '../client-context.js';
import type { Exchange, Operation, Step } from '../operation.js';
import { decodeExchange } from './decode.js';

/**
 * The optional GET cache: a fresh entry answers without a request (decoded like any answer); a stale one with
 * an ETag is revalidated (`If-None-Match`; a 304 costs no body). Only 200s whose body decoded and validated are
 * stored: a bad 200 is never cached.
 */
export function cache(ctx: ClientContext): Step {
  return async (op, next) => {
    const store = ctx.cache;
    if (!store || op.streaming || op.request.method !== 'GET' || op.spec.cache === false) return next();
    const key = op.request.url.href;
    const entry = await store.get(key);
    if (entry && entry.freshUntil > op.startedAt) {
      return decodeExchange(ctx, op, { status: entry.status, headers: entry.headers, buffer: entry.body, fromCache: true, url: op.request.url });
    }
    op.cached = entry;
    const exchange = await next();
    if (!exchange.fromCache && exchange.status === 200) await remember(ctx, op, key, exchange);
    return exchange;
  };
}

async function remember(ctx: ClientContext, op: Operation, key: string, exchange: Exchange): Promise<void> {
  const override = op.spec.cache === false ? undefined : op.spec.cache?.ttlMs;
  const lifetime = override ?? cacheLifetimeMs(exchange.headers);
  if (lifetime === undefined) return;
  await ctx.cache?.set(key, {
    status: exchange.status,
    headers: exchange.headers,
    body: exchange.buffer,
    etag: exchange.headers.etag,
    freshUntil: ctx.clock.now() + lifetime,
  });
}
