import { FrankfurterConnector } from '@cf/connector-frankfurter';
import { handlers } from '@cf/connector-frankfurter/mocks';
import { startMockServer } from '@cf/core/testing';

const server = await startMockServer(handlers); // against the real API: drop this line and `baseUrl`
const fx = new FrankfurterConnector({ baseUrl: `${server.baseUrl}/v1` });

const { date, rates } = await fx.latest({ base: 'USD', symbols: ['EUR', 'GBP'] });
console.log(`1 USD on ${date}:`, rates);
console.log('100 GBP in JPY:', await fx.convert({ amount: 100, from: 'GBP', to: 'JPY', date: '2024-11-22' }));
for await (const day of fx.timeSeries({ start: '2024-11-18', end: '2024-11-22', symbols: 'USD' })) console.log(day.date, day.rates.USD);

await fx.disconnect();
await server.close();
