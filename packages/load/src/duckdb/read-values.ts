import type { CatalogColumn } from './catalog.js';

/**
 * A row as DuckDB's JS conversion gives it, as plain JS for callers: JSON columns parsed, 64-bit integers as
 * numbers when they are safe (a bigint otherwise, rather than a rounded number), timestamps stay Dates.
 */
export function plainRow(row: Record<string, unknown>, columns: readonly CatalogColumn[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const value = row[column.name];
    out[column.name] = column.type === 'json' ? parseJson(value) : plainValue(value);
  }
  return out;
}

function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint' && value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) {
    return Number(value);
  }
  return value;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return plainValue(value);
  try {
    return JSON.parse(value);
  } catch {
    // A JSON column only holds valid documents; a column altered to JSON by hand may not. Show it as it is.
    return value;
  }
}
