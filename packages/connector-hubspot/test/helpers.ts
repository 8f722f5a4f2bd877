import { expect } from 'vitest';
import { FakeClock, startMockServer, type MockServer } from '@cf/core/testing';
import type { ConnectorError } from '@cf/core';
import { HubSpotConnector, type HubSpotConfig } from '../src/index.js';
import { createHubSpotMock, type HubSpotMock, type HubSpotMockOptions } from '../src/mocks/index.js';

export const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

/** A connector error as tests inspect it (validation errors add `issues`). */
export type Failure = ConnectorError & { issues: Array<{ path: string; message: string }> };

export interface Harness {
  hubspot: HubSpotConnector;
  /** The time both the connector and the mock account read (rate windows, token expiry, retries). */
  clock: FakeClock;
  server: MockServer;
  mock: HubSpotMock;
  close(): Promise<void>;
}

type ConfigOverrides = Omit<Partial<HubSpotConfig>, 'accessToken' | 'oauth'> & { accessToken?: string; oauth?: HubSpotConfig['oauth'] };

/** A connector against a fresh mock account on loopback. */
export async function harness(options: { mock?: HubSpotMockOptions; config?: ConfigOverrides } = {}): Promise<Harness> {
  const clock = new FakeClock();
  const mock = createHubSpotMock({ clock, ...options.mock });
  const server = await startMockServer(mock.handlers);
  const { oauth, accessToken, ...rest } = options.config ?? {};
  const auth = oauth ? { oauth } : { accessToken: accessToken ?? TOKEN };
  const hubspot = new HubSpotConnector({ ...auth, baseUrl: server.baseUrl, clock, ...rest });
  return {
    hubspot,
    clock,
    server,
    mock,
    close: async () => {
      await hubspot.disconnect();
      await server.close();
    },
  };
}

/** Expects the promise to reject and returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    return error as Failure;
  }
  throw new Error('expected a rejection, but the call resolved');
}

/** Expects the call to fail, synchronously (a list) or as a rejection (an async method), and returns the error. */
export async function failure(fn: () => unknown): Promise<Failure> {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    return error as Failure;
  }
  if (result instanceof Promise) return rejection(result);
  throw new Error('expected the call to fail');
}

/** Expects VALIDATION_ERROR (optionally naming `path` among its issues) and returns it. */
export async function invalid(fn: () => unknown, path?: string): Promise<Failure> {
  const error = await failure(fn);
  expect(error.code, String(error.message)).toBe('VALIDATION_ERROR');
  if (path !== undefined) expect(error.issues.map((i) => i.path)).toContain(path);
  return error;
}
