import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cursor, hubspotContact } from './records.js';
import { RollingWindow } from './rolling-window.js';
import { readConfig, sendJson, serve, type FakeApi } from './serve.js';

/**
 * A fake HubSpot CRM v3 (contacts list and get) enforcing the private-app rolling window: `limit` requests per
 * `windowMs` (100 per 10 s on free/starter), `X-HubSpot-RateLimit-*` headers on every response, and HubSpot's
 * 429 body (`policyName: TEN_SECONDLY_ROLLING`) when a request does not fit. Run it in its own process.
 */
export interface HubSpotServerConfig {
  /** Contacts to page over (generated on the fly). */
  records: number;
  /** Requests per rolling window, or null for no limit (overhead and memory runs). */
  limit: number | null;
  windowMs: number;
}

const PAGE_MAX = 100;
const LIST = '/crm/v3/objects/contacts';

class FakeHubSpot implements FakeApi {
  private readonly window: RollingWindow | undefined;
  private counts = { requests: 0, served: 0, rateLimited: 0 };

  constructor(private readonly config: HubSpotServerConfig) {
    this.window = config.limit === null ? undefined : new RollingWindow(config.limit, config.windowMs);
  }

  stats() {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = { requests: 0, served: 0, rateLimited: 0 };
    this.window?.reset();
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.counts.requests += 1;
    const correlationId = randomUUID();
    const headers: Record<string, string | number> = { 'x-hubspot-correlation-id': correlationId };
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      return sendJson(res, 401, { status: 'error', message: 'Authentication credentials not found.', correlationId, category: 'INVALID_AUTHENTICATION' }, headers);
    }
    if (this.window) {
      const { accepted, remaining } = this.window.take();
      headers['x-hubspot-ratelimit-max'] = this.window.limit;
      headers['x-hubspot-ratelimit-remaining'] = remaining;
      headers['x-hubspot-ratelimit-interval-milliseconds'] = this.window.windowMs;
      if (!accepted) {
        this.counts.rateLimited += 1;
        return sendJson(
          res,
          429,
          {
            status: 'error',
            message: 'You have reached your ten_secondly_rolling limit.',
            errorType: 'RATE_LIMIT',
            correlationId,
            policyName: 'TEN_SECONDLY_ROLLING',
            groupName: 'publicapi:private_app-api-calls-ten-secondly:1:1',
          },
          headers,
        );
      }
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === LIST) return this.list(res, url, headers);
    if (req.method === 'GET' && url.pathname.startsWith(`${LIST}/`)) return this.get(res, url.pathname.slice(LIST.length + 1), headers, correlationId);
    sendJson(res, 404, { status: 'error', message: `No route for ${req.method} ${url.pathname} in the bench fake.`, correlationId, category: 'OBJECT_NOT_FOUND' }, headers);
  }

  private list(res: ServerResponse, url: URL, headers: Record<string, string | number>): void {
    const limit = Math.min(PAGE_MAX, Math.max(1, Number(url.searchParams.get('limit') ?? 10) || 10));
    const after = url.searchParams.get('after');
    const start = after === null ? 0 : cursor.decode(after);
    if (start === undefined) {
      return sendJson(res, 400, { status: 'error', message: 'Invalid paging cursor.', correlationId: String(headers['x-hubspot-correlation-id']), category: 'VALIDATION_ERROR' }, headers);
    }
    const end = Math.min(this.config.records, start + limit);
    const results = [];
    for (let i = start; i < end; i += 1) results.push(hubspotContact(i));
    const body: { results: unknown[]; paging?: unknown } = { results };
    if (end < this.config.records) {
      const next = cursor.encode(end);
      body.paging = { next: { after: next, link: `http://${String(url.host)}${LIST}?after=${next}` } };
    }
    this.counts.served += 1;
    sendJson(res, 200, body, headers);
  }

  private get(res: ServerResponse, rawId: string, headers: Record<string, string | number>, correlationId: string): void {
    const index = Number(decodeURIComponent(rawId)) - 1;
    if (!Number.isInteger(index) || index < 0 || index >= this.config.records) {
      return sendJson(res, 404, { status: 'error', message: 'Object not found.  objectId are usually numeric.', correlationId, category: 'OBJECT_NOT_FOUND' }, headers);
    }
    this.counts.served += 1;
    sendJson(res, 200, hubspotContact(index), headers);
  }
}

serve(new FakeHubSpot(readConfig<HubSpotServerConfig>({ records: 10_000, limit: 100, windowMs: 10_000 })));
