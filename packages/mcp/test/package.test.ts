import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/index.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; bin: Record<string, string> };

describe('package', () => {
  it('reports its package version to MCP clients', () => {
    expect(VERSION).toBe(manifest.version);
  });

  it('ships a `cf-mcp` binary with a shebang', () => {
    expect(manifest.bin['cf-mcp']).toBe('./dist/bin.js');
    expect(readFileSync(new URL('../src/bin.ts', import.meta.url), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});
