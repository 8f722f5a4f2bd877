import type { HttpClientOptions } from '@cf/core';
import { runConformance } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';
import { GitHubConnector, metadata } from '../src/index.js';
import { conformanceSubject, CONFORMANCE_TOKEN } from '../src/mocks/index.js';

/** The connector as it would be without declaring GitHub's 403 rate limit to core: the 403 is a permission error. */
class ForbiddenIsAnError extends GitHubConnector {
  protected override httpOptions(config: Parameters<GitHubConnector['httpOptions']>[0]): HttpClientOptions {
    const { isRateLimited: _declared, ...options } = super.httpOptions(config);
    return options;
  }
}

describe('the conformance kit catches a connector that treats the 403 rate limit as an error', () => {
  it('fails op-rate-limits for every operation of the variant, and passes them for the connector', async () => {
    const variant = await runConformance(
      { ...conformanceSubject, create: ({ serverUrl, overrides }) => new ForbiddenIsAnError({ token: CONFORMANCE_TOKEN, baseUrl: serverUrl, ...overrides }) },
      { only: ['op-rate-limits'] },
    );
    const failed = variant.results.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.operation).sort()).toEqual((metadata.operations ?? []).map((o) => o.name).sort());
    expect(failed[0]?.reason).toMatch(/rate-limit answer|AUTH_FAILED/);
    expect(variant.compliance).toBe(0);

    const connector = await runConformance(conformanceSubject, { only: ['op-rate-limits'] });
    expect(connector.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(connector.compliance).toBe(100);
  }, 60_000);
});

/** The connector as it would be without reading `x-ratelimit-reset`: it retries after core's backoff, before the reset. */
class ResetIgnored extends GitHubConnector {
  protected override httpOptions(config: Parameters<GitHubConnector['httpOptions']>[0]): HttpClientOptions {
    const { retryAfterHeaders: _read, ...options } = super.httpOptions(config);
    return options;
  }
}

describe('the conformance kit catches a connector that retries before the reset GitHub names', () => {
  it('fails op-rate-limits for every operation of the variant, and passes them for the connector', async () => {
    expect(metadata.limitModel?.rateLimitedAnswer.resetHeader).toEqual({ name: 'x-ratelimit-reset', unit: 'epoch-seconds' });
    const variant = await runConformance(
      { ...conformanceSubject, create: ({ serverUrl, overrides }) => new ResetIgnored({ token: CONFORMANCE_TOKEN, baseUrl: serverUrl, ...overrides }) },
      { only: ['op-rate-limits'] },
    );
    const failed = variant.results.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.operation).sort()).toEqual((metadata.operations ?? []).map((o) => o.name).sort());
    expect(failed[0]?.reason).toMatch(/before the reset its x-ratelimit-reset header named/);
  }, 60_000);
});
