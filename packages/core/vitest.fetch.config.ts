import { defineProject } from 'vitest/config';

/**
 * The client's behaviour tests again, with `FetchTransport` as the default transport (what Deno, Bun, browsers
 * and workers get): timeouts, streams, redirects, secrets, bodies and rate-limit answers must not depend on undici.
 */
export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: {
    name: 'core-fetch',
    include: [
      'src/client/*.test.ts',
      'src/auth/oauth2-auth.test.ts',
      'src/http/fetch-transport.test.ts',
    ],
    setupFiles: ['test/setup/fetch-transport.ts'],
  },
});
