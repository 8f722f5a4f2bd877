import { FrankfurterConnector } from '@cf/connector-frankfurter';
import { handlers } from '@cf/connector-frankfurter/mocks';
import type { Tour } from './tour.js';

export const frankfurterTour: Tour<FrankfurterConnector> = {
  name: 'Frankfurter: exchange rates',
  live: (env) => (env.CF_DEMO_LIVE === '1' ? new FrankfurterConnector() : undefined),
  sandbox: (url) => new FrankfurterConnector({ baseUrl: `${url}/v1` }),
  handlers,
  async run(fx, log) {
    const { date, rates } = await fx.latest({ base: 'USD', symbols: ['EUR', 'GBP', 'JPY'] });
    log(`1 USD on ${date}: ${Object.entries(rates).map(([c, r]) => `${r} ${c}`).join(', ')}`);
    log(`100 GBP in JPY on 2024-11-22: ${await fx.convert({ amount: 100, from: 'GBP', to: 'JPY', date: '2024-11-22' })}`);
    const saturday = await fx.historical('2024-11-23', { symbols: ['USD'] });
    log(`asked for Saturday 2024-11-23, got the previous business day ${saturday.date}: ${saturday.rates.USD} USD`);
    const days: string[] = [];
    for await (const day of fx.timeSeries({ start: '2024-11-18', end: '2024-11-22', symbols: 'USD' })) days.push(`${day.date} ${day.rates.USD}`);
    log(`EUR→USD that week: ${days.join(' | ')}`);
  },
};
