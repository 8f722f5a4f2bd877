import { startMockServer } from '@cf/core/testing';
import type { ConnectorAdapter } from '../adapters/adapter.js';

export interface Sandbox {
  /** The configuration pointing the connector at the loopback server, with the sandbox's fake credentials. */
  config: Record<string, unknown>;
  close(): Promise<void>;
}

/** `--sandbox`: the connector's own mocks (its `/mocks` handlers) served on loopback by core's test kit. */
export async function startSandbox(adapter: ConnectorAdapter): Promise<Sandbox> {
  const server = await startMockServer(adapter.sandbox.handlers);
  return {
    config: { ...adapter.sandbox.config, baseUrl: `${server.baseUrl}${adapter.sandbox.pathPrefix}` },
    close: () => server.close(),
  };
}
