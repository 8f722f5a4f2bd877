import type * as ClickHouseModule from '@clickhouse/client';
import { DriverMissingError } from '../errors.js';

/** `@clickhouse/client`, an optional peer dependency: loaded on `open()`, never at import (types only here). */
export type ClickHouseApi = typeof ClickHouseModule;
export type ClickHouseClient = ClickHouseModule.ClickHouseClient;

const DRIVER = '@clickhouse/client';

/** Loads the driver; a missing package is a DriverMissingError that says what to install. `importer` is for tests. */
export async function loadDriver(importer: () => Promise<ClickHouseApi> = () => import('@clickhouse/client')): Promise<ClickHouseApi> {
  try {
    return await importer();
  } catch (error) {
    if (isModuleNotFound(error)) throw new DriverMissingError(DRIVER, 'clickhouse()');
    throw error;
  }
}

function isModuleNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(error.message);
  return notFound && error.message.includes(DRIVER);
}
