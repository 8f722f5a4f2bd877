import { describe, expect, it } from 'vitest';
import { isBrowserRuntime, isNodeRuntime } from './default-transport.js';

describe('§14 the default transport follows the runtime', () => {
  it('Node itself gets undici; Bun, Deno, workers and browsers get fetch', () => {
    expect(isNodeRuntime({ process: { versions: { node: '20.19.0' } } })).toBe(true);
    expect(isNodeRuntime({ process: { versions: { node: '24.0.0', bun: '1.2.0' } }, Bun: {} })).toBe(false);
    expect(isNodeRuntime({ process: { versions: { node: '20.11.1' } }, Deno: {} })).toBe(false);
    expect(isNodeRuntime({ process: { versions: { node: '22.0.0' } }, navigator: { userAgent: 'Cloudflare-Workers' } })).toBe(false);
    expect(isNodeRuntime({ navigator: { userAgent: 'Mozilla/5.0' } })).toBe(false);
    expect(isNodeRuntime()).toBe(true);
  });

  it('browsers are pages and their workers, not Node, Deno, Bun or edge workers', () => {
    expect(isBrowserRuntime({ document: {}, navigator: { userAgent: 'Mozilla/5.0' } })).toBe(true);
    expect(isBrowserRuntime({ WorkerGlobalScope: function WorkerGlobalScope() {}, importScripts: () => undefined })).toBe(true);
    expect(isBrowserRuntime({ WorkerGlobalScope: function WorkerGlobalScope() {}, navigator: { userAgent: 'Cloudflare-Workers' } })).toBe(false);
    expect(isBrowserRuntime({ Deno: {}, navigator: { userAgent: 'Deno/2.0' } })).toBe(false);
    expect(isBrowserRuntime({ document: null })).toBe(false);
    expect(isBrowserRuntime()).toBe(false);
  });
});
