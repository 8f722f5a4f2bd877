import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesBody } from '../../http/response-body.js';
import type { Transport } from '../../http/transport.js';
import * as z from '../../schema/zod.js';
import { HttpClient } from '../http-client.js';
import type { QuotaObservation } from '../../store/rate-limit-store.js';

const page = { results: [{ id: '1', properties: { email: 'a@example.com' } }], paging: { next: { after: '1' } } };
const schema = z.looseObject({ results: z.array(z.looseObject({ id: z.string(), properties: z.record(z.string(), z.string()) })), paging: z.optional(z.unknown()) });
const transport: Transport = {
  send: async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: bytesBody([JSON.stringify(page)]) }),
  close: async () => undefined,
};

/** Every object JSON.parse returned while `run` ran. */
async function parsedDuring(run: () => Promise<unknown>): Promise<{ result: unknown; parsed: unknown[] }> {
  const parse = JSON.parse;
  const parsed: unknown[] = [];
  const spy = vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) => {
    const value: unknown = parse(text, reviver);
    parsed.push(value);
    return value;
  });
  try {
    return { result: await run(), parsed };
  } finally {
    spy.mockRestore();
  }
}

describe('quota observers see the body through a getter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a body the observer never reads is parsed once, after it, and a pure schema hands the caller that very object', async () => {
    const observe = vi.fn((): QuotaObservation[] => []);
    const http = new HttpClient({ baseUrl: 'https://api.example', source: 'test', rateLimit: false, transport, observeQuota: observe });
    const { result, parsed } = await parsedDuring(async () => (await http.request({ path: '/contacts', schema })).data);
    expect(observe).toHaveBeenCalledTimes(1);
    expect(parsed).toHaveLength(1);
    expect(result).toBe(parsed[0]);
    expect(result).toEqual(page);
  });

  it('an observer that reads it gets the parsed body, and the caller a validated copy of it (not the object the observer holds)', async () => {
    let seen: unknown;
    const http = new HttpClient({
      baseUrl: 'https://api.example',
      source: 'test',
      rateLimit: false,
      transport,
      observeQuota: (answer) => {
        seen = answer.data;
        return [];
      },
    });
    const { result, parsed } = await parsedDuring(async () => (await http.request({ path: '/contacts', schema })).data);
    expect(parsed).toHaveLength(1);
    expect(seen).toBe(parsed[0]);
    expect(result).toEqual(page);
    expect(result).not.toBe(seen);
  });
});
