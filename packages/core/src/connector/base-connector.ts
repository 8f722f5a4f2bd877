import type { $ZodType } from 'zod/v4/core';
import { HttpClient } from '../client/http-client.js';
import type { HttpClientOptions } from '../client/options.js';
import { CORE_EVENT_NAMES, EventBus, type ConnectorEvents } from '../hooks/events.js';
import type { CircuitState } from '../policies/circuit-breaker.js';
import type { Stream } from '../streams/stream.js';
import { validateInput } from '../validation/parse.js';

/**
 * The lifecycle every connector shares. A client is usable right after construction (lazy connect):
 * sockets open on the first call. `disconnect()` drains in-flight calls, then closes the pools.
 */
export abstract class BaseConnector<TConfig, TEvents extends object = Record<never, never>> {
  /** The connector's registry name, e.g. `hubspot`. */
  abstract readonly name: string;
  /** The client every call goes through, built by `connect()` from `httpOptions(config)`. */
  protected http!: HttpClient;
  /** The validated configuration (`configSchema()`'s output), set by `connect()`. */
  protected config!: TConfig;
  /** The connector's own events (e.g. an API version fall-forward); core's events come from the client. */
  protected readonly connectorEvents = new EventBus<TEvents>();

  /** The zod schema of this connector's configuration. */
  protected abstract configSchema(): $ZodType<TConfig>;
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
    if (this.http.isClosed) {
      this.http = new HttpClient(this.httpOptions(this.config));
      // Listeners registered before a reconnect keep receiving events from the new client.
      for (const s of this.coreSubscriptions) s.subscription.dispose = this.http.events.on(s.name, s.listener as never);
    }
    if (options.verify) await this.ping();
  }

  /** Drains in-flight requests then closes connection pools. Later calls fail with CLIENT_CLOSED. */
  async disconnect(): Promise<void> {
    await this.http.close();
  }

  /** Whether the client is open: false after `disconnect()` until `connect()` again. */
  isConnected(): boolean {
    return !this.http.isClosed;
  }

  /** A cheap call proving credentials and reachability. Override per API. */
  async ping(): Promise<void> {
    return undefined;
  }

  /**
   * Subscribes to core's events (request, response, retry, rateLimitWait, breakerStateChange, error) and the
   * connector's own; returns the disposer. Subscriptions survive `disconnect()`/`connect()`.
   */
  on<E extends keyof (ConnectorEvents & TEvents)>(event: E, listener: (payload: (ConnectorEvents & TEvents)[E]) => void): () => void {
    if (CORE_EVENT_NAMES.has(event as string)) {
      const name = event as keyof ConnectorEvents;
      const subscription = { dispose: this.http.events.on(name, listener as (p: ConnectorEvents[typeof name]) => void) };
      this.coreSubscriptions.add({ name, listener: listener, subscription });
      return () => {
        subscription.dispose();
        for (const s of this.coreSubscriptions) if (s.subscription === subscription) this.coreSubscriptions.delete(s);
      };
    }
    return this.connectorEvents.on(event as keyof TEvents, listener as (p: TEvents[keyof TEvents]) => void);
  }

  private readonly coreSubscriptions = new Set<{ name: keyof ConnectorEvents; listener: (p: never) => void; subscription: { dispose: () => void } }>();

  /**
   * The list and incremental resources `sync()` (in `@cf/load`) and `cf sync` land in tables, as declared in the
   * connector's `metadata.streams` (see `defineStreams`). None by default.
   */
  streams(): Stream[] {
    return [];
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
