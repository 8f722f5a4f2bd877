import { readFileSync } from 'node:fs';
import { connectorMetadataSchema } from '@cf/core';
import { publicOperations } from '@cf/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { HubSpotConnector, metadata, resolveLimits, USER_AGENT, VERSION } from '../src/index.js';
import { OBJECT_RESOURCES } from '../src/metadata.js';
import { harness, rejection, TOKEN, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const configError = (config: unknown) => {
  try {
    new HubSpotConnector(config as never);
  } catch (error) {
    return error as { code: string; issues: Array<{ path: string }> };
  }
  throw new Error('expected a configuration error');
};

describe('configuration', () => {
  it('needs exactly one of accessToken or oauth', () => {
    expect(configError({}).code).toBe('VALIDATION_ERROR');
    expect(configError({ accessToken: 'x', oauth: { clientId: 'a', clientSecret: 'b', refreshToken: 'c' } }).issues[0]!.path).toBe('accessToken');
    expect(configError({ oauth: { clientId: 'a', clientSecret: 'b' } }).issues[0]!.path).toBe('oauth.refreshToken');
  });

  it('rejects typos and bad values, naming the field', () => {
    expect(configError({ acessToken: 'x' }).code).toBe('VALIDATION_ERROR');
    expect(configError({ accessToken: 'x', plan: 'gold' }).issues[0]!.path).toBe('plan');
    expect(configError({ accessToken: 'x', limits: { timeZone: 'Mars/Olympus' } }).issues[0]!.path).toBe('limits.timeZone');
    expect(configError({ accessToken: 'x', batchConcurrency: 0 }).issues[0]!.path).toBe('batchConcurrency');
    expect(configError({ accessToken: 'x', baseUrl: 'ftp://example.com' }).issues[0]!.path).toBe('baseUrl');
  });

  it('resolves limits from the plan and overrides', () => {
    expect(resolveLimits({ accessToken: 'x' })).toEqual({ tenSecondly: 100, daily: 250_000, searchPerSecond: 5, timeZone: 'UTC' });
    expect(resolveLimits({ accessToken: 'x', plan: 'enterprise' })).toMatchObject({ tenSecondly: 190, daily: 1_000_000 });
    expect(resolveLimits({ oauth: { clientId: 'a', clientSecret: 'b', refreshToken: 'c' } })).toMatchObject({ tenSecondly: 110, daily: undefined });
    expect(resolveLimits({ accessToken: 'x', plan: 'professional', limits: { tenSecondly: 250, daily: false } })).toMatchObject({ tenSecondly: 250, daily: undefined });
  });

  it('keeps a base URL path prefix (proxies) and appends a user agent of the caller', async () => {
    h = await harness();
    const proxied = new HubSpotConnector({ accessToken: TOKEN, baseUrl: `${h.server.baseUrl}/proxy/hubspot`, userAgent: 'acme-sync/2.0', rateLimit: false });
    await proxied.contacts.get('512');
    expect(h.server.requests[0]!.path).toBe('/proxy/hubspot/crm/v3/objects/contacts/512');
    expect(h.server.requests[0]!.headers['user-agent']).toBe(`acme-sync/2.0 ${USER_AGENT}`);
    await proxied.disconnect();
  });
});

describe('lifecycle', () => {
  it('ping checks credentials with the account details endpoint', async () => {
    h = await harness();
    await h.hubspot.connect({ verify: true });
    expect(h.server.requests[0]!.path).toBe('/account-info/v3/details');
    expect(h.server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('after disconnect calls fail with CLIENT_CLOSED; connect() makes resources usable again', async () => {
    h = await harness();
    await h.hubspot.disconnect();
    expect((await rejection(h.hubspot.contacts.get('512'))).code).toBe('CLIENT_CLOSED');
    await h.hubspot.connect();
    expect((await h.hubspot.deals.search({}).first())?.id).toBe('7001');
  });
});

describe('package', () => {
  it('ships valid registry metadata', () => {
    expect(connectorMetadataSchema.parse(metadata)).toEqual(metadata);
    expect(metadata.limits.map((l) => l.limit)).toContain(190);
  });

  it('exposes resources and their methods only: no credentials, limiters or internals on the instance', async () => {
    h = await harness();
    const declared = new Set(metadata.operations?.map((o) => o.name));
    expect(publicOperations(h.hubspot).filter((name) => !declared.has(name))).toEqual([]);
    // The bearer provider (whose secrets() hands out the token) and the limiters are not reachable from outside.
    const reachable = h.hubspot as unknown as Record<string, unknown>;
    for (const internal of ['auth', 'limiters', 'ctx', 'custom']) expect(reachable[internal]).toBeUndefined();
  });

  it('declares the batch methods too, which a walk of the resources does not reach', () => {
    const declared = new Set(metadata.operations?.map((o) => o.name));
    const hubspot = new HubSpotConnector({ accessToken: TOKEN });
    const methodsOf = (value: object) => Object.getOwnPropertyNames(Object.getPrototypeOf(value)).filter((n) => n !== 'constructor');
    const batch = [
      ...OBJECT_RESOURCES.flatMap((r) => methodsOf(hubspot[r].batch).map((m) => `${r}.batch.${m}`)),
      ...methodsOf(hubspot.associations.batch).map((m) => `associations.batch.${m}`),
    ];
    expect(batch.length).toBeGreaterThan(30);
    expect(batch.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('reports the package version in its user agent, with ESM, CJS, types and the mocks export', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
      exports: Record<string, Record<string, unknown>>;
      sideEffects: boolean;
      files: string[];
    };
    expect(VERSION).toBe(pkg.version);
    expect(USER_AGENT).toBe(`@cf/connector-hubspot/${pkg.version}`);
    expect(Object.keys(pkg.exports)).toEqual(['.', './mocks', './package.json']);
    expect(Object.keys(pkg.exports['./mocks']!)).toEqual(['@cf/source', 'import', 'require']);
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.files).toContain('dist');
  });
});
