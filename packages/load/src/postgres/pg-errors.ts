import { DestinationError, DestinationUnavailableError, LoadError } from '../errors.js';
import { redact } from './options.js';

/** Socket-level failures: the server is not there (or went away), whatever statement was running. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOENT']);

/**
 * SQLSTATEs that mean "cannot reach or use the server" rather than "the server refused this statement": connection
 * exceptions (08), authentication (28), a database that does not exist (3D000), shutdown and startup (57P01–57P03),
 * too many connections (53300).
 */
function isUnavailableState(code: string): boolean {
  return code.startsWith('08') || code.startsWith('28') || code === '3D000' || code === '53300' || code === '57P01' || code === '57P02' || code === '57P03';
}

const CONNECTION_LOST = /Connection terminated|Connection closed|connection timeout|timeout expired|Client was closed|Client has encountered a connection error|not queryable/i;

/** Whether an error from `pg` means the server is unreachable (as opposed to a statement it refused). */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || isUnavailableState(code)) return true;
  return typeof e?.message === 'string' && CONNECTION_LOST.test(e.message);
}

/**
 * An error from `pg` (or anything thrown while talking to it) as a LoadError: DestinationUnavailableError when the
 * server cannot be reached or refused the login, DestinationError otherwise. `doing` says what failed ("commit of
 * hubspot/contacts"). The message and the cause are rebuilt from redacted text: `pg` and Node can echo the
 * connection string, and nothing this package throws may carry the password. LoadErrors pass through.
 */
export function toLoadError(error: unknown, label: string, secrets: readonly string[], doing: string, connecting = false): LoadError {
  if (error instanceof LoadError) return error;
  const reason = `${doing} failed: ${redact(describe(error), secrets)}`;
  const cause = sanitizedCause(error, secrets);
  if (connecting || isUnavailable(error)) return new DestinationUnavailableError(label, reason, cause);
  return new DestinationError(label, reason, cause);
}

/**
 * The message, with the server's detail, hint and SQLSTATE when it gave them. Data errors (SQLSTATE classes 22 and
 * 23) keep names but lose values: records can hold personal data, and the server quotes the offending value in the
 * message and the row in the detail. A COPY error says which row of the batch and which column instead.
 */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { code?: unknown; detail?: unknown; hint?: unknown; where?: unknown; errors?: unknown };
  let message = e.message;
  // Node reports a refused dual-stack connect as an AggregateError with an empty message.
  if (message === '' && Array.isArray(e.errors) && e.errors[0] instanceof Error) message = e.errors[0].message;
  if (message === '') message = typeof e.code === 'string' ? e.code : e.name;
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^[0-9A-Z]{5}$/.test(code)) {
    const dataError = code.startsWith('22') || code.startsWith('23');
    if (code.startsWith('22')) message = message.replace(/"(?:[^"]|"")*"/g, '"…"');
    const copy = typeof e.where === 'string' ? /\bCOPY \S+, line (\d+)(?:, column (\w+))?/.exec(e.where) : null;
    if (copy) message += ` (row ${copy[1]} of the batch${copy[2] === undefined ? '' : `, column ${copy[2]}`})`;
    if (code === '21000') message += ' (two rows of the batch have the same primary key)';
    if (!dataError && typeof e.detail === 'string' && e.detail !== '') message += `; ${e.detail}`;
    if (typeof e.hint === 'string' && e.hint !== '') message += `; hint: ${e.hint}`;
    message += ` [SQLSTATE ${code}]`;
  } else if (code !== '' && !message.includes(code)) {
    message += ` (${code})`;
  }
  return message;
}

/**
 * What stays attached as `cause`: the redacted message and the server's naming fields (not `detail` or `where`, which
 * can quote row values), never the original object.
 */
function sanitizedCause(error: unknown, secrets: readonly string[]): Error {
  const e = (error ?? {}) as Record<string, unknown>;
  const cause = new Error(redact(describe(error), secrets));
  cause.name = error instanceof Error ? error.name : 'Error';
  for (const key of ['code', 'severity', 'schema', 'table', 'column', 'constraint', 'routine']) {
    const value = e[key];
    if (typeof value === 'string') (cause as unknown as Record<string, string>)[key] = redact(value, secrets);
  }
  return cause;
}
