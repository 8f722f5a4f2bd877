import type { HeaderMap } from './headers.js';

export interface CachedResponse {
  status: number;
  headers: HeaderMap;
  body: Uint8Array;
  etag: string | undefined;
  /** Epoch ms until which the entry is served without asking the server; 0 means revalidate first. */
  freshUntil: number;
}

/** Where GET responses are kept. Implement it to share a cache (a file, Redis); memory by default. */
export interface ResponseCache {
  get(key: string): CachedResponse | undefined | Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/**
 * A bounded in-memory LRU cache: at most `maxEntries` responses and `maxBytes` of bodies (a connector that caches
 * every GET for conditional requests must not hold hundreds of large list pages). An entry larger than `maxBytes`
 * is not stored.
 */
export class MemoryResponseCache implements ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 500,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, value: CachedResponse): void {
    this.delete(key);
    if (value.body.byteLength > this.maxBytes) return;
    this.entries.set(key, value);
    this.bytes += value.body.byteLength;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.byteLength;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of bodies held. */
  get byteSize(): number {
    return this.bytes;
  }
}

/**
 * How long a response may be served from cache, from `Cache-Control`: undefined = do not store
 * (`no-store`, `private`), 0 = store but revalidate (ETag), otherwise `max-age` in ms.
 */
export function cacheLifetimeMs(headers: HeaderMap): number | undefined {
  const cc = (headers['cache-control'] ?? '').toLowerCase();
  if (/\bno-store\b/.test(cc)) return undefined;
  if (/\bno-cache\b/.test(cc)) return 0;
  const maxAge = /\bmax-age=(\d+)/.exec(cc);
  if (maxAge?.[1]) return Number(maxAge[1]) * 1000;
  return headers.etag ? 0 : undefined;
}
