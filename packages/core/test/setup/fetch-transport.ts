import { vi } from 'vitest';
import type * as DefaultTransport from '../../src/http/default-transport.js';
import { FetchTransport } from '../../src/http/fetch-transport.js';

// Every client built without a transport gets FetchTransport, as on a runtime without undici.
vi.mock('../../src/http/default-transport.js', async (importOriginal) => {
  const original = await importOriginal<typeof DefaultTransport>();
  return { ...original, defaultTransport: () => new FetchTransport() };
});
