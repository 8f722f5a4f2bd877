import { describe, expect, it } from 'vitest';
import { quickstart } from '../examples/quickstart.js';

describe('examples/quickstart.ts (the README quickstart)', () => {
  it('runs offline against the package mocks and prints metric weather, a forecast and air quality', async () => {
    const lines: string[] = [];
    await quickstart((line) => lines.push(line));
    expect(lines).toEqual([
      'London: 15.97 °C (metric), broken clouds',
      '2022-08-30 15:00:00: 18.85 °C',
      '2022-08-30 18:00:00: 21.58 °C',
      '2022-08-30 21:00:00: 22.65 °C',
      'Air quality index: 2 (1 good … 5 very poor)',
    ]);
  });
});
