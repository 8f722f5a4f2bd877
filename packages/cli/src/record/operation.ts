import { usageError } from '../cli-error.js';

/** `items.list`, `orders.refunds.get`: a method path on the connector instance. */
const OPERATION = /^[A-Za-z$][\w$]*(\.[A-Za-z$][\w$]*)*$/;

/** BaseConnector's own methods: lifecycle and events, not API operations. */
const NOT_OPERATIONS = new Set(['connect', 'disconnect', 'on', 'off', 'once', 'emit', 'streams', 'constructor', 'initialize', 'httpOptions', 'configSchema']);

/** The operation name checked for shape before anything is loaded or sent. */
export function checkOperationName(operation: string, declared: readonly string[]): void {
  if (!OPERATION.test(operation) || NOT_OPERATIONS.has(operation.split('.').pop() ?? '')) {
    throw usageError(`"${operation}" is not an operation: name a method of the client by its path, such as ${declared[0] ?? 'items.list'}${declared.length > 0 ? ` (declared: ${declared.join(', ')})` : ''}.`);
  }
}

/** A `--arg` value: JSON when it parses (`2`, `true`, `["a"]`, `"007"`), the text itself otherwise. */
function scalar(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The operation's arguments: `--args '<json>'` (an array is the positional arguments, anything else the one
 * argument), or `--arg key=value` pairs gathered into one object argument. Neither: no arguments.
 */
export function operationArgs(options: { args?: string | undefined; arg?: Record<string, string> | undefined }): unknown[] {
  const pairs = Object.entries(options.arg ?? {});
  if (options.args !== undefined && pairs.length > 0) throw usageError('Pass the arguments as --args <json> or as --arg key=value pairs, not both.');
  if (options.args !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(options.args) as unknown;
    } catch (error) {
      throw usageError(`--args must be JSON (an array for several arguments): ${(error as Error).message}`);
    }
    return Array.isArray(parsed) ? parsed : [parsed];
  }
  return pairs.length > 0 ? [Object.fromEntries(pairs.map(([k, v]) => [k, scalar(v)]))] : [];
}

/** What an operation gave back, bounded by `--limit` and `--max-pages`. */
export interface OperationOutcome {
  /** `paginated`: core's `Paginated` (read with `.pages()`); `value`: anything awaited. */
  kind: 'paginated' | 'value';
  /** The records read (paginated), at most `limit`. */
  records: unknown[];
  /** The awaited result (value). */
  value?: unknown;
  pages: number;
}

interface PaginatedLike {
  pages(): AsyncIterable<{ items: unknown[] }>;
}
const isPaginated = (v: unknown): v is PaginatedLike => typeof v === 'object' && v !== null && typeof (v as { pages?: unknown }).pages === 'function';

/** The method at `operation` on `client`, bound to its owner, or a usage error naming the declared ones. */
export function resolveOperation(client: object, operation: string, declared: readonly string[]): (...args: unknown[]) => unknown {
  let owner: unknown = client;
  const segments = operation.split('.');
  for (const [i, segment] of segments.entries()) {
    const next = typeof owner === 'object' && owner !== null ? (owner as Record<string, unknown>)[segment] : undefined;
    if (i === segments.length - 1) {
      if (typeof next !== 'function') break;
      return (next as (...args: unknown[]) => unknown).bind(owner);
    }
    owner = next;
  }
  throw usageError(`The client has no operation "${operation}"${declared.length > 0 ? ` (declared in src/metadata.ts: ${declared.join(', ')})` : ''}.`);
}

/**
 * Calls the operation and reads its result the way the generated test does: a `Paginated` page by page until
 * `maxPages` pages or `limit` records, anything else awaited once.
 */
export async function runOperation(call: (...args: unknown[]) => unknown, args: unknown[], bounds: { limit: number; maxPages: number }): Promise<OperationOutcome> {
  const result = call(...args);
  if (!isPaginated(result)) return { kind: 'value', records: [], value: await result, pages: 0 };
  const records: unknown[] = [];
  let pages = 0;
  for await (const page of result.pages()) {
    records.push(...page.items);
    pages += 1;
    if (pages >= bounds.maxPages || records.length >= bounds.limit) break;
  }
  return { kind: 'paginated', records: records.slice(0, bounds.limit), pages };
}
