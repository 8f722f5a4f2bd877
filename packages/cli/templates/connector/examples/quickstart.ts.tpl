import { startMockServer } from '@cf/core/testing';
import { {{className}} } from '../src/index.js';
import { handlers } from '../src/mocks/index.js';

const server = await startMockServer(handlers); // against the real API: drop this line and `baseUrl`
const client = new {{className}}({ token: process.env.{{envPrefix}}_TOKEN ?? 'demo-token', baseUrl: `${server.baseUrl}/v1` });

for await (const item of client.items.list({ pageSize: 3 })) console.log(item.id, item.name);
const { name, updatedAt } = await client.items.get('item_001');
console.log(`item_001 is ${name}, updated ${updatedAt}`);

await client.disconnect();
await server.close();
