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
      '1 USD on 2024-11-22: {"EUR":0.96043,"GBP":0.80162}',
      '100 GBP in JPY: 19324',
      '2024-11-18 1.0384',
      '2024-11-19 1.0391',
      '2024-11-20 1.0398',
      '2024-11-21 1.0405',
      '2024-11-22 1.0412',
    ]);
  });
});

describe('README v2 quickstart (examples/quickstart-v2.ts)', () => {
  it('runs as written against the package mocks', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
    await import('../examples/quickstart-v2.js');
    expect(lines).toEqual([
      '2024-11-22 USD/EUR 0.96019',
      '2024-11-22 USD/TWD 32.562',
      'GBP/JPY on 2024-11-22: 193.24',
      '2024-07-01 1.0334',
      '2024-08-01 1.0163',
      '2024-09-01 1.0108',
      'providers: BOC, ECB',
    ]);
  });
});

describe('README', () => {
  it('shows the quickstart exactly as examples/quickstart.ts has it', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const example = await readFile(new URL('../examples/quickstart.ts', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${example.trimEnd()}\n\`\`\``);
  });

  it('shows the v2 quickstart exactly as examples/quickstart-v2.ts has it', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const example = await readFile(new URL('../examples/quickstart-v2.ts', import.meta.url), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${example.trimEnd()}\n\`\`\``);
  });
});

describe('README mocks example', () => {
  it('is test/readme-mocks-example.test.ts verbatim', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const example = await readFile(new URL('./readme-mocks-example.test.ts', import.meta.url), 'utf8');
    expect(readme).toContain(example.slice(example.indexOf('\n') + 1));
  });
});
