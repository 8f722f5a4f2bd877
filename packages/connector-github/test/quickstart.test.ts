import { expect, it } from 'vitest';
import { main } from '../examples/quickstart.js';

it('the README quickstart runs against the mocks', async () => {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  expect(lines[0]).toBe('octo-org/hello-world: 40 open');
  expect(lines.slice(1, -1).every((l) => /^#\d+ /.test(l))).toBe(true);
  expect(lines.at(-1)).toMatch(/^changed since Jan 3: \d+$/);
});
