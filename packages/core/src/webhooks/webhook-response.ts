import type { WebhookOutcome } from './receiver-events.js';

export interface WebhookAnswer {
  status: number;
  outcome: WebhookOutcome;
  handled?: number;
  duplicates?: number;
  inFlight?: number;
  /** A refusal's error code. */
  code?: string;
  /** Extra headers (`Allow`, `Retry-After`). */
  headers?: Record<string, string>;
}

/**
 * The receiver's answer: a small JSON body with the outcome and counts, or the refusal's code. Never a message,
 * an error's text or anything of the body: the caller may be anyone.
 */
export function webhookResponse(answer: WebhookAnswer): Response {
  const { status, headers, ...body } = answer;
  return new Response(JSON.stringify({ ok: status < 300, ...body }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
