/** A pino-compatible logger (object first, message second). It only ever receives redacted data. */
export interface Logger {
  /** Detail: each request sent. */
  debug(obj: Record<string, unknown>, msg?: string): void;
  /** Notable events: a retry about to happen. */
  info(obj: Record<string, unknown>, msg?: string): void;
  /** Something to look at: a failed operation, a circuit breaker changing state. */
  warn(obj: Record<string, unknown>, msg?: string): void;
  /** A failure nobody else will report: a webhook handler, hook or dedupe store that failed. */
  error(obj: Record<string, unknown>, msg?: string): void;
}

const noop = (): void => undefined;
/** A logger that drops everything: the default when `logger` is not set. */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
