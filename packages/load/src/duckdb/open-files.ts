import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Files a DuckDB destination of this process has open. DuckDB's file lock keeps out other processes, but not a
 * second instance in the same process (POSIX locks are per process), and two instances writing one file corrupt
 * it. So a second `open()` of the same file in one process is refused like a second process would be.
 */
const open = new Set<string>();

/** Claims the file; returns the release function, or undefined when this process already has it open. */
export function claimFile(path: string): (() => void) | undefined {
  const key = canonical(path);
  if (open.has(key)) return undefined;
  open.add(key);
  let released = false;
  return () => {
    if (!released) open.delete(key);
    released = true;
  };
}

/** The absolute path with symbolic links resolved (of the directory when the file does not exist yet). */
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

/** Whether `path` names no file: an in-memory database, which nothing else can share. */
export function isInMemory(path: string): boolean {
  return path === ':memory:' || path.startsWith(':memory:');
}
