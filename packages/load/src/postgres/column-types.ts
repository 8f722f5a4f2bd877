import type { ColumnType } from '../destination.js';
import { InvalidArgumentError } from '../errors.js';

/** How each column type is declared in Postgres. */
const SQL_TYPES: Readonly<Record<ColumnType, string>> = {
  text: 'TEXT',
  bigint: 'BIGINT',
  double: 'DOUBLE PRECISION',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMPTZ',
  json: 'JSONB',
};

export function isColumnType(type: unknown): type is ColumnType {
  return typeof type === 'string' && Object.hasOwn(SQL_TYPES, type);
}

/** The Postgres type a column of `type` is created with. */
export function sqlType(type: ColumnType): string {
  if (!isColumnType(type)) {
    throw new InvalidArgumentError(`Unknown column type ${JSON.stringify(type)}: expected one of ${Object.keys(SQL_TYPES).join(', ')}.`);
  }
  return SQL_TYPES[type];
}

/**
 * A catalog type (`information_schema.columns.data_type`) as a column type. Tables this destination creates only
 * hold the six above; a column someone altered by hand maps to the nearest one, and to text for anything else. The
 * staging table copies the real column types, so COPY parses each value with the column's own input function.
 */
export function columnTypeOf(dataType: string): ColumnType {
  const t = dataType.toLowerCase();
  if (t === 'jsonb' || t === 'json') return 'json';
  if (t === 'boolean') return 'boolean';
  if (t === 'bigint' || t === 'integer' || t === 'smallint') return 'bigint';
  if (t === 'double precision' || t === 'real' || t === 'numeric') return 'double';
  if (t.startsWith('timestamp') || t === 'date') return 'timestamp';
  return 'text';
}
