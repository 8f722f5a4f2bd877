import { ValidationError, type JsonValue } from '@cf/core';

/**
 * Where incremental extracts keep their checkpoints (a `Page.checkpoint`, a `since` timestamp...), keyed by a name
 * the caller chooses (e.g. `hubspot:contacts:account-1`). Values are plain JSON, so any store can hold them.
 */
export interface CheckpointStore {
  /** The saved value, or undefined when there is none. */
  get(key: string): Promise<JsonValue | undefined>;
  /**
   * Saves `value` under `key`, replacing any; a value JSON cannot hold exactly (NaN, Infinity, undefined) is a
   * VALIDATION_ERROR.
   */
  set(key: string, value: JsonValue): Promise<void>;
  /** Forgets `key` (nothing happens when it has no value). */
  delete(key: string): Promise<void>;
}

/** Checkpoints in this process's memory: for tests, and for extracts that restart from scratch anyway. */
export class MemoryCheckpointStore implements CheckpointStore {
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<JsonValue | undefined> {
    const raw = this.values.get(key);
    // Stored as JSON text, like Redis: the caller gets a copy, and a value that cannot round-trip fails on `set`.
    return raw === undefined ? undefined : (JSON.parse(raw) as JsonValue);
  }

  /** Saves a copy of `value` as JSON text; a value JSON cannot hold exactly is a VALIDATION_ERROR. */
  async set(key: string, value: JsonValue): Promise<void> {
    this.values.set(key, serializeCheckpoint(value));
  }

  /** Forgets `key`. */
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

/** JSON text of a checkpoint; rejects values JSON would silently change (NaN, Infinity, undefined). */
export function serializeCheckpoint(value: JsonValue): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if ((typeof v === 'number' && !Number.isFinite(v)) || v === undefined || typeof v === 'function' || typeof v === 'bigint') {
      const path = key === '' ? 'value' : key;
      throw new ValidationError({
        message: `A checkpoint must be plain JSON; "${path}" is ${String(v)}.`,
        issues: [{ path, message: 'must be a JSON value (string, finite number, boolean, null, array or object)' }],
      });
    }
    return v;
  });
}
