import { AuthError, InvalidRequestError, ServerError, systemClock } from '@cf/core';
import { afterEach, describe, expect, it } from 'vitest';
import { mapHubSpotError } from '../src/index.js';
import { plainTextExcerpt } from '../src/text-excerpt.js';
import { hubspotErrors } from '../src/mocks/index.js';
import { harness, rejection, TOKEN, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('HubSpot error bodies become typed errors', () => {
  it('401 INVALID_AUTHENTICATION → AUTH_FAILED, not retried, with HubSpot correlation id next to ours', async () => {
    h = await harness();
    h.server.use(hubspotErrors.invalidAuthentication({ times: 1 }));
    const error = await rejection(h.hubspot.contacts.get('512'));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.status).toBe(401);
    expect(error.message).toContain('private app access token');
    expect(error.details.category).toBe('INVALID_AUTHENTICATION');
    expect(error.details.apiRequestId).toBe((error.body as { correlationId: string }).correlationId);
    expect(error.requestId).toBe(h.server.requests[0]!.headers['x-request-id']);
    expect(h.server.requests).toHaveLength(1);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('403 MISSING_SCOPES → AUTH_FAILED naming the scopes', async () => {
    h = await harness();
    h.server.use(hubspotErrors.missingScopes(['crm.objects.contacts.read', 'crm.schemas.contacts.read'], { times: 1 }));
    const error = await rejection(h.hubspot.contacts.list().first());
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.status).toBe(403);
    expect(error.details.requiredScopes).toEqual(['crm.objects.contacts.read', 'crm.schemas.contacts.read']);
    expect(error.message).toContain('crm.objects.contacts.read, crm.schemas.contacts.read');
  });

  it('400 VALIDATION_ERROR → INVALID_REQUEST with the per-property problems', async () => {
    h = await harness();
    h.server.use(hubspotErrors.validationError({ times: 1 }));
    const error = await rejection(h.hubspot.contacts.update('512', { properties: { email: 'example.lcom' } }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.retryable).toBe(false);
    expect(error.details.propertyErrors).toEqual([{ name: 'email', message: 'Email address example.lcom is invalid', error: 'INVALID_EMAIL' }]);
  });

  it('409 CONFLICT → INVALID_REQUEST with the existing id', async () => {
    h = await harness();
    h.server.use(hubspotErrors.conflict('512', { times: 1 }));
    const error = await rejection(h.hubspot.contacts.create({ properties: { email: 'bh@hubspot.com' } }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.details.existingId).toBe('512');
  });

  it('a 5xx on a read is retried with backoff and ends as SERVER_ERROR with HubSpot ids', async () => {
    h = await harness();
    h.server.use(hubspotErrors.serverError({ times: 5 }));
    const error = await rejection(h.hubspot.contacts.get('512'));
    expect(error).toBeInstanceOf(ServerError);
    expect(h.server.requests).toHaveLength(3);
    expect(error.details.apiRequestId).toMatch(/^c8617a85-/);
    expect(error.details.category).toBe('INTERNAL_ERROR');
  });
});

describe('non-JSON answers', () => {
  it.each([502, 504] as const)('a %i HTML gateway page becomes a short plain-text excerpt in the message (the page stays in body)', async (status) => {
    h = await harness();
    h.server.use(hubspotErrors.gatewayPage({ status }));
    const error = await rejection(h.hubspot.contacts.get('512'));
    expect(error.code).toBe('SERVER_ERROR');
    expect(h.server.requests).toHaveLength(3);
    expect(error.message).not.toMatch(/<|>|\{|function|font-family/);
    const excerpt = /"(.*)"/.exec(error.message)?.[1] ?? '';
    expect(excerpt.length).toBeGreaterThan(20);
    expect(excerpt.length).toBeLessThanOrEqual(200);
    expect(excerpt).toContain(status === 502 ? 'Bad gateway' : 'Gateway time-out');
    expect(error.message).toContain(String(status));
    expect(error.message.length).toBeLessThan(400);
    expect(String(error.body)).toContain('<html');
  });
});

describe('writes and retries', () => {
  it('create is never repeated after a 5xx, and the error says it may exist and how to retry safely', async () => {
    h = await harness();
    h.server.use(hubspotErrors.serverError({ times: 1, method: 'POST' }));
    const error = await rejection(h.hubspot.contacts.create({ properties: { email: 'new@example.com' } }));
    expect(error.code).toBe('SERVER_ERROR');
    expect(h.server.requests).toHaveLength(1);
    expect(error.details.writeMayHaveApplied).toBe(true);
    expect(error.message).toContain('batch.upsert');
  });

  it.each([
    ['a 502 gateway page', 'bad-gateway', 'SERVER_ERROR'],
    ['a connection reset', 'reset', 'NETWORK_ERROR'],
    ['a 201 whose body was cut short', 'truncated', 'PARSING_ERROR'],
  ] as const)('create whose answer is lost after HubSpot created the record (%s): may-have-applied, not retryable, sent once', async (_label, answer, code) => {
    h = await harness();
    h.mock.account.failAfterHandling({ method: 'POST', path: '/crm/v3/objects/contacts', answer });
    const error = await rejection(h.hubspot.contacts.create({ properties: { email: 'new@example.com' } }));
    expect(error.code).toBe(code);
    expect(error.writeOutcome).toBe('may-have-applied');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('may already have applied it');
    expect(error.message).toContain('batch.upsert');
    // Deprecated alias of writeOutcome, kept for existing callers.
    expect(error.details.writeMayHaveApplied).toBe(true);
    expect(h.server.requests.map((r) => [r.method, r.path])).toEqual([['POST', '/crm/v3/objects/contacts']]);
    // It was created, once: exactly why the error must not invite a blind retry.
    expect([...h.mock.account.table('contacts').scan()].filter((c) => c.properties.email === 'new@example.com')).toHaveLength(1);
  });

  it('a create refused before it applied says not-applied and gets no may-have-applied hint', async () => {
    h = await harness();
    h.server.use(hubspotErrors.validationError({ times: 1 }));
    const error = await rejection(h.hubspot.contacts.create({ properties: { email: 'example.lcom' } }));
    expect(error.writeOutcome).toBe('not-applied');
    expect(error.message).not.toContain('may already have applied');
    expect(error.details.writeMayHaveApplied).toBeUndefined();
  });

  it('batch.create: a request whose answer was lost is sent once and throws may-have-applied, every input in partialResult', async () => {
    h = await harness();
    h.mock.account.failAfterHandling({ method: 'POST', path: '/crm/v3/objects/contacts/batch/create', answer: 'bad-gateway' });
    const error = await rejection(h.hubspot.contacts.batch.create([{ properties: { email: 'one@example.com' } }, { properties: { email: 'two@example.com' } }]));
    expect(h.server.requests).toHaveLength(1);
    expect([error.writeOutcome, error.retryable]).toEqual(['may-have-applied', false]);
    expect(error.message).toContain('batch.upsert');
    const partial = error.details.partialResult as { results: unknown[]; errors: Array<{ index: number; category: string }> };
    expect(partial.results).toEqual([]);
    expect(partial.errors.map((e) => [e.index, e.category])).toEqual([
      [0, error.code],
      [1, error.code],
    ]);
  });

  it('create is retried after a 429, which HubSpot refused before acting', async () => {
    h = await harness();
    h.server.use(hubspotErrors.tenSecondlyLimit({ times: 1 }));
    const created = await h.hubspot.contacts.create({ properties: { email: 'new@example.com' } });
    expect(created.properties.email).toBe('new@example.com');
    expect(h.server.requests).toHaveLength(2);
  });

  it('update sets absolute values, so it is retried after a 5xx', async () => {
    h = await harness();
    h.server.use(hubspotErrors.serverError({ times: 1, status: 503, method: 'PATCH' }));
    const updated = await h.hubspot.contacts.update('512', { properties: { firstname: 'B' } });
    expect(updated.properties.firstname).toBe('B');
    expect(h.server.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH']);
  });

  it('search is a POST that reads, so it is retried after a 5xx', async () => {
    h = await harness();
    h.server.use(hubspotErrors.serverError({ times: 1, method: 'POST' }));
    expect((await h.hubspot.contacts.search({}).toArray({ limit: 5 })).length).toBe(3);
    expect(h.server.requests).toHaveLength(2);
  });
});

describe('mapHubSpotError', () => {
  const options = { dailyResetAt: () => 0, now: () => 0, timeZone: 'UTC' };
  const defaultError = () => new InvalidRequestError({ message: 'default', status: 400 });

  it("keeps core's class for bodies that are not HubSpot errors, quoting their text, adding the correlation header", () => {
    const error = mapHubSpotError(
      { status: 400, headers: { 'x-hubspot-correlation-id': 'abc' }, body: 'plain text', method: 'GET', path: '/x', retryAfterMs: undefined, rateLimited: false, defaultError: defaultError(), clock: systemClock },
      options,
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error?.message).toBe('HubSpot answered 400 with plain text, not its JSON error: "plain text".');
    expect(error?.details.apiRequestId).toBe('abc');
  });

  it('a plain-text excerpt drops scripts, styles, comments and tags, decodes entities, and stops at 200 characters', () => {
    const page = `<html><head><style>p{color:red}</style><script>var x = "<b>";</script></head><body><!-- hidden --><p>A &amp; B&nbsp;&lt;ok&gt;</p>${'<i>word</i> '.repeat(100)}<a href="https://x`;
    expect(plainTextExcerpt(page)).toMatch(/^A & B <ok> word word/);
    expect(plainTextExcerpt(page)).toHaveLength(200);
    expect(plainTextExcerpt(page).endsWith('…')).toBe(true);
    expect(plainTextExcerpt('<p>short</p><a href="x')).toBe('short');
  });

  it('reads the rolling window from X-HubSpot-RateLimit-Interval-Milliseconds, and Retry-After wins', () => {
    const ctx = {
      status: 429,
      body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', policyName: 'TEN_SECONDLY_ROLLING', correlationId: 'x' },
      method: 'GET',
      path: '/x',
      rateLimited: true,
      defaultError: defaultError(),
      clock: systemClock,
    };
    expect(mapHubSpotError({ ...ctx, headers: { 'x-hubspot-ratelimit-interval-milliseconds': '2000' }, retryAfterMs: undefined }, options)?.retryAfterMs).toBe(2000);
    expect(mapHubSpotError({ ...ctx, headers: {}, retryAfterMs: 3000 }, options)?.retryAfterMs).toBe(3000);
  });
});
