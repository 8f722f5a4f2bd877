import { readFileSync } from 'node:fs';
import { connectorMetadataSchema } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { metadata, USER_AGENT, VERSION } from '../src/index.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

describe('package', () => {
  it('sends the package version in its User-Agent', () => {
    expect(VERSION).toBe(manifest.version);
    expect(USER_AGENT).toBe(`${manifest.name}/${manifest.version}`);
  });

  it('has a valid registry record naming this package', () => {
    expect(connectorMetadataSchema.parse(metadata).packageName).toBe(manifest.name);
  });
});
