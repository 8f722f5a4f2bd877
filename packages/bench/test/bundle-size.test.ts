import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { browserBundleSize } from '../src/parts/bundle-size.js';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

describe('browserBundleSize', () => {
  it("bundles a connector from source for a browser: core's fetch side only, no undici, gzip smaller than minified", async () => {
    const size = await browserBundleSize("export { HubSpotConnector } from '@cf/connector-hubspot';", { resolveDir: BENCH_DIR, source: true });
    expect(size.inputs.some((i) => i.endsWith('core/src/http/no-node-transport.ts'))).toBe(true);
    expect(size.inputs.filter((i) => /node-transport\.ts$/.test(i) && !/no-node-transport/.test(i))).toEqual([]);
    expect(size.inputs.filter((i) => /node_modules\/undici\//.test(i) || i.startsWith('node:'))).toEqual([]);
    expect(size.minifiedBytes).toBeGreaterThan(10_000);
    expect(size.gzipBytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThan(size.minifiedBytes);
    expect(size.largest[0]?.bytes).toBeGreaterThan(0);
  });
});
