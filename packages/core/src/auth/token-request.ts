import { AuthError, NetworkError, TimeoutError } from '../errors/error-classes.js';
import { DeadlineExceeded, sendWithin, startDeadline } from '../http/deadline.js';
import { BodyTooLargeError, bytesToText, readBody } from '../http/read-body.js';
import type { Transport } from '../http/transport.js';

/** A token endpoint answers a few hundred bytes; anything past this is not a token response. */
const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

export interface TokenResponse {
  access_token: string;
  expires_in?: number;
  refresh_token?: string;
  [key: string]: unknown;
}

/**
 * POSTs a form to an OAuth token endpoint through the client's transport, under one deadline covering the
 * answer and its (capped) body. Failures are typed: unreachable → NETWORK_ERROR, too slow → TIMEOUT, refused
 * or not a token → AUTH_FAILED with the server's reason.
 */
export async function requestToken(transport: Transport, tokenUrl: string, form: URLSearchParams, timeoutMs: number): Promise<TokenResponse> {
  const deadline = startDeadline(timeoutMs, undefined);
  let status: number;
  let text: string;
  try {
    const response = await sendWithin(
      transport,
      {
        url: new URL(tokenUrl),
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: deadline.signal,
        timeoutMs,
      },
      deadline.signal,
    );
    status = response.status;
    text = bytesToText(await readBody(response.body, MAX_TOKEN_RESPONSE_BYTES, deadline.signal));
  } catch (cause) {
    if (cause instanceof BodyTooLargeError) {
      throw new AuthError({ message: `The OAuth token endpoint answered more than ${MAX_TOKEN_RESPONSE_BYTES} bytes; that is not a token response.`, cause, source: 'oauth2' });
    }
    if (cause instanceof DeadlineExceeded) throw new TimeoutError({ message: `The OAuth token endpoint did not answer within ${timeoutMs} ms.`, cause, source: 'oauth2' });
    throw new NetworkError({ message: `Could not reach the OAuth token endpoint: ${(cause as Error).message}`, cause, source: 'oauth2' });
  } finally {
    deadline.dispose();
  }
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) json = parsed as Record<string, unknown>;
  } catch {
    /* a non-JSON error body: reported by status below */
  }
  if (status < 200 || status >= 300 || typeof json.access_token !== 'string') {
    const reason = [json.message, json.error_description, json.error].find((v): v is string => typeof v === 'string') ?? `status ${status}`;
    throw new AuthError({
      message: `OAuth token refresh failed: ${reason}. Check the client id, secret and refresh token.`,
      status,
      body: json,
      source: 'oauth2',
    });
  }
  return json as TokenResponse;
}
