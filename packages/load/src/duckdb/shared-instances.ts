import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';

/**
 * One DuckDB instance per database file in this process, shared by every destination on that file (each with its
 * own connection). DuckDB's file lock keeps out other processes, but not a second instance in the same process
 * (POSIX locks are per process), and two instances writing one file would corrupt it. Sharing one instance makes
 * destinations of one process safe together: DuckDB isolates their transactions. The instance closes, releasing
 * the file, when the last destination on it closes.
 */
interface Shared {
  instance: Promise<DuckDBInstance>;
  users: number;
  /** The tail of the instance's schema changes: DDL on two connections at once is a catalog write-write conflict. */
  ddl: Promise<unknown>;
}

const shared = new Map<string, Shared>();

export interface InstanceLease {
  instance: DuckDBInstance;
  /** Gives the instance back; the last lease of a file closes it. Idempotent. */
  release: () => void;
  /** Runs schema changes (CREATE, ALTER) one at a time across every destination on this instance. */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** Chains `fn` after the previous schema change of `holder`, whatever its outcome. */
function chain<T>(holder: { ddl: Promise<unknown> }, fn: () => Promise<T>): Promise<T> {
  const run = holder.ddl.then(fn, fn);
  holder.ddl = run.catch(() => undefined);
  return run;
}

/** The instance for `path`, created with `create` if this process has none open. */
export async function leaseInstance(path: string, create: () => Promise<DuckDBInstance>): Promise<InstanceLease> {
  if (isInMemory(path)) {
    // Every in-memory database is its own: nothing to share.
    const instance = await create();
    const own = { ddl: Promise.resolve() as Promise<unknown> };
    return { instance, release: once(() => instance.closeSync()), exclusive: (fn) => chain(own, fn) };
  }
  const key = canonical(path);
  let entry = shared.get(key);
  if (entry === undefined) {
    const created: Shared = { instance: create(), users: 0, ddl: Promise.resolve() };
    created.instance.catch(() => {
      if (shared.get(key) === created) shared.delete(key);
    });
    shared.set(key, created);
    entry = created;
  }
  const lease = entry;
  lease.users += 1;
  let instance: DuckDBInstance;
  try {
    instance = await lease.instance;
  } catch (error) {
    lease.users -= 1;
    throw error;
  }
  return {
    instance,
    exclusive: (fn) => chain(lease, fn),
    release: once(() => {
      lease.users -= 1;
      if (lease.users === 0) {
        if (shared.get(key) === lease) shared.delete(key);
        instance.closeSync();
      }
    }),
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

/** The absolute path with symbolic links resolved (those of its directory when the file does not exist yet). */
function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** Whether `path` names no file: an in-memory database. */
export function isInMemory(path: string): boolean {
  return path.startsWith(':memory:');
}
