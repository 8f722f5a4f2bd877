import { isConnectorError } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { errorHandlers, fixtures } from '../src/mocks/index.js';
import { TOKEN, useMockApi } from './helpers.js';

const api = useMockApi();

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('items.get', () => {
  it('sends GET /v1/items/{id} with the token and returns the typed item', async () => {
    const item = await api.make().items.get('item_001');
    expect(item).toEqual(fixtures.items[0]);
    const [request] = api.server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/v1/items/item_001');
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers['user-agent']).toContain('{{packageName}}/');
    expect(request?.body).toBe('');
  });

  it('answers a bad id with VALIDATION_ERROR naming the field, before the network', async () => {
    const error = await failure(api.make().items.get('no/slashes'));
    expect(isConnectorError(error) && error.code).toBe('VALIDATION_ERROR');
    expect((error as Error).message).toContain('id');
    expect(api.server.requests).toHaveLength(0);
  });

  it('maps a 404 to NOT_FOUND with the API request id', async () => {
    const error = await failure(api.make().items.get('item_999'));
    expect(isConnectorError(error) && error.code).toBe('NOT_FOUND');
    expect(isConnectorError(error) && error.details.apiRequestId).toBe('req_404_mock');
  });

  it('maps a 401 to AUTH_FAILED that says what to check', async () => {
    api.server.use(errorHandlers.unauthorized());
    const error = await failure(api.make().items.get('item_001'));
    expect(isConnectorError(error) && error.code).toBe('AUTH_FAILED');
    expect((error as Error).message).toContain('{{envPrefix}}_TOKEN');
  });
});

describe('items.list', () => {
  it('follows the cursor page by page, sending limit and cursor', async () => {
    const items = await api.make().items.list({ pageSize: 3 }).toArray({ limit: 100 });
    expect(items).toEqual(fixtures.items);
    expect(api.server.requests.map((r) => [r.method, r.path, r.query.get('limit'), r.query.get('cursor')])).toEqual([
      ['GET', '/v1/items', '3', null],
      ['GET', '/v1/items', '3', '3'],
      ['GET', '/v1/items', '3', '6'],
    ]);
  });

  it('resumes exactly after a saved checkpoint', async () => {
    const client = api.make();
    const pages = client.items.list({ pageSize: 3 }).pages();
    const first = (await pages.next()).value;
    await pages.return(undefined);
    const rest = await client.items.list({ pageSize: 3, start: first?.checkpoint ?? undefined }).toArray({ limit: 100 });
    expect([...(first?.items ?? []), ...rest]).toEqual(fixtures.items);
  });

  it('answers a page size out of range with VALIDATION_ERROR, before the network', async () => {
    const error = await failure(Promise.resolve().then(() => api.make().items.list({ pageSize: 500 })));
    expect(isConnectorError(error) && error.code).toBe('VALIDATION_ERROR');
    expect((error as Error).message).toContain('pageSize');
    expect(api.server.requests).toHaveLength(0);
  });
});
