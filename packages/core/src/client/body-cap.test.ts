import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { FakeClock } from '../time/fake-clock.js';
import { HttpClient } from './http-client.js';

const MB50 = 50 * 1024 * 1024;
/** A JSON string body of exactly `bytes` bytes. */
const jsonOf = (bytes: number): Buffer => Buffer.from(`"${'x'.repeat(bytes - 2)}"`);

let server: MockServer;
let c: HttpClient;
beforeAll(async () => {
  server = await startMockServer([
    http.get('*/api/exactly-50mb', () => new HttpResponse(jsonOf(MB50), { headers: { 'content-type': 'application/json' } })),
    http.get('*/api/over-50mb', () => new HttpResponse(jsonOf(MB50 + 1), { headers: { 'content-type': 'application/json' } })),
  ]);
  c = new HttpClient({ baseUrl: `${server.baseUrl}/api`, source: 'test', clock: new FakeClock(), retry: false });
});
afterAll(async () => {
  await c.close();
  await server.close();
});

describe('§13 response bodies are capped at 50 MB by default', () => {
  it('a body of exactly 50 MB is read', async () => {
    const res = await c.request<string>({ path: '/exactly-50mb' });
    expect(res.data.length).toBe(MB50 - 2);
  });

  it('one byte more is a PARSING_ERROR that says how to raise the cap', async () => {
    await expect(c.request({ path: '/over-50mb' })).rejects.toMatchObject({ code: 'PARSING_ERROR', message: expect.stringMatching(/52428800-byte limit.*maxResponseBytes/) });
  });
});
