/** Stable codes of `@cf/load`'s errors: switch on `code`, not on the class. */
export type LoadErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_STREAM'
  | 'DESTINATION_UNAVAILABLE'
  | 'DESTINATION_ERROR'
  | 'DRIVER_MISSING'
  | 'SYNC_FAILED'
  | 'RECORD_REJECTED';

/** Base class of every error `@cf/load` throws. Messages never carry a password or a token. */
export class LoadError extends Error {
  /** The stable code (`INVALID_ARGUMENT`, `SYNC_FAILED`…): switch on it, not on the class. */
  readonly code: LoadErrorCode;
  constructor(code: LoadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad input to a public function: an unknown destination scheme, an invalid table name, a bad option. */
export class InvalidArgumentError extends LoadError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
  }
}

/** A stream name the connector does not declare. */
export class UnknownStreamError extends LoadError {
  constructor(connector: string, stream: string, known: readonly string[]) {
    super('UNKNOWN_STREAM', `${connector} has no stream "${stream}". Streams: ${known.length > 0 ? known.join(', ') : '(none)'}.`);
  }
}

/** The destination could not be reached (refused, timed out, authentication failed). */
export class DestinationUnavailableError extends LoadError {
  constructor(label: string, reason: string, cause?: unknown) {
    super('DESTINATION_UNAVAILABLE', `${label} is unavailable: ${reason}`, { cause });
  }
}

/** The destination refused a statement (a constraint, a type, disk full). Nothing of the batch was committed. */
export class DestinationError extends LoadError {
  constructor(label: string, reason: string, cause?: unknown) {
    super('DESTINATION_ERROR', `${label}: ${reason}`, { cause });
  }
}

/** The destination's driver is an optional peer dependency that is not installed. */
export class DriverMissingError extends LoadError {
  constructor(driver: string, destination: string) {
    super('DRIVER_MISSING', `${destination} needs the "${driver}" package: npm install ${driver}`);
  }
}
