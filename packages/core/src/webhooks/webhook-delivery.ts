import { WebhookPayloadError } from '../errors/webhook-errors.js';

/** One HTTP delivery as the receiver read it: the raw body bytes and what came with them. */
export interface WebhookDelivery {
  /** The request method. */
  readonly method: string;
  /** The request URL as the server saw it (a source may use a configured public URL instead). */
  readonly url: string;
  /** The request headers. */
  readonly headers: Headers;
  /** The raw body, exactly as sent: what signatures are computed over. */
  readonly body: Uint8Array;
  /** When it arrived, epoch ms (the receiver's clock). */
  readonly receivedAt: number;
  /** The body as UTF-8 text (decoded once). */
  text(): string;
  /** The body parsed as JSON (once); malformed JSON is a `WEBHOOK_PAYLOAD_INVALID` (400). */
  json(): unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A delivery from a request and its raw body (the receiver's; tests of a source build one directly). */
export function createDelivery(request: Request, body: Uint8Array, receivedAt: number, source: string): WebhookDelivery {
  let text: string | undefined;
  let parsed: { value: unknown } | undefined;
  const delivery: WebhookDelivery = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body,
    receivedAt,
    text() {
      if (text === undefined) {
        try {
          text = utf8.decode(body);
        } catch (cause) {
          throw new WebhookPayloadError({ message: 'The body is not valid UTF-8.', source, cause, details: { reason: 'encoding' } });
        }
      }
      return text;
    },
    json() {
      if (parsed === undefined) {
        try {
          parsed = { value: JSON.parse(delivery.text()) as unknown };
        } catch (cause) {
          if (cause instanceof WebhookPayloadError) throw cause;
          // The parser's message quotes a piece of the body: not in ours (a body may hold personal data).
          throw new WebhookPayloadError({ message: `The body is not valid JSON (${body.byteLength} bytes).`, source, details: { reason: 'json' } });
        }
      }
      return parsed.value;
    },
  };
  return delivery;
}
