import { http, type HttpHandler } from 'msw';
import type { MockAccount } from '../account.js';
import { correlationId, json } from '../responses.js';

/** `POST /oauth/v1/token` (refresh_token grant), answering as HubSpot does, including its error statuses. */
export function oauthHandlers(account: MockAccount): HttpHandler[] {
  return [
    http.post('*/oauth/v1/token', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const fail = (status: string, message: string) => json({ status, message, correlationId: correlationId(), requestId: correlationId() }, 400);
      if (form.get('client_id') !== account.oauth.clientId) return fail('BAD_CLIENT_ID', 'missing or unknown client id');
      if (form.get('client_secret') !== account.oauth.clientSecret) return fail('BAD_CLIENT_SECRET', 'missing or invalid client secret');
      if (form.get('grant_type') !== 'refresh_token') return fail('BAD_GRANT_TYPE', 'grant_type must be refresh_token or authorization_code');
      if (form.get('refresh_token') !== account.oauth.refreshToken) return fail('BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
      return json(account.issueToken());
    }),
  ];
}
