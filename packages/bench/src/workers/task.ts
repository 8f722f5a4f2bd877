/** What the bench asks a worker process to do, and what the worker reports back. */
export const OVERHEAD_CLIENTS = ['undici', 'fetch', 'core', 'connector', 'sdk'] as const;
export type OverheadClientName = (typeof OVERHEAD_CLIENTS)[number];

export const EXTRACTORS = ['hubspot-undici', 'hubspot-ours', 'hubspot-sdk', 'shopify-ours', 'shopify-sdk'] as const;
export type ExtractorName = (typeof EXTRACTORS)[number];

/** What each call fetches: one contact (`GET …/contacts/{id}`) or a page of 100 (`GET …/contacts?limit=100`). */
export const OVERHEAD_SHAPES = ['record', 'page'] as const;
export type OverheadShape = (typeof OVERHEAD_SHAPES)[number];

export interface OverheadTask {
  kind: 'overhead';
  baseUrl: string;
  clients: OverheadClientName[];
  shapes: OverheadShape[];
  concurrencies: number[];
  /** Each round runs every client once, in a rotated order, so drifting machine load spreads over all of them. */
  rounds: number;
  warmupMs: number;
  durationMs: number;
}

export interface OverheadSample {
  client: OverheadClientName;
  shape: OverheadShape;
  concurrency: number;
  /** Median over rounds. */
  rps: number;
  roundsRps: number[];
  /** Over every request of every round. */
  p50Ms: number;
  p99Ms: number;
  requests: number;
  error?: string;
}

/** The fake server's rate limit, which the clients are configured for (as a user would configure them). */
export interface HubSpotWindow {
  limit: number;
  windowMs: number;
}

export interface ExtractTask {
  kind: 'extract';
  extractor: ExtractorName;
  baseUrl: string;
  /** `quota`: the clients pace themselves as configured for the server's limits; `none`: no client-side limiter. */
  pacing: 'quota' | 'none';
  hubspotWindow: HubSpotWindow;
}

export interface ExtractResult {
  records: number;
  ms: number;
  /** Resident set size when the worker was ready, before loading the client. */
  startRssBytes: number;
  /** Peak resident set size of the worker process (getrusage maxrss). */
  maxRssBytes: number;
}

/** The load part's arms: extract-only to a JSONL file, or `sync()` into a destination. */
export const LOAD_ARMS = ['jsonl', 'duckdb', 'postgres'] as const;
export type LoadArm = (typeof LOAD_ARMS)[number];

export interface LoadTask {
  kind: 'load';
  arm: LoadArm;
  baseUrl: string;
  /** Contacts the server holds: the arm fails unless exactly this many land. */
  records: number;
  /** `jsonl`: the file to write; else the destination as `cf sync --to` takes it: `duckdb:<file>`, `postgres://…?schema=<new schema>`. */
  target: string;
}

export interface LoadResult {
  /** Records the arm wrote (JSONL lines, or the sync summary's `records`). */
  records: number;
  /** Rows found where they landed afterwards (lines in the file, `count(*)` of the table), outside the timing. */
  landed: number;
  /** From the first request to the last byte written or the last commit. */
  ms: number;
  pages: number;
  /** Resident set size when the worker was ready, before loading the connector and the destination's driver. */
  startRssBytes: number;
  /** RSS when half the records were written, and at the end: flat memory keeps these close. */
  halfwayRssBytes: number;
  endRssBytes: number;
  /** Peak resident set size of the worker process (getrusage maxrss). */
  maxRssBytes: number;
}

export type Task = OverheadTask | ExtractTask | LoadTask;
export type TaskResult<T extends Task> = T extends OverheadTask ? OverheadSample[] : T extends LoadTask ? LoadResult : ExtractResult;
export type TaskReply = { ok: true; result: unknown } | { ok: false; error: string };
