/** `cf record`'s bounds when `--limit` / `--max-pages` are not given: a run against a big API stays small. */
export const RECORD_DEFAULTS = { limit: 50, maxPages: 3 } as const;
