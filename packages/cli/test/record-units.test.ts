import { bytesBody, type Transport, type TransportRequest } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { checkOperationName, operationArgs, resolveOperation, runOperation } from '../src/record/operation.js';
import { isSecretKey, recordRedactor } from '../src/record/redact-recording.js';
import { recordingTransport } from '../src/record/recording-transport.js';
import { testFile } from '../src/record/render-recorded.js';

const SECRET = 'SECRETVALUE123';

describe('isSecretKey', () => {
  it.each(['accessToken', 'access_token', 'api_key', 'apiKey', 'client-secret', 'password', 'privateKey', 'sessionId', 'token', 'X-Auth-Token'])('%s looks secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });
  it.each(['next_page_token', 'pageToken', 'cursor', 'id', 'name', 'tokenizer', 'email', 'keyword'])('%s does not', (key) => {
    expect(isSecretKey(key)).toBe(false);
  });
});

describe('recordRedactor', () => {
  const redact = recordRedactor({ secrets: () => [SECRET], fields: ['user.email'] });

  it('keeps the path after the base prefix, redacts secret query values, keeps only the headers that matter', () => {
    const exchange = redact.exchange(
      {
        method: 'GET',
        url: new URL(`https://api.example.com/v1/items?limit=2&apikey=${SECRET}&pageToken=p2&q=hello`),
        status: 200,
        headers: {
          'content-type': 'application/json',
          'set-cookie': `session=${SECRET}`,
          'x-ratelimit-remaining': '9',
          link: `<https://api.example.com/v1/items?page=2&api_key=${SECRET}>; rel="next"`,
          server: 'nginx',
        },
        body: JSON.stringify({
          data: [{ user: { email: 'ada@example.com', name: 'Ada' }, password: 'pw', nextPageToken: 'abc', note: `echo ${SECRET}`, count: 3 }],
          client_secret: { nested: 'x' },
        }),
      },
      new URL('https://api.example.com/v1/'),
    );
    expect(exchange).toEqual({
      method: 'GET',
      path: '/items',
      query: { limit: '2', apikey: '[REDACTED]', pageToken: 'p2', q: 'hello' },
      status: 200,
      headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '9', link: '<https://api.example.com/v1/items?page=2&api_key=[REDACTED]>; rel="next"' },
      body: {
        data: [{ user: { email: '[REDACTED]', name: 'Ada' }, password: '[REDACTED]', nextPageToken: 'abc', note: 'echo [REDACTED]', count: 3 }],
        client_secret: '[REDACTED]',
      },
    });
  });

  it('redacts known secrets in a body that is not JSON, and in free text', () => {
    const exchange = redact.exchange({ method: 'GET', url: new URL('https://api.example.com/other'), status: 500, headers: {}, body: `oops ${SECRET}` }, new URL('https://api.example.com/v1'));
    expect(exchange.path).toBe('/other');
    expect(exchange.body).toBe('oops [REDACTED]');
    expect(redact.text(`Bearer ${SECRET}`)).toBe('Bearer [REDACTED]');
  });
});

describe('recordingTransport', () => {
  const request = (headers: Record<string, string>): TransportRequest => ({ url: new URL('https://api.example.com/v1/items?limit=1'), method: 'get', headers, signal: new AbortController().signal, timeoutMs: 1000 });
  const inner = (chunks: string[]): Transport & { closed: boolean } => {
    const t = {
      closed: false,
      send: () => Promise.resolve({ status: 200, headers: { 'content-type': 'application/json' }, body: bytesBody(chunks) }),
      close: () => {
        t.closed = true;
        return Promise.resolve();
      },
    };
    return t;
  };

  it('keeps each exchange, hands core the same bytes, and learns the credential the request carried', async () => {
    const under = inner(['{"data":', '[1,2]}']);
    const transport = recordingTransport(under);
    const response = await transport.send(request({ authorization: `Bearer ${SECRET}`, 'x-acme-key': 'k-123456', accept: 'application/json' }));
    const chunks: Uint8Array[] = [];
    for await (const chunk of response.body) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('{"data":[1,2]}');
    expect(transport.exchanges).toEqual([{ method: 'GET', url: new URL('https://api.example.com/v1/items?limit=1'), status: 200, headers: { 'content-type': 'application/json' }, body: '{"data":[1,2]}' }]);
    expect([...transport.secrets].sort()).toEqual([`Bearer ${SECRET}`, SECRET, 'k-123456'].sort());
    await transport.close();
    expect(under.closed).toBe(true);
  });

  it('refuses a body past the bound instead of recording it', async () => {
    const transport = recordingTransport(inner(['x'.repeat(10), 'y'.repeat(10)]), { maxBodyBytes: 15 });
    await expect(transport.send(request({}))).rejects.toThrow(/exceeds 15 bytes/);
    expect(transport.exchanges).toEqual([]);
  });
});

describe('operation arguments and calls', () => {
  it('gathers --arg pairs into one object, JSON-parsing values that parse', () => {
    expect(operationArgs({ arg: { pageSize: '2', status: 'open', ids: '["a","b"]', zip: '"007"' } })).toEqual([{ pageSize: 2, status: 'open', ids: ['a', 'b'], zip: '007' }]);
    expect(operationArgs({ args: '["item_1", {"expand": true}]' })).toEqual(['item_1', { expand: true }]);
    expect(operationArgs({ args: '{"pageSize": 5}' })).toEqual([{ pageSize: 5 }]);
    expect(operationArgs({})).toEqual([]);
    expect(() => operationArgs({ args: '{nope' })).toThrow(/--args must be JSON/);
  });

  it('refuses names that are not a method path, and methods the client does not have', () => {
    expect(() => checkOperationName('items..list', ['items.list'])).toThrow(/not an operation.*declared: items\.list/);
    expect(() => checkOperationName('items.list', [])).not.toThrow();
    const client = { items: { list: () => 1 }, version: '1' };
    expect(resolveOperation(client, 'items.list', [])()).toBe(1);
    expect(() => resolveOperation(client, 'version', ['items.list'])).toThrow(/no operation "version" \(declared in src\/metadata\.ts: items\.list\)/);
    expect(() => resolveOperation(client, 'orders.list', [])).toThrow(/no operation "orders\.list"/);
  });

  it('reads a paginated result within --max-pages and --limit, and awaits anything else', async () => {
    let read = 0;
    const paginated = {
      async *pages() {
        for (let p = 0; p < 10; p += 1) {
          read += 1;
          yield { items: [p * 3, p * 3 + 1, p * 3 + 2] };
        }
      },
    };
    expect(await runOperation(() => paginated, [], { limit: 100, maxPages: 2 })).toEqual({ kind: 'paginated', records: [0, 1, 2, 3, 4, 5], pages: 2 });
    expect(read).toBe(2);
    expect(await runOperation(() => paginated, [], { limit: 4, maxPages: 10 })).toEqual({ kind: 'paginated', records: [0, 1, 2, 3], pages: 2 });
    expect(await runOperation((id) => Promise.resolve({ id }), ['x'], { limit: 1, maxPages: 1 })).toEqual({ kind: 'value', records: [], value: { id: 'x' }, pages: 0 });
  });

  it('names the generated test after the operation', () => {
    expect(testFile('items.list')).toBe('test/recorded-items-list.test.ts');
    expect(testFile('crmObjects.searchAll')).toBe('test/recorded-crm-objects-search-all.test.ts');
  });
});
