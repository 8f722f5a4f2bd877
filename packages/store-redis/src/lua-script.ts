import { createHash } from 'node:crypto';
import { isReplyError, type SendCommand } from './redis-client.js';

/** A Lua script run by hash (EVALSHA), sent in full only when the server does not have it cached yet. */
export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(send: SendCommand, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await send(['EVALSHA', this.sha, ...tail]);
    } catch (error) {
      // After a restart or SCRIPT FLUSH the cache is empty: EVAL runs the script and caches it again.
      if (isReplyError(error) && error.message.startsWith('NOSCRIPT')) return send(['EVAL', this.source, ...tail]);
      throw error;
    }
  }
}
