import { expect, it } from 'vitest';
import { main } from '../examples/quickstart.js';

it('the README quickstart runs against the mocks', async () => {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  expect(lines).toEqual(['512 bh@hubspot.com', '513 ada@example.com', '514 grace@example.com', 'customers: 1']);
});
