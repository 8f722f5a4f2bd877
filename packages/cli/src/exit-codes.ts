/** What `cf` exits with, so scripts can tell a typo from a revoked token from an API outage. */
export const EXIT = {
  ok: 0,
  /** Anything else that went wrong: a conformance check below 100 %, a refused overwrite. */
  failure: 1,
  /** Bad arguments, an unknown connector or resource, invalid input or configuration. */
  usage: 2,
  /** Missing or rejected credentials (AUTH_FAILED). */
  auth: 3,
  /** The API failed: any other connector error (rate limit, server error, timeout, network...). */
  api: 4,
  /** Stopped by Ctrl-C (128 + SIGINT), with the state saved. */
  interrupted: 130,
} as const;

/** One of the codes in `EXIT`. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
