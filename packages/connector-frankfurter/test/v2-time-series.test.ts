import { FakeClock, isConnectorError } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { fixtures, v2Fixtures } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

const sent = () => api.server.requests.map((r) => Object.fromEntries(r.query));

describe('v2 timeSeries()', () => {
  it('sends GET /v2/rates with from, to and the filters, and yields typed rows dated in [from, to]', async () => {
    const rows = await api.makeV2().timeSeries({ from: '2024-01-01', to: '2024-01-05', quotes: ['usd'], providers: 'ecb' }).toArray({ limit: 100 });
    const request = api.only();
    expect(request.path).toBe('/v2/rates');
    expect(Object.fromEntries(request.query)).toEqual({ from: '2024-01-01', to: '2024-01-05', quotes: 'USD', providers: 'ECB' });
    // 1 January has no rates: the API starts with the rates in force (29 December), which lie before `from`.
    expect(v2Fixtures.rates('from=2024-01-01&to=2024-01-05&quotes=USD&providers=ECB')[0]?.date).toBe('2023-12-29');
    expect(rows.map((r) => r.date)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
    // One provider named, base its pivot: the ECB's own published digits.
    expect(rows[0]).toEqual({ date: '2024-01-02', base: 'EUR', quote: 'USD', rate: fixtures.eurRatesOn('2024-01-02').USD });
  });

  it('splits a long range into one request per calendar year, with a checkpoint per page', async () => {
    const pages = [];
    for await (const page of api.makeV2().timeSeries({ from: '2022-12-28', to: '2024-01-03', quotes: 'GBP' }).pages()) pages.push(page);
    expect(sent()).toEqual([
      { from: '2022-12-28', to: '2022-12-31', quotes: 'GBP' },
      { from: '2023-01-01', to: '2023-12-31', quotes: 'GBP' },
      { from: '2024-01-01', to: '2024-01-03', quotes: 'GBP' },
    ]);
    expect(pages.map((p) => p.checkpoint)).toEqual(['2023-01-01', '2024-01-01', null]);
    // Each year starts on a holiday: the API's carried-over rows from the year before are not repeated.
    expect(pages[1]?.items[0]?.date).toBe('2023-01-02');
    expect(pages[2]?.items.map((r) => r.date)).toEqual(['2024-01-02', '2024-01-03']);
    const dates = pages.flatMap((p) => p.items.map((r) => r.date));
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('resumes exactly after a page when its checkpoint is passed as from', async () => {
    const fx = api.makeV2();
    const all = await fx.timeSeries({ from: '2022-12-28', to: '2024-01-03', quotes: 'GBP' }).toArray({ limit: 1000 });
    const pages = fx.timeSeries({ from: '2022-12-28', to: '2024-01-03', quotes: 'GBP' }).pages();
    const first = (await pages.next()).value;
    await pages.return(undefined);
    const rest = await fx.timeSeries({ from: String(first?.checkpoint), to: '2024-01-03', quotes: 'GBP' }).toArray({ limit: 1000 });
    expect([...(first?.items ?? []), ...rest]).toEqual(all);
  });

  it('keeps ranges that name providers under the API 5-year cap for them, which the mock enforces', async () => {
    // Six quotes: the cap's exemption needs five or fewer.
    const query = { from: '2019-01-01', to: '2024-11-22', providers: 'ECB', quotes: 'USD,GBP,JPY,CHF,AUD,CAD' };
    await expect(api.makeV2().client.request({ path: '/rates', query })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      body: { status: 422, message: expect.stringContaining('date range exceeds 5 years at daily granularity') },
    });
    api.server.resetHandlers();
    const rows = await api.makeV2().timeSeries(query).toArray({ limit: 100_000 });
    expect(sent().map((q) => [q.from, q.to])).toEqual([
      ['2019-01-01', '2019-12-31'],
      ['2020-01-01', '2020-12-31'],
      ['2021-01-01', '2021-12-31'],
      ['2022-01-01', '2022-12-31'],
      ['2023-01-01', '2023-12-31'],
      ['2024-01-01', '2024-11-22'],
    ]);
    expect(rows.at(-1)).toEqual({ date: '2024-11-22', base: 'EUR', quote: 'USD', rate: fixtures.eurRatesOn('2024-11-22').USD });
  });

  it('groups by month or week: one row per bucket and quote, dated by the bucket, within [from, to]', async () => {
    const fx = api.makeV2();
    const months = await fx.timeSeries({ from: '2024-01-01', to: '2024-03-31', group: 'month', quotes: 'USD' }).toArray({ limit: 10 });
    expect(sent()[0]).toEqual({ from: '2024-01-01', to: '2024-03-31', quotes: 'USD', group: 'month' });
    expect(months).toEqual(v2Fixtures.rates('from=2024-01-01&to=2024-03-31&group=month&quotes=USD'));
    expect(months.map((r) => r.date)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
    // The API dates a week 1 January + 7 × its %W week: the bucket before 2024-01-01 is dated 2023-12-31 and dropped.
    const weeks = await fx.timeSeries({ from: '2024-01-01', to: '2024-01-31', group: 'week', quotes: 'USD' }).toArray({ limit: 10 });
    expect(weeks.map((r) => r.date)).toEqual(['2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29']);
  });

  it('runs open-ended to the latest rates when to is omitted (the last request has no to)', async () => {
    const clock = new FakeClock(Date.parse('2024-11-25T09:00:00Z'));
    const rows = await api.makeV2({ clock }).timeSeries({ from: '2023-12-28', quotes: ['USD'] }).toArray({ limit: 1000 });
    expect(sent()).toEqual([
      { from: '2023-12-28', to: '2023-12-31', quotes: 'USD' },
      { from: '2024-01-01', quotes: 'USD' },
    ]);
    expect(rows.at(-1)?.date).toBe(v2Fixtures.latestDate);
  });

  it('stops fetching once toArray has its limit', async () => {
    const rows = await api.makeV2().timeSeries({ from: '2020-01-01', to: '2024-11-22', quotes: 'USD' }).toArray({ limit: 3 });
    expect(rows).toHaveLength(3);
    expect(api.server.requests).toHaveLength(1);
  });

  it.each([
    [{ from: '2024-01-05', to: '2024-01-01' }, 'to: must not be before from'],
    [{ from: '2026-01-03' }, 'from: must not be after 2026-01-02'],
    [{ from: '2024-01-01', group: 'day' }, 'group:'],
    [{ from: '2024-01-01', date: '2024-01-01' }, 'Unrecognized key: "date"'],
    [{ to: '2024-01-01' }, 'from:'],
    [{ from: 'january' }, 'from: must be a real calendar date written YYYY-MM-DD'],
  ])('rejects %j before the network', (query, message) => {
    let error: unknown;
    try {
      api.makeV2().timeSeries(query as never);
    } catch (e) {
      error = e;
    }
    expect(isConnectorError(error) && error.code === 'VALIDATION_ERROR' && error.message).toContain(message);
    expect(api.server.requests).toHaveLength(0);
  });

  it('reports only the rule each bad date breaks', () => {
    let error: unknown;
    try {
      api.makeV2().timeSeries({ from: 'start', to: '2099-01-01' });
    } catch (e) {
      error = e;
    }
    expect((error as { issues: unknown }).issues).toEqual([
      { path: 'from', message: 'must be a real calendar date written YYYY-MM-DD' },
      { path: 'to', message: 'must not be after 2026-01-02 (tomorrow UTC: the API serves rates dated at most one day ahead)' },
    ]);
  });
});
