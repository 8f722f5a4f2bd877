import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { importAppKey, signAppJwt } from '../src/auth/jwt.js';
import { GitHubConnector } from '../src/index.js';
import { pemToDer, pkcs1ToPkcs8 } from '../src/auth/pem.js';
import { harness, rejection, type Harness } from './helpers.js';

/** An app's key as GitHub hands it out (PKCS#1), and its public half for the mock. */
function appKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    spki: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
const key = appKey();
const other = appKey();
const APP_ID = 123_456;
const INSTALLATION = 42;

let h: Harness;

const decode = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('the app JWT (RS256 with WebCrypto, from a PKCS#1 key)', () => {
  it('wraps PKCS#1 into the PKCS#8 DER node:crypto exports for the same key', () => {
    const { der, format } = pemToDer(key.pkcs1);
    expect(format).toBe('pkcs1');
    expect(Buffer.from(pkcs1ToPkcs8(der)).equals(Buffer.from(pemToDer(key.pkcs8).der))).toBe(true);
  });

  it('signs iat 60 s in the past, exp 10 minutes after iat, iss the app id; the signature verifies with the public key', async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const jwt = await signAppJwt(await importAppKey(key.pkcs1), String(APP_ID), now);
    const [header = '', payload = '', signature = ''] = jwt.split('.');
    expect(decode(header)).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(decode(payload)).toEqual({ iat: now / 1000 - 60, exp: now / 1000 - 60 + 600, iss: String(APP_ID) });
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), createPublicKey(key.spki), Buffer.from(signature, 'base64url'))).toBe(true);
  });
});

describe('GitHub App installation tokens', () => {
  afterEach(async () => h.close());
  const app = (privateKey = key.pkcs1, installationId: number = INSTALLATION) => ({ app: { appId: APP_ID, privateKey, installationId } });
  const mockApp = { app: { appId: APP_ID, publicKey: key.spki, installations: [INSTALLATION] }, tokens: [] };

  it('exchanges a signed JWT at POST /app/installations/{id}/access_tokens through the transport, then sends the installation token', async () => {
    h = await harness({ mock: mockApp, config: app() });
    await h.github.repositories.get('octo-org', 'hello-world');
    await h.github.issues.get('octo-org', 'hello-world', 1);
    const [exchange, first, second] = h.server.requests;
    expect(exchange).toMatchObject({ method: 'POST', path: '/app/installations/42/access_tokens' });
    expect(exchange?.headers).toMatchObject({ authorization: expect.stringMatching(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/) as unknown, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' });
    expect(exchange?.headers['user-agent']).toMatch(/^@cf\/connector-github\//);
    expect(first?.headers.authorization).toMatch(/^Bearer ghs_/);
    expect(second?.headers.authorization).toBe(first?.headers.authorization);
    expect(h.server.requests).toHaveLength(3);
  });

  it('fetches a new token before expires_at (5 minutes early), once for concurrent callers', async () => {
    h = await harness({ mock: mockApp, config: app() });
    await h.github.repositories.get('octo-org', 'hello-world');
    h.clock.advance(54 * 60_000);
    await h.github.repositories.get('octo-org', 'hello-world');
    expect(h.server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    h.clock.advance(2 * 60_000);
    await Promise.all([1, 2, 3].map((n) => h.github.issues.get('octo-org', 'hello-world', n)));
    const posts = h.server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    const tokens = new Set(h.server.requests.filter((r) => r.method === 'GET').map((r) => r.headers.authorization));
    expect(tokens.size).toBe(2);
  });

  it('a token GitHub no longer accepts (401) is replaced once and the call repeated', async () => {
    h = await harness({ mock: mockApp, config: app() });
    await h.github.repositories.get('octo-org', 'hello-world');
    for (const token of h.mock.github.installationTokens.keys()) h.mock.github.installationTokens.set(token, 0);
    const repo = await h.github.repositories.get('octo-org', 'hello-world');
    expect(repo.name).toBe('hello-world');
    expect(h.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /app/installations/42/access_tokens',
      'GET /repos/octo-org/hello-world',
      'GET /repos/octo-org/hello-world',
      'POST /app/installations/42/access_tokens',
      'GET /repos/octo-org/hello-world',
    ]);
  });

  it('an installation the app is not on is AUTH_FAILED saying so; the key and the JWT are in no error', async () => {
    h = await harness({ mock: mockApp, config: app(key.pkcs1, 7) });
    const error = await rejection(h.github.repositories.get('octo-org', 'hello-world'));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 404 });
    expect(error.message).toMatch(/not installed there: check installationId/);
    const jwt = h.server.requests[0]?.headers.authorization?.slice('Bearer '.length) ?? 'missing';
    const text = `${JSON.stringify(error)} ${error.stack ?? ''} ${error.message}`;
    expect(text).not.toContain(jwt);
    expect(text).not.toContain(key.pkcs1.split('\n')[1] ?? 'missing');
    expect(h.server.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  it("a JWT signed with another key is refused by GitHub (401): AUTH_FAILED about the app's key", async () => {
    h = await harness({ mock: mockApp, config: app(other.pkcs1) });
    const error = await rejection(h.github.repositories.get('octo-org', 'hello-world'));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401 });
    expect(error.message).toMatch(/A JSON web token could not be decoded.*private key/);
  });

  it('takes a PKCS#8 key too; a PEM that is no key fails clearly before any request', async () => {
    h = await harness({ mock: mockApp, config: app(key.pkcs8) });
    expect((await h.github.repositories.get('octo-org', 'hello-world')).name).toBe('hello-world');
    const broken = h.connect(app('-----BEGIN RSA PRIVATE KEY-----\nnot base64 at all!\n-----END RSA PRIVATE KEY-----'));
    const error = await rejection(broken.repositories.get('octo-org', 'hello-world'));
    expect(error.code).toMatch(/VALIDATION_ERROR|AUTH_FAILED/);
    expect(h.server.requests.filter((r) => r.headers.authorization === undefined)).toHaveLength(0);
  });

  it('refuses both a token and an app, or neither, naming the fields', async () => {
    h = await harness();
    const both = await rejection(() => new GitHubConnector({ token: 't', ...app() } as never));
    expect(both).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'token', message: expect.stringMatching(/exactly one of token/) as unknown }] });
    expect(await rejection(() => new GitHubConnector({} as never))).toMatchObject({ code: 'VALIDATION_ERROR' });
    const badKey = await rejection(() => new GitHubConnector({ app: { appId: APP_ID, privateKey: 'nope', installationId: 1 } }));
    expect(badKey.issues.map((i) => i.path)).toEqual(['app.privateKey']);
  });
});
