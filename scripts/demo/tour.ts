import type { RequestHandler } from 'msw';
import { startMockServer, type MockServer } from '@cf/core/testing';

export type Log = (line: string) => void;

/** One connector's part of the demo: how to build it live or in the sandbox, and what to show. */
export interface Tour<C extends { disconnect(): Promise<void> }> {
  name: string;
  /** A live connector when credentials are in the environment (or the API needs none and live mode is on). */
  live(env: NodeJS.ProcessEnv): C | undefined;
  /** The connector against its own mocks on loopback. */
  sandbox(serverUrl: string): C;
  handlers: RequestHandler[];
  run(connector: C, log: Log): Promise<void>;
}

export async function runTour<C extends { disconnect(): Promise<void> }>(tour: Tour<C>, log: Log, env: NodeJS.ProcessEnv): Promise<void> {
  const live = tour.live(env);
  let server: MockServer | undefined;
  const connector = live ?? tour.sandbox((server = await startMockServer(tour.handlers)).baseUrl);
  log(`\n== ${tour.name} (${live ? 'live API' : 'sandbox: its mocks on loopback'}) ==`);
  try {
    await tour.run(connector, (line) => log(`  ${line}`));
  } finally {
    await connector.disconnect();
    await server?.close();
  }
}
