import type { HeaderMap } from './headers.js';

/** A cached GET response, with what revalidation needs. */
export interface CachedResponse {
  /** The HTTP status of the cached answer. */
  status: number;
  /** Its headers, lower-cased. */
  headers: HeaderMap;
  /** Its body, as received (decoded). */
  body: Uint8Array;
  /** Its `ETag`, sent back as `If-None-Match` to revalidate. */
  etag: string | undefined;
  /** Epoch ms until which the entry is served without asking the server; 0 means revalidate first. */
  freshUntil: number;
}

/** Where GET responses are kept. Implement it to share a cache (a file, Redis); memory by default. */
export interface ResponseCache {
  /** The entry stored under `key`, or undefined. */
  get(key: string): CachedResponse | undefined | Promise<CachedResponse | undefined>;
  /** Stores (or replaces) the entry under `key`. */
  set(key: string, value: CachedResponse): void | Promise<void>;
  /** Removes the entry under `key`, if any. */
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

  /** The entry under `key` (now the most recently used), or undefined. */
  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * Stores the entry, then evicts the least recently used until within `maxEntries` and `maxBytes`; an entry larger
   * than `maxBytes` is not stored.
   */
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

  /** Removes the entry under `key`, if any. */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.byteLength;
  }

  /** Entries held. */
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
