import type { Column, ColumnType, TableSpec } from '../destination.js';
import { cellDecoder, clickhouseTypeFor, columnTypeOf, type ServerCapabilities } from './column-types.js';
import type { Connection } from './connection.js';
import { ident, literal, qualified } from './identifiers.js';

/** The column ReplacingMergeTree keeps the highest of; internal, never returned by `ensureTable` or `readRows`. */
export const VERSION_COLUMN = '_version';

export interface ColumnInfo {
  name: string;
  clickhouseType: string;
  comment: string;
  type: ColumnType;
}

/** A table as the server has it now. */
export interface TableInfo {
  name: string;
  engine: string;
  /** `system.tables.sorting_key`: `id`, `day, code`. */
  sortingKey: string;
  /** In table order, without `_version`. */
  columns: ColumnInfo[];
  hasVersion: boolean;
}

/** The sorting key's column names (`day, code` → [day, code]). */
export function sortingKeyColumns(sortingKey: string): string[] {
  return sortingKey
    .split(',')
    .map((s) => s.trim().replace(/^`(.*)`$/, '$1'))
    .filter((s) => s !== '');
}

/** The table's engine, sorting key and columns; undefined when there is no such table. */
export async function describeTable(conn: Connection, database: string, table: string): Promise<TableInfo | undefined> {
  const found = await conn.rows<{ engine: string; sorting_key: string }>(
    `SELECT engine, sorting_key FROM system.tables WHERE database = ${literal(database)} AND name = ${literal(table)}`,
    `looking up table ${table}`,
  );
  const meta = found[0];
  if (meta === undefined) return undefined;
  // DESCRIBE lists columns in table order (system.columns has no `position` on 18.16). Its comment field is
  // `comment_expression` on 18.16 and `comment` on newer servers.
  const described = await conn.rows<{ name: string; type: string; comment?: string; comment_expression?: string }>(
    `DESCRIBE TABLE ${qualified(database, table)}`,
    `describing table ${table}`,
  );
  const columns: ColumnInfo[] = [];
  let hasVersion = false;
  for (const c of described) {
    if (c.name === VERSION_COLUMN) {
      hasVersion = true;
      continue;
    }
    const comment = c.comment ?? c.comment_expression ?? '';
    columns.push({ name: c.name, clickhouseType: c.type, comment, type: columnTypeOf(c.type, comment) });
  }
  return { name: table, engine: meta.engine, sortingKey: meta.sorting_key, columns, hasVersion };
}

function columnDefinition(column: Column, capabilities: ServerCapabilities, nullable: boolean): string {
  const { type, comment } = clickhouseTypeFor(column.type, capabilities, nullable);
  return `${ident(column.name)} ${type}${comment === undefined ? '' : ` COMMENT ${literal(comment)}`}`;
}

/** CREATE TABLE IF NOT EXISTS: every column nullable but the key's, `_version`, ReplacingMergeTree ordered by the key. */
export function createTableSql(database: string, spec: TableSpec, capabilities: ServerCapabilities): string {
  const key = new Set(spec.primaryKey);
  const columns = spec.columns.map((c) => columnDefinition(c, capabilities, !key.has(c.name)));
  columns.push(`${ident(VERSION_COLUMN)} UInt64`);
  return (
    `CREATE TABLE IF NOT EXISTS ${qualified(database, spec.name)} (${columns.join(', ')}) ` +
    `ENGINE = ReplacingMergeTree(${ident(VERSION_COLUMN)}) ORDER BY (${spec.primaryKey.map(ident).join(', ')})`
  );
}

/**
 * One ALTER TABLE that adds the columns (nullable, JSON ones with their comment). 18.16 has no `ADD COLUMN IF NOT
 * EXISTS`: the caller adds only the columns DESCRIBE lacks, and re-reads on a race.
 */
export function addColumnsSql(database: string, table: string, columns: readonly Column[], capabilities: ServerCapabilities): string {
  const clauses = columns.map((c) => `ADD COLUMN ${columnDefinition(c, capabilities, true)}`);
  return `ALTER TABLE ${qualified(database, table)} ${clauses.join(', ')}`;
}

/**
 * 18.16 silently drops the `COMMENT` of `ADD COLUMN`: the caller checks the comments after adding, and sets the
 * missing ones with this (a no-op on servers that kept them, so it is never sent there).
 */
export function commentColumnsSql(database: string, table: string, comments: ReadonlyArray<{ name: string; comment: string }>): string {
  return `ALTER TABLE ${qualified(database, table)} ${comments.map((c) => `COMMENT COLUMN ${ident(c.name)} ${literal(c.comment)}`).join(', ')}`;
}

/** The highest `_version` stored in a table (0 when empty). */
export async function maxVersion(conn: Connection, database: string, table: string): Promise<string | number> {
  const rows = await conn.rows<{ v: string | number }>(`SELECT max(${ident(VERSION_COLUMN)}) AS v FROM ${qualified(database, table)}`, `reading the versions of ${table}`);
  return rows[0]?.v ?? 0;
}

/** Decoders for the columns' cells as the server prints them in JSONEachRow. */
export function rowDecoder(columns: readonly ColumnInfo[]): (row: Record<string, unknown>) => Record<string, unknown> {
  const decoders = columns.map((c) => [c.name, cellDecoder(c.type, c.clickhouseType)] as const);
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const [name, decode] of decoders) out[name] = decode(row[name] ?? null);
    return out;
  };
}
