import type { Logger } from '@cf/core';

const noop = (): void => undefined;

/**
 * The default logger of this package: warnings and errors to the console, nothing else. Falling back from the
 * shared quota to an in-process one over-spends the quota, so it must not pass silently when no logger was given.
 */
export const consoleWarnings: Logger = {
  debug: noop,
  info: noop,
  warn: (obj, msg) => console.warn(`[@cf/store-redis] ${msg ?? ''}`, obj),
  error: (obj, msg) => console.error(`[@cf/store-redis] ${msg ?? ''}`, obj),
};
