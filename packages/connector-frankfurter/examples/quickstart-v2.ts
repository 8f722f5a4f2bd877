import { FrankfurterV2Connector } from '@cf/connector-frankfurter';
import { handlers } from '@cf/connector-frankfurter/mocks';
import { startMockServer } from '@cf/core/testing';

const server = await startMockServer(handlers); // against the real API: drop this line and `baseUrl`
const fx = new FrankfurterV2Connector({ baseUrl: `${server.baseUrl}/v2` });

for (const { date, base, quote, rate } of await fx.rates({ base: 'USD', quotes: ['EUR', 'TWD'] })) console.log(date, `${base}/${quote}`, rate);
console.log('GBP/JPY on 2024-11-22:', (await fx.rate('GBP', 'JPY', { date: '2024-11-22' })).rate);
for await (const month of fx.timeSeries({ from: '2024-07-01', to: '2024-09-30', quotes: 'USD', group: 'month' })) console.log(month.date, month.rate);
console.log('providers:', (await fx.providers()).map((p) => p.key).join(', '));

await fx.disconnect();
await server.close();
