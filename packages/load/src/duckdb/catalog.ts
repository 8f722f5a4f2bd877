import type { DuckDBConnection } from '@duckdb/node-api';
import type { Column } from '../destination.js';
import { columnTypeOf } from './column-types.js';

export interface CatalogColumn extends Column {
  /** As DuckDB names it (`TIMESTAMP WITH TIME ZONE`, `JSON`). */
  dataType: string;
}

/** A table's columns in their order, from DuckDB's catalog; empty when the table does not exist. */
export async function readColumns(connection: DuckDBConnection, schema: string, table: string): Promise<CatalogColumn[]> {
  const reader = await connection.runAndReadAll(
    `SELECT column_name, data_type FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = $1 AND lower(table_name) = $2
     ORDER BY column_index`,
    [schema, table],
  );
  return reader.getRowObjectsJS().map((row) => {
    const dataType = text(row.data_type);
    return { name: text(row.column_name), type: columnTypeOf(dataType), dataType };
  });
}

/** A table's primary key columns, in key order; empty when it has none. */
export async function readPrimaryKey(connection: DuckDBConnection, schema: string, table: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    `SELECT constraint_column_names FROM duckdb_constraints()
     WHERE database_name = current_database() AND schema_name = $1 AND lower(table_name) = $2 AND constraint_type = 'PRIMARY KEY'`,
    [schema, table],
  );
  const names = reader.getRowObjectsJS()[0]?.constraint_column_names;
  return Array.isArray(names) ? names.map(text) : [];
}

/** A catalog value that is a string (names, types); anything else would be a driver change, shown as empty. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
