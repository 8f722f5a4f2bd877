import { coreOptionsSchema, type CoreOptions } from '@cf/core';
import * as z from '@cf/core/zod';

/** The API's host and path prefix; `baseUrl` replaces it (a proxy, a regional host, the mocks in tests). */
export const DEFAULT_BASE_URL = '{{baseUrl}}';

/** The options the constructor validates (lazy: built on the first `new`, not on import). */
export const configSchema = z.lazySchema(() =>
  z.extend(coreOptionsSchema, {
    /** The API token, from `{{envPrefix}}_TOKEN` in the README's examples. */
    token: z.string().check(z.minLength(1, 'must not be empty'), z.regex(/^\S+$/, 'must be the token alone, without "Bearer " or spaces')),
  }),
);
export type {{pascalName}}ConfigParsed = z.output<typeof configSchema>;

/** `token` plus core's options (`baseUrl`, `timeoutMs`, `retry`, `rateLimit`, `logger`, ...). */
export type {{pascalName}}Config = { token: string } & CoreOptions;
