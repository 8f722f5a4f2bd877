/** How each client is configured, printed under the tables so a reader can judge the comparison. */
export const METHOD_NOTES = [
  'Overhead: ours get `concurrency.maxInFlight` = the highest concurrency measured (default 10), as a user running that many calls would set it; undici, fetch and the SDK have no per-origin socket cap. Ours validate every response with zod; the SDK deserialises into its model classes.',
  'HubSpot quota: ours run with their defaults for the plan (the free plan\'s 100 per 10 s; the smoke mode passes its shorter window as `rateLimit`). The SDK runs as its README configures it: `limiterOptions: DEFAULT_LIMITER_OPTIONS` (9 requests/s) and `numberOfApiCallRetries: 3`.',
  'Shopify quota: ours use their defaults (cost-aware pacing that adopts the server\'s `throttleStatus`). The official client neither paginates nor retries THROTTLED (it arrives with HTTP 200), so it runs the loop from Shopify\'s rate-limit docs: on THROTTLED wait (requested − available) / restoreRate, then repeat the page.',
  'Servers count a request against the rolling window when they handle it; refused requests do not count. Floors ignore network time, so 1.00 is the best possible ratio.',
  'Memory: peak RSS is getrusage maxrss of the worker. The HubSpot SDK\'s `getAll` is capped (profile `memory.sdkRecords`): it keeps every record and concatenates its array on every page (quadratic copying), so 1,000,000 records take minutes and gigabytes (a one-off uncapped run on a 2-core EPYC, 2026-11-24: 166 s, 2,358 MB peak).',
];
