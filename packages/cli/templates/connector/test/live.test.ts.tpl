import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { {{className}} } from '../src/index.js';

// Against the real API, opt-in: {{envPrefix}}_TOKEN=... npx vitest run test/live.test.ts
// Without the variable every test here is skipped (never failed), so `npx vitest run` stays offline.
const token = process.env.{{envPrefix}}_TOKEN;

describe.skipIf(!token)('live: {{displayName}} ({{envPrefix}}_TOKEN)', () => {
  // Built in beforeAll, not here: describe's body runs even when the block is skipped.
  let client: {{className}};
  beforeAll(() => {
    client = new {{className}}({ token: token ?? '' });
  });
  afterAll(() => client.disconnect());

  it('reaches the API with the token', async () => {
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('lists a page of items, typed', async () => {
    const items = await client.items.list({ pageSize: 5 }).toArray({ limit: 5 });
    for (const item of items) expect(item).toMatchObject({ id: expect.any(String) });
  });
});
