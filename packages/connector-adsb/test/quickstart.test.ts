import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('README quickstart (examples/quickstart.ts)', () => {
  it('runs as written against the package mocks', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    await import('../examples/quickstart.js');
    expect(lines).toEqual([
      '3 aircraft near Heathrow at 2024-11-22T21:52:25.678Z',
      'BAW14 on the ground 0.446 nm',
      '~2a1b3c 1500 ft 0.709 nm',
      'RYR4TX 12975 ft 11.814 nm',
      'emergencies: DLH4AB squawking 7600, UAL123 squawking 7700',
    ]);
  });

  it('is in the README exactly as in examples/quickstart.ts', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const example = await readFile(new URL('../examples/quickstart.ts', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${example.trimEnd()}\n\`\`\``);
  });

  it("has the README's mocks example verbatim in test/readme-mocks-example.test.ts", async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const example = await readFile(new URL('./readme-mocks-example.test.ts', import.meta.url), 'utf8');
    expect(readme).toContain(example.slice(example.indexOf('\n') + 1));
  });
});
