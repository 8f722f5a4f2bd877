import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('README quickstart (examples/quickstart.ts)', () => {
  it('runs as written against the package mocks', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
    await import('../examples/quickstart.js');
    expect(lines).toEqual([
      'item_001 Anchor',
      'item_002 Beacon',
      'item_003 Compass',
      'item_004 Drift',
      'item_005 Ember',
      'item_006 Fathom',
      'item_007 Gale',
      'item_001 is Anchor, updated 2025-01-01T09:30:00.000Z',
    ]);
  });

  it('is in the README as written, importing the package by its name', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const example = (await readFile(new URL('../examples/quickstart.ts', import.meta.url), 'utf8'))
      .replace("'../src/index.js'", "'{{packageName}}'")
      .replace("'../src/mocks/index.js'", "'{{packageName}}/mocks'");
    expect(readme).toContain(`\`\`\`ts\n${example.trimEnd()}\n\`\`\``);
  });
});
