import type { HeaderMap } from './headers.js';
import { webStreamBody } from './response-body.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

/** Options of `FetchTransport`. */
export interface FetchTransportOptions {
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/**
 * A transport on the web-standard `fetch`: Deno, Bun, browsers, Cloudflare Workers, Vercel Edge (and Node, when
 * asked). The runtime decodes gzip/br/deflate and pools connections; core still owns timeouts (the request's
 * signal), redirects (`redirect: 'manual'`), retries and limits.
 */
export class FetchTransport implements Transport {
  private readonly fetch: typeof globalThis.fetch;

  constructor(options: FetchTransportOptions = {}) {
    const f = options.fetch ?? globalThis.fetch;
    if (typeof f !== 'function') throw new TypeError('FetchTransport needs a fetch function: this runtime has no global fetch; pass { fetch }.');
    this.fetch = f.bind(globalThis);
  }

  /**
   * Sends one request with `fetch` (redirects not followed), returning the status, lower-cased headers and the body
   * as a stream; a network failure rejects (the client turns it into NETWORK_ERROR or TIMEOUT).
   */
  async send(req: TransportRequest): Promise<TransportResponse> {
    const response = await this.fetch(req.url.href, {
      method: req.method,
      headers: req.headers,
      // A Uint8Array is sent as is; fetch's BodyInit accepts it on every runtime.
      body: (req.body ?? null) as string | null,
      signal: req.signal,
      redirect: 'manual',
    });
    if (response.type === 'opaqueredirect') {
      await response.body?.cancel().catch(() => undefined);
      throw new TypeError(
        'The runtime followed no redirect and hid its target (a browser answers redirect: "manual" with an opaque response); the API redirected this request.',
      );
    }
    return { status: response.status, headers: headerMap(response.headers), body: webStreamBody(response.body) };
  }

  async close(): Promise<void> {
    // fetch keeps no pool we can close; the runtime reclaims idle connections.
  }
}

function headerMap(headers: Headers): HeaderMap {
  const out: HeaderMap = {};
  // Headers joins repeated values with ", " (set-cookie aside, which APIs do not need here).
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}
