import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { Cell, Column, ColumnType } from '../destination.js';
import { stagingSqlType } from './column-types.js';
import type { DuckDBApi } from './driver.js';
import { ident } from './identifiers.js';

/** Rows per data chunk: DuckDB's vector size, the most one chunk holds. */
const CHUNK_ROWS = 2048;

/**
 * Loads rows into a fresh temporary table, `temp.main.<stage>`, through the Appender one data chunk (2048 rows) at
 * a time: each column is converted and checked in one pass, then copied into DuckDB's vectors in bulk. Measured on
 * 100k rows of nine columns, that is two to three times faster than appending value by value, and far faster than
 * INSERT statements. Run inside the caller's transaction: the rows become visible with its COMMIT, or never.
 *
 * A cell that does not match its column's type (see `Cell`) throws an Error naming the row and column, never the
 * value (records can hold personal data); the caller rolls back and wraps it.
 */
export async function stageRows(
  api: DuckDBApi,
  connection: DuckDBConnection,
  stage: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  const definition = columns.map((c) => `${ident(c.name)} ${stagingSqlType(c.type)}`).join(', ');
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${ident(stage, 'table')} (${definition})`);
  if (rows.length === 0) return;
  const types = columns.map((c) => chunkType(api, c.type));
  const converters = columns.map((c) => converter(api, c.type));
  const appender = await connection.createAppender(stage, 'main', 'temp');
  let failed = true;
  try {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const end = Math.min(rows.length, start + CHUNK_ROWS);
      for (let r = start; r < end; r++) {
        const length = rows[r]?.length;
        if (length !== columns.length) {
          throw new Error(`row ${r + 1} has ${length ?? 0} cells, but the table has ${columns.length} columns.`);
        }
      }
      const values: DuckDBValue[][] = columns.map((column, c) => {
        const convert = converters[c]!;
        const out = new Array<DuckDBValue>(end - start);
        for (let r = start; r < end; r++) {
          const cell = rows[r]![c]!;
          if (cell === null) {
            out[r - start] = null;
            continue;
          }
          const value = convert(cell);
          if (value === undefined) throw cellError(r, column, cell);
          out[r - start] = value;
        }
        return out;
      });
      const chunk = api.DuckDBDataChunk.create(types, end - start);
      chunk.setColumns(values);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
    failed = false;
  } finally {
    if (failed) appender.clear();
    appender.closeSync();
  }
}

function chunkType(api: DuckDBApi, type: ColumnType): DuckDBType {
  switch (type) {
    case 'bigint':
      return api.BIGINT;
    case 'double':
      return api.DOUBLE;
    case 'boolean':
      return api.BOOLEAN;
    case 'timestamp':
      return api.TIMESTAMPTZ;
    case 'text':
    case 'json':
      return api.VARCHAR;
  }
}

/** A cell's DuckDB value, or undefined when the cell does not fit the column type. */
type Converter = (cell: Exclude<Cell, null>) => DuckDBValue | undefined;

function converter(api: DuckDBApi, type: ColumnType): Converter {
  switch (type) {
    case 'text':
    case 'json':
      return (cell) => (typeof cell === 'string' ? cell : undefined);
    case 'bigint':
      return (cell) => (typeof cell === 'number' && Number.isSafeInteger(cell) ? BigInt(cell) : undefined);
    case 'double':
      return (cell) => (typeof cell === 'number' ? cell : undefined);
    case 'boolean':
      return (cell) => (typeof cell === 'boolean' ? cell : undefined);
    case 'timestamp':
      return (cell) => {
        if (!(cell instanceof Date)) return undefined;
        const ms = cell.getTime();
        return Number.isNaN(ms) ? undefined : new api.DuckDBTimestampTZValue(BigInt(ms) * 1000n);
      };
  }
}

const EXPECTED: Readonly<Record<ColumnType, string>> = {
  text: 'a string',
  json: 'JSON text (a string)',
  bigint: 'a safe integer number',
  double: 'a number',
  boolean: 'a boolean',
  timestamp: 'a valid Date',
};

function cellError(row: number, column: Column, cell: Exclude<Cell, null>): Error {
  return new Error(`row ${row + 1}, column "${column.name}" (${column.type}): expected ${EXPECTED[column.type]}, got ${describe(cell, column.type)}.`);
}

/** What a cell is, without its value (records can hold personal data). */
function describe(cell: unknown, type: ColumnType): string {
  if (cell instanceof Date) return type === 'timestamp' ? 'an invalid Date' : 'a Date';
  if (typeof cell === 'number' && type === 'bigint') {
    return Number.isInteger(cell) ? 'an integer beyond Number.MAX_SAFE_INTEGER' : Number.isFinite(cell) ? 'a number with a fraction' : String(cell);
  }
  if (Array.isArray(cell)) return 'an array';
  if (cell === undefined) return 'undefined';
  const kind = typeof cell;
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
