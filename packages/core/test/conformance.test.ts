import { http, HttpResponse } from 'msw';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { CoreOptions } from '../src/index.js';
import { describeConformance } from '../src/testing/conformance-entry.js';
import { runConformance } from '../src/testing/index.js';
import { BrokenConnector } from './fixtures/broken-connector.js';
import { forbiddenLimitMetadata, ForbiddenLimitAwareToy, LongBlockAwareToy, longBlockMetadata, RawStreamToy, rawStreamMetadata, ResetAwareToy, resetHeaderMetadata, ResetUnawareToy, RetryingWriteToy } from './fixtures/unsafe-connectors.js';
import { publicOperations } from '../src/testing/declaration-rules.js';
import { StreamingToy, ToyConnector, toyCycleHandlers, toyHandlers, toyMetadata, toyStreams } from './fixtures/toy-connector.js';

const toySubject = {
  name: 'toy',
  handlers: toyHandlers,
  secret: 'toy-secret-token-123',
  create: ({ serverUrl, overrides }: { serverUrl: string; overrides: object }) =>
    new ToyConnector({ token: 'toy-secret-token-123', baseUrl: `${serverUrl}/api`, ...overrides }),
  call: (c: ToyConnector, opts: { signal?: AbortSignal }) => c.getItem('42', opts),
  pagination: { call: (c: ToyConnector) => c.listItems().toArray({ limit: 100 }), cycleHandlers: toyCycleHandlers },
  metadata: toyMetadata,
  operations: [
    { name: 'getItem', invoke: (c: ToyConnector, o: { signal?: AbortSignal }) => c.getItem('42', o) },
    { name: 'listItems', invoke: (c: ToyConnector, o: { signal?: AbortSignal }) => c.listItems(o).toArray({ limit: 100 }) },
    { name: 'createItem', invoke: (c: ToyConnector, o: { signal?: AbortSignal }) => c.createItem({ name: 'n' }, o) },
  ],
};

describeConformance(toySubject);

describe('the conformance suite can fail', () => {
  it('reports the broken connector as failing the rules it breaks', async () => {
    const report = await runConformance({
      name: 'broken',
      handlers: toyHandlers,
      secret: 'toy-secret-token-123',
      create: ({ serverUrl }) => new BrokenConnector({ baseUrl: `${serverUrl}/api`, token: 'toy-secret-token-123' }),
      call: (c, opts) => c.getItem('42', opts),
    });
    const failed = report.results.filter((r) => r.status === 'failed').map((r) => r.id);
    expect(failed).toEqual(
      expect.arrayContaining(['user-agent', 'correlation-id', 'retry-backoff', 'retry-after', 'no-retry-4xx', 'breaker-cycle', 'timeout', 'typed-errors', 'secrets-redacted']),
    );
    expect(report.compliance).toBeLessThan(30);
  }, 60_000);

  it('a connector that leaves its keep-alive socket open after disconnect() fails no-handles-after-disconnect', async () => {
    // Its own pool (so no socket from an earlier test is already counted), never closed.
    const leaky = (serverUrl: string) => {
      const agent = new Agent({ keepAliveTimeout: 30_000 });
      return {
        on: () => () => undefined,
        disconnect: async () => undefined,
        get: async () => (await request(`${serverUrl}/api/items/1`, { dispatcher: agent })).body.json(),
      };
    };
    const report = await runConformance(
      { name: 'leaky', handlers: toyHandlers, create: ({ serverUrl }) => leaky(serverUrl), call: (c) => c.get() },
      { only: ['no-handles-after-disconnect'] },
    );
    expect(report.results).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringMatching(/open connection/) as unknown })]);
  }, 60_000);

  it('reports 100% for the toy connector built on core', async () => {
    const report = await runConformance(toySubject);
    expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(report.compliance).toBe(100);
  }, 60_000);
});

