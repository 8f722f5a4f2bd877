import type { Client } from 'pg';
import type { from } from 'pg-copy-streams';
import { DriverMissingError } from '../errors.js';

/** `pg` and `pg-copy-streams`, optional peer dependencies: loaded on `open()`, never at import. */
export interface PostgresDriver {
  Client: typeof Client;
  copyFrom: typeof from;
}

export interface DriverImporters {
  pg: () => Promise<unknown>;
  copyStreams: () => Promise<unknown>;
}

const DEFAULT_IMPORTERS: DriverImporters = {
  pg: () => import('pg'),
  copyStreams: () => import('pg-copy-streams'),
};

/**
 * Loads the drivers. A missing package is a DriverMissingError that says what to install; `importers` are
 * replaceable for tests. Both are CommonJS: their exports are on the namespace or on its `default`.
 */
export async function loadDriver(importers: DriverImporters = DEFAULT_IMPORTERS): Promise<PostgresDriver> {
  const pg = await load('pg', importers.pg);
  const copyStreams = await load('pg-copy-streams', importers.copyStreams);
  const Client = member<PostgresDriver['Client']>(pg, 'Client');
  const copyFrom = member<PostgresDriver['copyFrom']>(copyStreams, 'from');
  if (typeof Client !== 'function') throw new DriverMissingError('pg', 'postgres()');
  if (typeof copyFrom !== 'function') throw new DriverMissingError('pg-copy-streams', 'postgres()');
  return { Client, copyFrom };
}

async function load(name: string, importer: () => Promise<unknown>): Promise<unknown> {
  try {
    return await importer();
  } catch (error) {
    if (isModuleNotFound(error, name)) throw new DriverMissingError(name, 'postgres()');
    throw error;
  }
}

function member<T>(namespace: unknown, key: string): T | undefined {
  const ns = namespace as Record<string, unknown> & { default?: Record<string, unknown> };
  return (ns?.[key] ?? ns?.default?.[key]) as T | undefined;
}

function isModuleNotFound(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(error.message);
  return notFound && error.message.includes(name);
}
