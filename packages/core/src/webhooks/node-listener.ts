import { toWebRequest, type NodeIncomingMessage, type NodeRequestOptions } from './node-request.js';
import type { WebhookFetchOptions } from './webhook-receiver.js';

/** What the adapter writes to Node's `http.ServerResponse` (Express's `res` is one). */
export interface NodeServerResponse {
  /** The status to answer with. */
  statusCode: number;
  /** Whether the head was already written (then an error can only destroy the response). */
  headersSent?: boolean;
  /** Sets one response header. */
  setHeader(name: string, value: string | string[]): unknown;
  /** Writes the body (if any) and ends the response. */
  end(chunk?: Uint8Array): unknown;
  /** Aborts the response (the connection is dropped). */
  destroy?(error?: Error): unknown;
}

/** Anything with a web `fetch(request)`: a `WebhookReceiver`, a Hono app. */
export interface WebFetchHandler {
  /** Answers one request. */
  fetch(request: Request, options?: WebhookFetchOptions): Promise<Response>;
  /** Where the adapter logs a failure it could not answer with (a handler's own logger). */
  readonly logger?: { error(obj: Record<string, unknown>, msg?: string): void };
}

/** Options of `toNodeListener`. */
export interface NodeListenerOptions extends NodeRequestOptions {
  /** The adapter's own failures (a body parser consumed the body). @default the receiver's logger */
  onError?: (error: unknown) => void;
}

/**
 * Mounts a receiver on Node's http server or Express: `http.createServer(toNodeListener(receiver))`,
 * `app.post('/webhooks/shopify', toNodeListener(receiver))` (before any JSON body parser: the signature covers the
 * raw bytes). The body streams into the receiver, which stops reading at its cap; a request it did not read to the
 * end is answered with `Connection: close`.
 */
export function toNodeListener(handler: WebFetchHandler, options: NodeListenerOptions = {}): (req: NodeIncomingMessage, res: NodeServerResponse) => void {
  const fail = (error: unknown): void => {
    if (options.onError) options.onError(error);
    else handler.logger?.error({ error: error instanceof Error ? error.message : String(error) }, 'webhook node adapter failed');
  };
  return (req, res) => {
    void (async () => {
      let response: Response;
      try {
        response = await handler.fetch(toWebRequest(req, options));
      } catch (error) {
        fail(error);
        response = new Response(JSON.stringify({ ok: false, outcome: 'failed' }), { status: 500, headers: { 'content-type': 'application/json; charset=utf-8' } });
      }
      try {
        const body = new Uint8Array(await response.arrayBuffer());
        res.statusCode = response.status;
        response.headers.forEach((value, name) => void res.setHeader(name, value));
        if (req.complete === false) res.setHeader('connection', 'close');
        res.end(body.byteLength > 0 ? body : undefined);
      } catch (error) {
        fail(error);
        res.destroy?.(error instanceof Error ? error : undefined);
      }
    })();
  };
}
