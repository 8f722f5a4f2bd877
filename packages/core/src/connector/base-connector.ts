import type { z } from 'zod';
import { HttpClient } from '../client/http-client.js';
import type { HttpClientOptions } from '../client/options.js';
import type { ConnectorEvents, EventName } from '../hooks/events.js';
import type { CircuitState } from '../policies/circuit-breaker.js';
import { validateInput } from '../validation/parse.js';

/**
 * The lifecycle every connector shares. A client is usable right after construction (lazy connect):
 * sockets open on the first call. `disconnect()` drains in-flight calls, then closes the pools.
 */
export abstract class BaseConnector<TConfig> {
  /** The connector's registry name, e.g. `hubspot`. */
  abstract readonly name: string;
  protected http!: HttpClient;
  protected config!: TConfig;
  private readonly disposers: Array<() => void> = [];

  /** The zod schema of this connector's configuration. */
  protected abstract configSchema(): z.ZodType<TConfig>;
  /** Builds the HTTP client options from validated config (API defaults + user overrides). */
  protected abstract httpOptions(config: TConfig): HttpClientOptions;

  /** Validates `config` (VALIDATION_ERROR naming each bad field) and builds the client. */
  initialize(config: unknown): this {
    const parsed = validateInput(this.configSchema(), config, `Invalid ${this.constructor.name} configuration`);
    this.config = parsed;
    this.http = new HttpClient(this.httpOptions(parsed));
    return this;
  }

  /** Opens the client (again, after `disconnect()`), and checks reachability if the connector defines `ping`. */
  async connect(options: { verify?: boolean } = {}): Promise<void> {
    if (this.http.isClosed) this.http = new HttpClient(this.httpOptions(this.config));
    if (options.verify) await this.ping();
  }

  /** Drains in-flight requests then closes connection pools. Later calls fail with CLIENT_CLOSED. */
  async disconnect(): Promise<void> {
    for (const dispose of this.disposers.splice(0)) dispose();
    await this.http.close();
  }

  isConnected(): boolean {
    return !this.http.isClosed;
  }

  /** A cheap call proving credentials and reachability. Override per API. */
  async ping(): Promise<void> {
    return undefined;
  }

  /** Subscribes to request, response, retry, rate-limit and breaker events; returns the disposer. */
  on<E extends EventName>(event: E, listener: (payload: ConnectorEvents[E]) => void): () => void {
    return this.http.events.on(event, listener);
  }

  /** The circuit state for the API's origin. */
  circuitState(): CircuitState | 'disabled' {
    return this.http.breaker()?.currentState ?? 'disabled';
  }

  /** The low-level funnel, for calls the typed methods do not cover yet. */
  get client(): HttpClient {
    return this.http;
  }
}
