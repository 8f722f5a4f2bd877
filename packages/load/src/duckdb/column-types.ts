import type { ColumnType } from '../destination.js';
import { InvalidArgumentError } from '../errors.js';

/** How each column type is declared in DuckDB. */
const SQL_TYPES: Readonly<Record<ColumnType, string>> = {
  text: 'VARCHAR',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMPTZ',
  json: 'JSON',
};

export function isColumnType(type: unknown): type is ColumnType {
  return typeof type === 'string' && Object.hasOwn(SQL_TYPES, type);
}

/** The DuckDB type a column of `type` is created with. */
export function sqlType(type: ColumnType): string {
  if (!isColumnType(type)) {
    throw new InvalidArgumentError(`Unknown column type ${JSON.stringify(type)}: expected one of ${Object.keys(SQL_TYPES).join(', ')}.`);
  }
  return SQL_TYPES[type];
}

/**
 * The type a column is staged with before the upsert. JSON is staged as text, so the cast into the table's JSON
 * column validates it (a malformed document fails the batch instead of landing).
 */
export function stagingSqlType(type: ColumnType): string {
  return type === 'json' ? 'VARCHAR' : sqlType(type);
}

/**
 * A catalog type (`duckdb_columns().data_type`) as a column type. The tables this destination creates only hold
 * the six it maps to; a column someone altered by hand maps to the nearest one, and text for anything else (the
 * upsert then casts the staged text into the column's own type).
 */
export function columnTypeOf(dataType: string): ColumnType {
  const t = dataType.toUpperCase();
  if (t === 'JSON') return 'json';
  if (t === 'BOOLEAN') return 'boolean';
  if (/^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|UHUGEINT)$/.test(t)) return 'bigint';
  if (/^(DOUBLE|FLOAT|REAL)$/.test(t) || t.startsWith('DECIMAL')) return 'double';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  return 'text';
}
