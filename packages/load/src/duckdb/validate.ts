import { BOOKKEEPING_COLUMNS, type Batch, type Column, type StreamKey, type TableSpec } from '../destination.js';
import { InvalidArgumentError } from '../errors.js';
import { isColumnType } from './column-types.js';
import { checkName, RESERVED_PREFIX } from './identifiers.js';

/**
 * Checks a table spec before any SQL is built from it: names, types, the primary key among the columns, and the
 * bookkeeping columns present with their types. Throws InvalidArgumentError naming the first problem.
 *
 * A column named twice is refused in a batch (its cells would be ambiguous); `ensureTable` may get one (the planner
 * proposing another type for an existing column) and keeps the first, see `distinctColumns`.
 */
export function checkTableSpec(spec: TableSpec, options: { duplicates?: 'refuse' | 'first' } = {}): void {
  if (typeof spec !== 'object' || spec === null) throw new InvalidArgumentError('Expected a table spec { name, primaryKey, columns }.');
  const table = checkName(spec.name, 'table');
  if (table.startsWith(RESERVED_PREFIX)) {
    throw new InvalidArgumentError(`Table name "${table}" is reserved: names starting with ${RESERVED_PREFIX} are the destination's own tables.`);
  }
  const columns: readonly Column[] = spec.columns;
  if (!isList(columns) || columns.length === 0) throw new InvalidArgumentError(`Table "${table}" has no columns.`);
  const types = new Map<string, string>();
  for (const column of columns) {
    const name = checkName(column?.name, `column (table "${table}")`);
    if (!isColumnType(column.type)) {
      throw new InvalidArgumentError(`Column "${table}.${name}" has unknown type ${JSON.stringify(column.type)}: expected text, bigint, double, boolean, timestamp or json.`);
    }
    if (types.has(name)) {
      if (options.duplicates !== 'first') throw new InvalidArgumentError(`Table "${table}" declares column "${name}" twice.`);
      continue;
    }
    types.set(name, column.type);
  }
  for (const column of BOOKKEEPING_COLUMNS) {
    if (types.get(column.name) !== column.type) {
      throw new InvalidArgumentError(`Table "${table}" lacks the bookkeeping column "${column.name}" (${column.type}); every table has ${BOOKKEEPING_COLUMNS.map((c) => c.name).join(', ')}.`);
    }
  }
  const primaryKey: readonly unknown[] = spec.primaryKey;
  if (!isList(primaryKey) || primaryKey.length === 0) throw new InvalidArgumentError(`Table "${table}" has no primary key.`);
  const seen = new Set<string>();
  for (const key of primaryKey) {
    if (typeof key !== 'string' || !types.has(key)) {
      throw new InvalidArgumentError(`Table "${table}": primary key column ${JSON.stringify(key)} is not one of its columns.`);
    }
    if (seen.has(key)) throw new InvalidArgumentError(`Table "${table}": primary key column "${key}" appears twice.`);
    seen.add(key);
  }
}

export function checkStreamKey(key: StreamKey): void {
  if (typeof key !== 'object' || key === null || typeof key.connector !== 'string' || key.connector === '' || typeof key.stream !== 'string' || key.stream === '') {
    throw new InvalidArgumentError('Expected a stream key { connector, stream } of non-empty strings.');
  }
}

/** Array.isArray without its narrowing to any[]. */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** The parts of a batch that are cheap to check before the transaction starts (cells are checked as they are staged). */
export function checkBatch(batch: Batch): void {
  if (typeof batch !== 'object' || batch === null) throw new InvalidArgumentError('Expected a batch { key, table, rows, rejects, state }.');
  checkStreamKey(batch.key);
  checkTableSpec(batch.table);
  if (!Array.isArray(batch.rows)) throw new InvalidArgumentError('batch.rows must be an array of rows.');
  if (!Array.isArray(batch.rejects)) throw new InvalidArgumentError('batch.rejects must be an array.');
  batch.rejects.forEach((reject, i) => {
    if (typeof reject?.record !== 'string' || typeof reject.error !== 'string' || !isValidDate(reject.extractedAt)) {
      throw new InvalidArgumentError(`batch.rejects[${i}] must be { record: JSON text, error: string, extractedAt: Date }.`);
    }
  });
  const state = batch.state;
  if (typeof state !== 'object' || state === null) throw new InvalidArgumentError('batch.state is missing.');
  if (typeof state.complete !== 'boolean') throw new InvalidArgumentError('batch.state.complete must be a boolean.');
  if (!Number.isSafeInteger(state.records) || state.records < 0) throw new InvalidArgumentError('batch.state.records must be a non-negative integer.');
  if (!isValidDate(state.updatedAt)) throw new InvalidArgumentError('batch.state.updatedAt must be a valid Date.');
  if (state.checkpoint !== null) {
    let text: string | undefined;
    try {
      text = JSON.stringify(state.checkpoint);
    } catch {
      text = undefined;
    }
    if (text === undefined) throw new InvalidArgumentError('batch.state.checkpoint must be JSON-serializable (or null).');
  }
}

/** The spec with each column once, the first of a name winning. */
export function distinctColumns(spec: TableSpec): TableSpec {
  const seen = new Set<string>();
  const columns = spec.columns.filter((c) => !seen.has(c.name) && seen.add(c.name));
  return columns.length === spec.columns.length ? spec : { ...spec, columns };
}
