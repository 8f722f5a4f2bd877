import { describe, expect, it } from 'vitest';
import { main } from '../examples/quickstart.js';

describe('examples/quickstart.ts', () => {
  it('runs against the mocks and prints products, the created product and recent orders', async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line));
    expect(lines).toEqual([
      'Aera: 19 in stock',
      'Trail Runner Socks: 240 in stock',
      'Summit Down Jacket: 0 in stock',
      expect.stringMatching(/^created gid:\/\/shopify\/Product\/\d+ \(ridge-gloves\)$/),
      '#1002 18.50 USD',
    ]);
  });
});
