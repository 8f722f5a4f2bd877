import { bytesBody, type Transport, type TransportRequest, type TransportResponse } from '@cf/core';

/** Header names whose values carry a credential on the way out (their values are learnt as secrets, never kept). */
const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token|x-access-token|x-.*-(token|key|secret))$/;

/** One request/response pair as it crossed the wire, before redaction: it only lives in memory. */
export interface RawExchange {
  method: string;
  url: URL;
  status: number;
  /** Response headers (lower-case names). */
  headers: Record<string, string>;
  /** The response body, decoded by the transport (gzip undone), as text. */
  body: string;
}

export interface RecordingTransport extends Transport {
  /** Every exchange sent through it, in order. */
  readonly exchanges: RawExchange[];
  /**
   * Credential values the requests carried (an `Authorization` header, its bearer token, API-key headers): the
   * redactor replaces them wherever they reappear (a body echoing the token, an error message).
   */
  readonly secrets: Set<string>;
}

/** The largest body recorded; past it the run fails rather than writing a fixture nobody wants in git. @default 5 MiB */
export const MAX_RECORDED_BODY_BYTES = 5 * 1024 * 1024;

function learnSecrets(request: TransportRequest, into: Set<string>): void {
  for (const [name, value] of Object.entries(request.headers)) {
    if (!CREDENTIAL_HEADERS.test(name.toLowerCase())) continue;
    into.add(value);
    // `Bearer abc`, `Basic abc`, `token abc`: the credential alone, as a body or message might repeat it.
    const scheme = /^\S+\s+(\S+)$/.exec(value);
    if (scheme?.[1] !== undefined) into.add(scheme[1]);
  }
}

/**
 * A Transport decorator for `cf record`: sends through `inner`, reads each response body whole (bounded), keeps a copy
 * of the exchange, and hands core the same bytes. Core sees an ordinary transport, so its retries, pagination and
 * error mapping behave as in production; what `cf record` writes is only ever a redacted copy of `exchanges`.
 */
export function recordingTransport(inner: Transport, options: { maxBodyBytes?: number } = {}): RecordingTransport {
  const max = options.maxBodyBytes ?? MAX_RECORDED_BODY_BYTES;
  const exchanges: RawExchange[] = [];
  const secrets = new Set<string>();
  return {
    exchanges,
    secrets,
    async send(request: TransportRequest): Promise<TransportResponse> {
      learnSecrets(request, secrets);
      const response = await inner.send(request);
      const chunks: Uint8Array[] = [];
      let total = 0;
      try {
        for await (const chunk of response.body) {
          total += chunk.byteLength;
          if (total > max) throw new Error(`cf record: a response body of ${request.method} ${request.url.pathname} exceeds ${max} bytes; record a smaller page (a page-size argument, --limit).`);
          chunks.push(chunk);
        }
      } catch (error) {
        response.body.cancel(error);
        throw error;
      }
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
      }
      exchanges.push({ method: request.method.toUpperCase(), url: new URL(request.url.href), status: response.status, headers: { ...response.headers }, body: new TextDecoder().decode(bytes) });
      return { status: response.status, headers: response.headers, body: bytesBody([bytes]) };
    },
    close: () => inner.close(),
  };
}
