import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { ToyConnector } from '../../test/fixtures/toy-connector.js';
import { connectorMetadataSchema, defineMetadata } from '../metadata/connector-metadata.js';
import { withUserOptions } from './connector-options.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer([http.get('*/api/items/:id', ({ params }) => HttpResponse.json({ id: params.id, name: 'n' }))]);
});
afterAll(async () => server.close());

describe('BaseConnector lifecycle', () => {
  it('is usable right after construction (lazy connect)', async () => {
    const toy = new ToyConnector({ token: 'lifecycle-token', baseUrl: `${server.baseUrl}/api` });
    expect(toy.isConnected()).toBe(true);
    expect(await toy.getItem('1')).toEqual({ id: '1', name: 'n' });
    expect(toy.circuitState()).toBe('closed');
    expect(toy.client.baseUrl.href).toBe(`${server.baseUrl}/api`);
    await toy.disconnect();
  });

  it('initialize validates config with a clear error naming the field', () => {
    expect(() => new ToyConnector({ token: '' })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR', issues: [expect.objectContaining({ path: 'token' })] }));
    expect(() => new ToyConnector({ token: 't', timeoutMs: 0 })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR', message: expect.stringMatching(/timeoutMs/) }));
    expect(() => new ToyConnector({ token: 't', retry: { maxAttempts: 'x' } } as never)).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });

  it('disconnect drains, later calls fail clearly, connect() reopens', async () => {
    const toy = new ToyConnector({ token: 'lifecycle-token', baseUrl: `${server.baseUrl}/api` });
    const seen: number[] = [];
    toy.on('response', (e) => seen.push(e.status));
    await toy.getItem('1');
    await toy.disconnect();
    expect(toy.isConnected()).toBe(false);
    await expect(toy.getItem('1')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    await toy.connect({ verify: true });
    expect(toy.isConnected()).toBe(true);
    expect(await toy.getItem('2')).toMatchObject({ id: '2' });
    expect(seen).toEqual([200, 200]); // listeners survive a reconnect
    await toy.disconnect();
  });

  it('user options override connector defaults; the user agent is prefixed, not replaced', () => {
    const merged = withUserOptions({ baseUrl: 'https://a.example', source: 's', userAgent: '@cf/connector-x/1.0', timeoutMs: 5 }, { userAgent: 'my-etl/2', timeoutMs: 10 });
    expect(merged).toMatchObject({ baseUrl: 'https://a.example', userAgent: 'my-etl/2 @cf/connector-x/1.0', timeoutMs: 10 });
  });
});

describe('connector events', () => {
  it("routes the connector's own events to its bus and core's to the client", async () => {
    class EventfulToy extends ToyConnector {
      fire(): void {
        (this.connectorEvents as unknown as { emit: (e: string, p: unknown) => void }).emit('versionMismatch', { served: '2025-10' });
      }
    }
    const toy = new EventfulToy({ token: 'events-token', baseUrl: `${server.baseUrl}/api` });
    const own: unknown[] = [];
    const core: unknown[] = [];
    const off = (toy as unknown as { on: (e: string, l: (p: unknown) => void) => () => void }).on('versionMismatch', (p) => own.push(p));
    toy.on('response', (p) => core.push(p.status));
    toy.fire();
    await toy.getItem('1');
    off();
    toy.fire();
    expect(own).toEqual([{ served: '2025-10' }]);
    expect(core).toEqual([200]);
    await toy.disconnect();
  });
});

describe('connector metadata', () => {
  const valid = {
    name: 'toy', displayName: 'Toy', packageName: '@cf/connector-toy', description: 'A toy connector for tests', apiVersion: 'v1',
    docsUrl: 'https://toy.example/docs', baseUrl: 'https://toy.example/api', auth: ['bearer' as const], envVars: ['TOY_TOKEN'],
    resources: ['items'], limits: [{ name: 'second', limit: 10, intervalMs: 1000, source: 'docs' }], maintainers: ['cf'],
  };
  it('accepts a complete record and rejects a bad one', () => {
    expect(defineMetadata(valid)).toEqual(valid);
    expect(connectorMetadataSchema.safeParse({ ...valid, packageName: 'toy' }).success).toBe(false);
    expect(connectorMetadataSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
  });
});
