import { StoreUnavailableError } from './store-unavailable-error.js';

/**
 * The two well-kept Node.js Redis clients, typed by the one method each we use, so this package needs neither
 * as a dependency and works with the version you already run:
 * - node-redis (`redis`, `@redis/client`): `client.sendCommand(['GET', 'k'])`
 * - ioredis: `client.call('GET', ['k'])`
 */
export interface NodeRedisLike {
  /** Sends one command, name first (`['GET', 'k']`), and resolves with Redis's reply. */
  sendCommand(args: string[]): Promise<unknown>;
}
/** An ioredis client, typed by the one method this package uses. */
export interface IoRedisLike {
  /** Sends one command (`call('GET', ['k'])`) and resolves with Redis's reply. */
  call(command: string, args: string[]): Promise<unknown>;
}
/** A node-redis or an ioredis client: every store of this package takes either. */
export type RedisClientLike = NodeRedisLike | IoRedisLike;

/**
 * Sends one raw command. Rejects with StoreUnavailableError when Redis cannot serve it: unreachable, past the
 * deadline, or an error reply (other than NOSCRIPT, which the caller answers by sending the script).
 */
export type SendCommand = (args: string[]) => Promise<unknown>;

/**
 * Wraps a client so every command has a deadline. Clients queue commands while disconnected (node-redis's
 * offline queue, ioredis's `enableOfflineQueue`), which would otherwise hang a request until Redis returns.
 */
export function commander(client: RedisClientLike, timeoutMs: number, what: string): SendCommand {
  const raw: SendCommand =
    'call' in client && typeof client.call === 'function'
      ? (args) => client.call(args[0] ?? '', args.slice(1))
      : (args) => (client as NodeRedisLike).sendCommand(args);
  return (args) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new StoreUnavailableError({
            message: `Redis (${what}) did not answer ${args[0] ?? ''} within ${timeoutMs} ms (commandTimeoutMs).`,
            details: { store: 'redis', command: args[0], timeoutMs },
          }),
        );
      }, timeoutMs);
      let sent: Promise<unknown>;
      try {
        sent = raw(args);
      } catch (error) {
        sent = Promise.reject(error);
      }
      sent.then(
        (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        (error: unknown) => {
          clearTimeout(timer);
          // NOSCRIPT is answered by sending the script (LuaScript); every other failure means Redis cannot serve.
          reject(isReplyError(error) && error.message.startsWith('NOSCRIPT') ? error : unavailable(error, what, args[0]));
        },
      );
    });
}

/** True for an error the Redis server sent back (NOSCRIPT, WRONGTYPE, LOADING...), as opposed to a connection failure. */
export function isReplyError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  // node-redis leaves `name` as 'Error' on its reply classes; ioredis sets 'ReplyError'.
  return REPLY_ERROR_CLASSES.has(error.name) || REPLY_ERROR_CLASSES.has(error.constructor.name);
}

const REPLY_ERROR_CLASSES = new Set(['ErrorReply', 'SimpleError', 'BlobError', 'ReplyError']);

function unavailable(cause: unknown, what: string, command: string | undefined): StoreUnavailableError {
  if (cause instanceof StoreUnavailableError) return cause;
  const message = (cause as Error | undefined)?.message ?? String(cause);
  return new StoreUnavailableError({
    message: isReplyError(cause) ? `Redis (${what}) refused ${command ?? 'a command'}: ${message}` : `Redis (${what}) is unreachable: ${message}`,
    cause,
    details: { store: 'redis', command },
  });
}
