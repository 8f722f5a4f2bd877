import { AuthError, NetworkError, TimeoutError } from '../errors/error-classes.js';
import { DeadlineExceeded, requestUnder, sendWithin, startDeadline } from '../http/deadline.js';
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

/** A POST to an endpoint that hands out credentials (an OAuth token endpoint, a GitHub App's installation token). */
export interface TokenEndpointRequest {
  /** The endpoint's absolute URL. */
  url: string;
  /** Sent as they are (`accept`, `content-type`, an `authorization` proving who asks). */
  headers: Record<string, string>;
  /** The request body, sent as it is (a form or JSON, matching `content-type`). */
  body?: string;
  /** Names the endpoint in error messages. @default 'the OAuth token endpoint' */
  label?: string;
  /** Names the `source` of its errors. @default 'oauth2' */
  source?: string;
}

/** What a token endpoint answered: its status and its JSON object (`{}` when the body was not one). */
export interface TokenEndpointAnswer {
  /** The HTTP status. */
  status: number;
  /** The body parsed as a JSON object, or `{}` when it was not one. */
  json: Record<string, unknown>;
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * POSTs to a token endpoint through the client's transport, under one deadline covering the answer and its
 * (capped) body; any status is returned for the caller to judge. Failures to get an answer are typed:
 * unreachable → NETWORK_ERROR, too slow → TIMEOUT, a body over 1 MB → AUTH_FAILED.
 */
export async function postTokenRequest(transport: Transport, request: TokenEndpointRequest, timeoutMs: number): Promise<TokenEndpointAnswer> {
  const label = request.label ?? 'the OAuth token endpoint';
  const source = request.source ?? 'oauth2';
  const deadline = startDeadline(timeoutMs, undefined);
  let status: number;
  let text: string;
  try {
    const response = await sendWithin(transport, requestUnder(deadline, { url: new URL(request.url), method: 'POST', headers: request.headers, body: request.body }), deadline);
    status = response.status;
    text = bytesToText(await readBody(response.body, MAX_TOKEN_RESPONSE_BYTES, deadline));
  } catch (cause) {
    if (cause instanceof BodyTooLargeError) {
      throw new AuthError({ message: `${capitalized(label)} answered more than ${MAX_TOKEN_RESPONSE_BYTES} bytes; that is not a token response.`, cause, source });
    }
    if (cause instanceof DeadlineExceeded) throw new TimeoutError({ message: `${capitalized(label)} did not answer within ${timeoutMs} ms.`, cause, source });
    throw new NetworkError({ message: `Could not reach ${label}: ${(cause as Error).message}`, cause, source });
  } finally {
    deadline.dispose();
  }
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    /* a non-JSON error body: the caller reports it by status */
  }
  return { status, json };
}

/**
 * POSTs a form to an OAuth token endpoint through the client's transport, under one deadline covering the
 * answer and its (capped) body. Failures are typed: unreachable → NETWORK_ERROR, too slow → TIMEOUT, refused
 * or not a token → AUTH_FAILED with the server's reason.
 */
export async function requestToken(transport: Transport, tokenUrl: string, form: URLSearchParams, timeoutMs: number): Promise<TokenResponse> {
  const { status, json } = await postTokenRequest(
    transport,
    { url: tokenUrl, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form.toString() },
    timeoutMs,
  );
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
