import { HttpResponse } from 'msw';

let counter = 0;

/** A correlation id shaped like HubSpot's (a UUID), deterministic within a process. */
export function correlationId(): string {
  counter += 1;
  return `c8617a85-58a6-4a95-b619-${counter.toString(16).padStart(12, '0')}`;
}

/** HubSpot's error body (`ModelError`): message, correlationId and category, plus optional parts. */
export function errorBody(category: string, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: 'error', message, correlationId: correlationId(), category, ...extra };
}

/** A JSON response carrying HubSpot's correlation header. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const id = typeof body === 'object' && body !== null && typeof (body as { correlationId?: unknown }).correlationId === 'string' ? (body as { correlationId: string }).correlationId : correlationId();
  return HttpResponse.json(body as Record<string, unknown>, { status, headers: { 'x-hubspot-correlation-id': id, ...headers } });
}

export function hubspotError(status: number, category: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json(errorBody(category, message, extra), status, headers);
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new HttpResponse(null, { status: 204, headers: { 'x-hubspot-correlation-id': correlationId(), ...headers } });
}

/** The bodies HubSpot sends with 429, per policy (from its usage guidelines and widely seen responses). */
export const rateLimitBodies = {
  tenSecondly: () => ({
    status: 'error',
    message: 'You have reached your ten_secondly_rolling limit.',
    errorType: 'RATE_LIMIT',
    correlationId: correlationId(),
    policyName: 'TEN_SECONDLY_ROLLING',
    groupName: 'publicapi:private_app-api-calls-ten-secondly:1512050:26892217',
  }),
  daily: () => ({
    status: 'error',
    message: 'You have reached your daily limit.',
    errorType: 'RATE_LIMIT',
    correlationId: correlationId(),
    policyName: 'DAILY',
    requestId: correlationId(),
  }),
  secondly: () => ({ status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', correlationId: correlationId() }),
};
