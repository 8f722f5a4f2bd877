import { faults } from '@cf/core/testing';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { harness, rejection, TOKEN, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

const O = 'octo-org';
const R = 'hello-world';
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => HttpResponse.json(body as never, { status, headers: { 'x-github-request-id': 'ABCD:1234:5678', 'x-ratelimit-remaining': '4999', ...headers } });

describe("GitHub's errors, mapped to core's codes with advice", () => {
  it('401 Bad credentials is AUTH_FAILED saying what to renew, with the request id and docs link; not retried', async () => {
    h = await harness({ mock: { tokens: ['ghp_other'] } });
    const error = await rejection(h.github.repositories.get(O, R));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401, retryable: false, details: { apiRequestId: expect.stringMatching(/^C0DE:/) as unknown, documentationUrl: 'https://docs.github.com/rest' } });
    expect(error.message).toMatch(/GitHub rejected the credentials \(401\)\. GitHub says: "Bad credentials"\. The token is wrong, expired or revoked/);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(h.server.requests).toHaveLength(1);
  });

  it('a 403 for an organization with SAML SSO says to authorize the token', async () => {
    h = await harness();
    h.server.use(http.get('*/repos/:o/:r', () => json(403, { message: 'Resource protected by organization SAML enforcement.' }, { 'x-github-sso': 'required; url=https://github.com/orgs/octo-org/sso?authorization_request=AB12' })));
    const error = await rejection(h.github.repositories.get(O, R));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 403, retryable: false });
    expect(error.message).toMatch(/single sign-on \(https:\/\/github\.com\/orgs\/octo-org\/sso/);
  });

  it("a classic token's missing scope is named from x-accepted-oauth-scopes", async () => {
    h = await harness();
    h.server.use(http.get('*/repos/:o/:r', () => json(403, { message: 'Must have admin rights to Repository.' }, { 'x-oauth-scopes': 'read:org', 'x-accepted-oauth-scopes': 'repo' })));
    const error = await rejection(h.github.repositories.get(O, R));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', details: { acceptedScopes: 'repo', tokenScopes: 'read:org' } });
    expect(error.message).toMatch(/A classic token needs one of the scopes "repo" \(it has "read:org"\)/);
    expect(h.server.requests).toHaveLength(1);
  });

  it('search past 1,000 results: the 422 is VALIDATION_ERROR pointing to search.allIssues', async () => {
    h = await harness();
    const page11 = `${h.server.baseUrl}/search/issues?q=repo%3Aocto-org%2Fhello-world&per_page=100&page=11`;
    const error = await rejection(h.github.search.issues('repo:octo-org/hello-world', { start: page11 }).toArray({ limit: 1 }));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', status: 422, retryable: false });
    expect(error.message).toMatch(/Only the first 1000 search results are available.*search\.allIssues/);
  });

  it("409 (an empty repository's commits) keeps core's INVALID_REQUEST with GitHub's message", async () => {
    h = await harness();
    const error = await rejection(h.github.commits.list(O, 'empty').toArray({ limit: 1 }));
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', status: 409, retryable: false });
    expect(error.message).toMatch(/Git Repository is empty/);
  });

  it('a 5xx is retried with backoff, a 502 HTML page too, and the last one carries the request id', async () => {
    h = await harness();
    h.server.use(faults.serverErrors(1, 502), faults.serverErrors(1, 500));
    expect((await h.github.repositories.get(O, R)).name).toBe(R);
    h.server.use(http.get('*/repos/:o/:r', () => new HttpResponse('<html>Unicorn!</html>', { status: 503, headers: { 'content-type': 'text/html', 'x-github-request-id': 'FFFF:1' } })));
    const error = await rejection(h.github.repositories.get(O, R));
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 503, details: { apiRequestId: 'FFFF:1', attempt: 3 } });
  });

  it('a 403 with quota left and no rate-limit message is never taken for a rate limit', async () => {
    h = await harness();
    h.server.use(http.get('*/repos/:o/:r', () => json(403, { message: 'Repository access blocked' }, { 'x-ratelimit-reset': String(Math.floor(h.clock.now() / 1000) + 60) })));
    const error = await rejection(h.github.repositories.get(O, R));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', retryable: false });
    expect(error.retryAfterMs).toBeUndefined();
    expect(h.clock.sleeps).toEqual([]);
  });
});
