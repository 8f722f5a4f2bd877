import { afterEach, describe, expect, it } from 'vitest';
import { harness, rejection, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const oauth = { clientId: 'mock-client-id', clientSecret: 'mock-client-secret', refreshToken: 'mock-refresh-token' };
/** A mock account that accepts only tokens its token endpoint issued, and only until they expire. */
const strict = { tokens: [] as string[], oauth: { expiresIn: 1800 } };

const tokenRequests = () => h!.server.requests.filter((r) => r.path === '/oauth/v1/token');
const apiRequests = () => h!.server.requests.filter((r) => r.path !== '/oauth/v1/token');

describe('OAuth', () => {
  it('gets an access token from /oauth/v1/token on the same base URL and sends it', async () => {
    h = await harness({ mock: strict, config: { oauth } });
    const contact = await h.hubspot.contacts.get('512');
    expect(contact.id).toBe('512');
    const [token] = tokenRequests();
    expect(token!.method).toBe('POST');
    expect(token!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(token!.body))).toEqual({
      client_id: 'mock-client-id',
      client_secret: 'mock-client-secret',
      grant_type: 'refresh_token',
      refresh_token: 'mock-refresh-token',
    });
    expect(apiRequests()[0]!.headers.authorization).toBe('Bearer mock-oauth-access-1');
  });

  it('refreshes once for concurrent calls', async () => {
    h = await harness({ mock: strict, config: { oauth } });
    await Promise.all(['512', '513', '514', '512', '513'].map((id) => h!.hubspot.contacts.get(id)));
    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests()).toHaveLength(5);
  });

  it('refreshes before expires_in runs out, not after a 401', async () => {
    h = await harness({ mock: strict, config: { oauth } });
    await h.hubspot.contacts.get('512');
    h.clock.advance(1_700_000); // 28 min 20 s: still more than the 60 s margin left
    await h.hubspot.contacts.get('512');
    expect(tokenRequests()).toHaveLength(1);
    h.clock.advance(50_000); // inside the last minute
    await h.hubspot.contacts.get('513');
    expect(tokenRequests()).toHaveLength(2);
    expect(apiRequests().map((r) => r.headers.authorization)).toEqual(['Bearer mock-oauth-access-1', 'Bearer mock-oauth-access-1', 'Bearer mock-oauth-access-2']);
    expect(apiRequests().every((r) => r.headers['user-agent']?.startsWith('@cf/connector-hubspot/'))).toBe(true);
  });

  it('a failed refresh is AUTH_FAILED with HubSpot reason, and no API call goes out without a token', async () => {
    h = await harness({ mock: strict, config: { oauth: { ...oauth, refreshToken: 'revoked-refresh-token' } } });
    const error = await rejection(h.hubspot.contacts.get('512'));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('missing or unknown refresh token');
    expect(apiRequests()).toHaveLength(0);
    expect(JSON.stringify({ error, message: error.message })).not.toContain('mock-client-secret');
  });
});