describe('the kit tests the connector, not the template', () => {
  const operations = toySubject.operations;

  it('a connector that declares nothing scores below 100 % and is told what to declare', async () => {
    const { metadata: _m, operations: _o, ...blank } = toySubject;
    const report = await runConformance(blank);
    const failed = Object.fromEntries(report.results.filter((r) => r.status === 'failed').map((r) => [r.id, r.reason]));
    expect(Object.keys(failed).sort()).toEqual(['declares-credential', 'declares-limit-model', 'declares-operations', 'limit-burst']);
    expect(failed['declares-operations']).toMatch(/declare metadata.operations/);
    expect(failed['declares-limit-model']).toMatch(/declare metadata.limitModel/);
    expect(report.compliance).toBeLessThan(100);
  }, 60_000);

  it('a public method missing from metadata.operations fails declares-operations, naming it', async () => {
    const metadata = { ...toyMetadata, operations: toyMetadata.operations?.filter((o) => o.name !== 'createItem') };
    const report = await runConformance({ ...toySubject, metadata, operations: operations.filter((o) => o.name !== 'createItem') }, { only: ['declares-operations'] });
    expect(report.results).toEqual([expect.objectContaining({ id: 'declares-operations', status: 'failed', reason: expect.stringMatching(/not declared in metadata.operations: createItem/) as unknown })]);
  });

  describe('declares-streams', () => {
    const streamsMetadata = { ...toyMetadata, streams: [{ name: 'items', description: 'Every item, page by page', primaryKey: ['id'], syncMode: 'full-refresh' as const, operation: 'listItems' }] };
    const streaming = (keyField?: string) => ({
      ...toySubject,
      metadata: streamsMetadata,
      create: ({ serverUrl, overrides }: { serverUrl: string; overrides: object }) =>
        new StreamingToy({ token: 'toy-secret-token-123', baseUrl: `${serverUrl}/api`, ...overrides }, toyStreams(keyField)),
    });

    it('passes a connector whose streams are declared and whose first page has the key and matches the schema', async () => {
      const report = await runConformance(streaming(), { only: ['declares-streams'] });
      expect(report.results).toEqual([expect.objectContaining({ id: 'declares-streams', status: 'passed' })]);
    });

    it('is not applicable to a connector without streams', async () => {
      const report = await runConformance(toySubject, { only: ['declares-streams'] });
      expect(report.results).toEqual([expect.objectContaining({ id: 'declares-streams', status: 'not-applicable' })]);
    });

    it('fails a stream whose records lack the declared primary key', async () => {
      const metadata = { ...streamsMetadata, streams: [{ ...streamsMetadata.streams[0]!, primaryKey: ['sku'] }] };
      const report = await runConformance({ ...streaming('sku'), metadata }, { only: ['declares-streams'] });
      expect(report.results).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringMatching(/stream items: record 0 has no sku/) as unknown })]);
    });

    it('fails streams() returning streams the metadata does not declare', async () => {
      const report = await runConformance({ ...streaming(), metadata: toyMetadata }, { only: ['declares-streams'] });
      expect(report.results).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringMatching(/does not declare/) as unknown })]);
    });

    it('fails a stream that reads through an undeclared operation', async () => {
      const declared = { ...streamsMetadata.streams[0]!, operation: 'exportItems' };
      const bound = { ...toySubject, metadata: { ...streamsMetadata, streams: [declared] } };
      const subject = {
        ...bound,
        create: ({ serverUrl, overrides }: { serverUrl: string; overrides: object }) =>
          new StreamingToy({ token: 'toy-secret-token-123', baseUrl: `${serverUrl}/api`, ...overrides }, toyStreams('id', 'exportItems')),
      };
      const report = await runConformance(subject, { only: ['declares-streams'] });
      expect(report.results).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringMatching(/exportItems, which metadata.operations does not declare/) as unknown })]);
    });

    it('fails bound streams that differ from metadata.streams', async () => {
      const metadata = { ...streamsMetadata, streams: [{ ...streamsMetadata.streams[0]!, operation: 'exportItems' }] };
      const report = await runConformance({ ...streaming(), metadata }, { only: ['declares-streams'] });
      expect(report.results).toEqual([expect.objectContaining({ status: 'failed', reason: expect.stringMatching(/its operation \("listItems"\) differs from metadata.streams \("exportItems"\)/) as unknown })]);
    });
  });

  it('metadata that does not match the schema fails declares-operations (defineMetadata does not check on import)', async () => {
    const metadata = { ...toyMetadata, name: 'Not A Registry Name', docsUrl: 'not a url' };
    const report = await runConformance({ ...toySubject, metadata }, { only: ['declares-operations'] });
    expect(report.results).toEqual([
      expect.objectContaining({ id: 'declares-operations', status: 'failed', reason: expect.stringMatching(/connectorMetadataSchema: name: .*docsUrl: /) as unknown }),
    ]);
  });

  it('a connector that resends a POST after a reset fails op-write-safety for that operation', async () => {
    const report = await runConformance(
      { ...toySubject, create: ({ serverUrl, overrides }) => new RetryingWriteToy({ token: 'toy-secret-token-123', baseUrl: `${serverUrl}/api`, ...overrides }) },
      { only: ['op-write-safety'] },
    );
    const cell = report.results.find((r) => r.operation === 'createItem');
    expect(cell).toMatchObject({ status: 'failed', reason: expect.stringMatching(/sent [23] times|writeOutcome|retryable/) as unknown });
  }, 60_000);

  it('a connector that lets a raw socket error out of a stream fails op-typed-errors for that operation', async () => {
    const subject = {
      ...toySubject,
      handlers: [...toyHandlers, http.get('*/api/items/export', () => HttpResponse.text('x'.repeat(1000)))],
      metadata: rawStreamMetadata,
      create: ({ serverUrl, overrides }: { serverUrl: string; overrides: object }) => new RawStreamToy(`${serverUrl}/api`, overrides),
      operations: [...operations, { name: 'downloadItems', invoke: (c: RawStreamToy) => c.downloadItems() }],
    };
    const report = await runConformance(subject as unknown as typeof toySubject, { only: ['op-typed-errors'] });
    const cell = report.results.find((r) => r.operation === 'downloadItems');
    expect(cell).toMatchObject({ status: 'failed', reason: expect.stringMatching(/raw error escaped/) as unknown });
  }, 30_000);

  it('a connector that ignores a declared 403 rate limit fails op-rate-limits; one that declares it to core passes', async () => {
    const ignoring = await runConformance({ ...toySubject, metadata: forbiddenLimitMetadata }, { only: ['op-rate-limits', 'limit-burst'] });
    expect(ignoring.results.filter((r) => r.status === 'failed').map((r) => `${r.id}:${r.operation ?? ''}`).sort()).toEqual(
      ['op-rate-limits:createItem', 'op-rate-limits:getItem', 'op-rate-limits:listItems'],
    );
    const aware = await runConformance(
      {
        ...toySubject,
        metadata: forbiddenLimitMetadata,
        create: ({ serverUrl, overrides }) => new ForbiddenLimitAwareToy({ token: 'toy-secret-token-123', baseUrl: `${serverUrl}/api`, ...overrides }),
      },
      { only: ['op-rate-limits', 'limit-burst'] },
    );
    expect(aware.results.filter((r) => r.status === 'failed')).toEqual([]);
  }, 60_000);

  it("a declared reset header must be read: a retry before the reset it names fails op-rate-limits", async () => {
    const make = (Toy: typeof ForbiddenLimitAwareToy) => ({
      ...toySubject,
      metadata: resetHeaderMetadata,
      create: ({ serverUrl, overrides }: { serverUrl: string; overrides: CoreOptions }) => new Toy({ token: 'toy-secret-token-123', baseUrl: `${serverUrl}/api`, ...overrides }),
    });
    const unaware = await runConformance(make(ResetUnawareToy), { only: ['op-rate-limits'] });
    expect(unaware.results.filter((r) => r.status === 'failed')).toHaveLength(3);
    expect(unaware.results[0]?.reason).toMatch(/retried \d+ ms before the reset its x-ratelimit-reset header named \(read it with retryAfterHeaders\)/);
    const aware = await runConformance(make(ResetAwareToy), { only: ['op-rate-limits', 'limit-burst'] });
    expect(aware.results.filter((r) => r.status === 'failed')).toEqual([]);
  }, 60_000);

  it('a declared long block (waitMs past maxRetryAfterMs) must fail at once, not retryable, with the wait', async () => {
    const naive = await runConformance({ ...toySubject, metadata: longBlockMetadata }, { only: ['op-rate-limits'] });
    expect(naive.results.filter((r) => r.status === 'failed')).toHaveLength(3);
    expect(naive.results[0]?.reason).toMatch(/expected a typed error at once, got a result/);
    const aware = await runConformance(
      { ...toySubject, metadata: longBlockMetadata, create: ({ serverUrl, overrides }) => new LongBlockAwareToy({ token: 'toy-secret-token-123', baseUrl: `${serverUrl}/api`, ...overrides }) },
      { only: ['op-rate-limits'] },
    );
    expect(aware.results.filter((r) => r.status === 'failed')).toEqual([]);
  }, 60_000);

  it("the walk finds callable resources and their methods, and leaves out injected dependencies", () => {
    const oneCall = Object.assign(() => undefined, { at: () => undefined });
    class Weather {
      constructor(readonly http: () => unknown) {}
      current(): void {}
    }
    class Batch {
      read(): void {}
    }
    class Contacts {
      readonly batch = new Batch();
      constructor(readonly http: () => unknown) {}
      get(): void {}
    }
    const connector = { oneCall, weather: new Weather(() => undefined), plain: { list: () => undefined }, contacts: new Contacts(() => undefined) };
    expect(publicOperations(connector)).toEqual(['contacts.batch.read', 'contacts.get', 'oneCall', 'oneCall.at', 'plain.list', 'weather.current']);
  });
});
