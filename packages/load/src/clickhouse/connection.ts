import { toLoadError } from './classify-error.js';
import type { ClickHouseApi, ClickHouseClient } from './driver.js';
import type { ResolvedClickHouseOptions } from './options.js';

/** A large batch can take a while to insert; the driver's default (30 s) would abort it and fail the commit. */
const REQUEST_TIMEOUT_MS = 300_000;

/**
 * The HTTP client and the few calls the destination makes, every failure turned into a typed error without secrets.
 *
 * What 18.16 (the server Debian ships) lacks, and how this copes: no query parameters (`{x:String}` is refused as an
 * unknown setting `param_x`), so values are inlined as escaped literals (`literal()`); the driver's error parser does
 * not recognize 18.16's message format, so `parseServerError` reads both; `ping()` does not check credentials, so
 * `open()` runs a real query. The driver sends no settings by default, and this module sends none (18.16 refuses
 * settings it does not know).
 */
export class Connection {
  private readonly secrets: string[];

  private constructor(
    private readonly client: ClickHouseClient,
    private readonly label: string,
    password: string,
  ) {
    this.secrets = [password];
  }

  static create(api: ClickHouseApi, options: ResolvedClickHouseOptions): Connection {
    const client = api.createClient({
      url: options.origin,
      username: options.username,
      password: options.password,
      application: 'cf-load',
      request_timeout: REQUEST_TIMEOUT_MS,
      // The driver logs failed requests to the console; errors reach the caller as typed errors instead.
      log: { level: api.ClickHouseLogLevel.OFF },
    });
    return new Connection(client, options.label, options.password);
  }

  /** Rows of a SELECT (JSONEachRow). */
  async rows<T = Record<string, unknown>>(sql: string, doing: string, timeoutMs?: number): Promise<T[]> {
    try {
      const result = await this.client.query({ query: sql, format: 'JSONEachRow', ...(timeoutMs === undefined ? {} : { abort_signal: AbortSignal.timeout(timeoutMs) }) });
      return await result.json<T>();
    } catch (error) {
      throw toLoadError(error, this.label, doing, this.secrets);
    }
  }

  /** A statement without rows (DDL). */
  async run(sql: string, doing: string): Promise<void> {
    try {
      await this.client.command({ query: sql });
    } catch (error) {
      throw toLoadError(error, this.label, doing, this.secrets);
    }
  }

  /**
   * One INSERT … FORMAT JSONEachRow of all `values` (one HTTP request; the server writes up to max_insert_block_size
   * rows, 1,048,576 by default, as one part, atomically). `table` and `columns` are already quoted.
   */
  async insert(table: string, columns: readonly string[], values: ReadonlyArray<Record<string, unknown>>, doing: string): Promise<void> {
    if (values.length === 0) return;
    try {
      await this.client.insert({ table, columns: [...columns] as [string, ...string[]], values: values, format: 'JSONEachRow' });
    } catch (error) {
      throw toLoadError(error, this.label, doing, this.secrets);
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
