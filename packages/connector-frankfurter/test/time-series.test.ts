import { FakeClock, isConnectorError } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

describe('timeSeries()', () => {
  it('sends GET /v1/{start}..{end} and yields one typed row per business day', async () => {
    const rows = await api.make().timeSeries({ start: '2024-01-01', end: '2024-01-05', symbols: ['USD'] }).toArray({ limit: 100 });
    const request = api.only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/v1/2024-01-01..2024-01-05');
    expect(Object.fromEntries(request.query)).toEqual({ symbols: 'USD' });
    // 1 January is a holiday: the API's range starts on 29 December, which is outside [start, end].
    expect(rows.map((r) => r.date)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
    expect(rows[0]).toEqual({ amount: 1, base: 'EUR', date: '2024-01-02', rates: { USD: fixtures.eurRatesOn('2024-01-02').USD } });
  });

  it('passes base and amount through', async () => {
    const rows = await api.make().timeSeries({ start: '2024-11-18', end: '2024-11-22', base: 'USD', symbols: 'EUR', amount: 5 }).toArray({ limit: 10 });
    expect(Object.fromEntries(api.only().query)).toEqual({ base: 'USD', symbols: 'EUR', amount: '5' });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.base === 'USD' && r.amount === 5)).toBe(true);
  });

  it('fetches one calendar year per page, with a checkpoint to resume from', async () => {
    const pages = [];
    for await (const page of api.make().timeSeries({ start: '2022-12-28', end: '2024-01-03', symbols: ['GBP'] }).pages()) pages.push(page);
    expect(api.server.requests.map((r) => r.path)).toEqual(['/v1/2022-12-28..2022-12-31', '/v1/2023-01-01..2023-12-31', '/v1/2024-01-01..2024-01-03']);
    expect(pages.map((p) => p.checkpoint)).toEqual(['2023-01-01', '2024-01-01', null]);
    expect(pages[1]?.items[0]?.date).toBe('2023-01-02');
    expect(pages[2]?.items.map((r) => r.date)).toEqual(['2024-01-02', '2024-01-03']);
  });

  it('resumes from a checkpoint passed as start', async () => {
    const rows = await api.make().timeSeries({ start: '2024-01-01', end: '2024-01-03' }).toArray({ limit: 10 });
    expect(rows.map((r) => r.date)).toEqual(['2024-01-02', '2024-01-03']);
  });

  it('runs open-ended to the latest business day when end is omitted', async () => {
    const clock = new FakeClock(Date.parse('2024-11-25T09:00:00Z'));
    const rows = await api.make({ clock }).timeSeries({ start: '2023-12-28' }).toArray({ limit: 1000 });
    expect(api.server.requests.map((r) => r.path)).toEqual(['/v1/2023-12-28..2023-12-31', '/v1/2024-01-01..']);
    expect(rows.at(-1)?.date).toBe(fixtures.latestDate);
  });

  it('stops fetching once toArray has its limit', async () => {
    const rows = await api.make().timeSeries({ start: '2020-01-01', end: '2024-12-31' }).toArray({ limit: 3 });
    expect(rows).toHaveLength(3);
    expect(api.server.requests).toHaveLength(1);
  });

  it.each([
    [{ start: '2024-01-05', end: '2024-01-01' }, 'end: must not be before start'],
    [{ start: '1998-06-01', end: '1999-02-01' }, 'start: must be on or after 1999-01-04'],
    [{ start: '2025-01-01', end: '2026-06-01' }, 'end: must not be in the future'],
    [{ start: '2024-01-01', symbols: ['US'] }, 'symbols[0]: must be a three-letter'],
    [{ end: '2024-01-01' }, 'start:'],
  ])('rejects %j before the network', (query, message) => {
    let error: unknown;
    try {
      api.make().timeSeries(query as never);
    } catch (e) {
      error = e;
    }
    expect(isConnectorError(error) && error.code === 'VALIDATION_ERROR' && error.message).toContain(message);
    expect(api.server.requests).toHaveLength(0);
  });

  it('reports only the rule each bad date breaks', () => {
    let error: unknown;
    try {
      api.make().timeSeries({ start: 'first', end: '2099-01-01' });
    } catch (e) {
      error = e;
    }
    expect(isConnectorError(error) && error.code).toBe('VALIDATION_ERROR');
    expect((error as { issues: unknown }).issues).toEqual([
      { path: 'start', message: 'must be a real calendar date written YYYY-MM-DD' },
      { path: 'end', message: 'must not be in the future (today is 2026-01-01 UTC)' },
    ]);
    expect(api.server.requests).toHaveLength(0);
  });
});
