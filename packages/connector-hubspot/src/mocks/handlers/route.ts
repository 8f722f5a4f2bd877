import { http, type HttpHandler } from 'msw';
import type { MockAccount } from '../account.js';
import { lose } from '../after-handling.js';
import { gatewayHtml } from '../errors.js';
import { hubspotError } from '../responses.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Params = Record<string, string>;
export type Resolver = (request: Request, params: Params, url: URL) => Response | Promise<Response>;

/**
 * A HubSpot route: checks the bearer token (401 INVALID_AUTHENTICATION as HubSpot sends it), spends the rate
 * limit (429 with HubSpot's body when exceeded), then answers and adds the quota headers. Search responses carry
 * no quota headers, as HubSpot's do not.
 */
export function route(account: MockAccount, method: Method, path: string, resolve: Resolver, options: { search?: boolean } = {}): HttpHandler {
  return http[method](path, async ({ request, params }) => {
    const latency = account.nextLatency();
    await account.travel(latency.toServer);
    const response = await answer(account, request, params, resolve, options);
    const lost = response.ok ? account.afterHandling.take(request) : undefined;
    await account.travel(latency.toClient);
    return lost ? lose(lost, response, gatewayHtml) : response;
  });
}

/** Authentication, quota, the resolver and the quota headers: what HubSpot does once a request has arrived. */
async function answer(
  account: MockAccount,
  request: Request,
  params: Record<string, string | readonly string[] | undefined>,
  resolve: Resolver,
  options: { search?: boolean },
): Promise<Response> {
  const authorization = request.headers.get('authorization') ?? '';
  const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
  if (!token) {
    return hubspotError(
      401,
      'INVALID_AUTHENTICATION',
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    );
  }
  if (!account.acceptsToken(token)) {
    return hubspotError(401, 'EXPIRED_AUTHENTICATION', 'The OAuth token used to make this call expired or is not valid. Refresh the token.');
  }
  const refused = account.quota?.admit(options.search ?? false);
  if (refused) return refused;
  const flat: Params = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join('/') : String(v);
  const response = await resolve(request, flat, new URL(request.url));
  if (account.quota && !options.search) for (const [k, v] of Object.entries(account.quota.headers())) response.headers.set(k, v);
  return response;
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return (await request.json());
  } catch {
    return undefined;
  }
}

/** Reads repeated or comma-separated list parameters (`properties=a&properties=b` or `properties=a,b`). */
export function listParam(url: URL, name: string): string[] | undefined {
  const values = url.searchParams.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return values.length > 0 ? values : undefined;
}

export const encodeAfter = (index: number): string => btoa(String(index));
export function decodeAfter(after: string | null): number | undefined {
  if (after === null) return 0;
  try {
    const n = Number(atob(after));
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

export const asRecord = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
export const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
