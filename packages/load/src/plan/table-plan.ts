import { BOOKKEEPING_COLUMNS, type Cell, type Column, type ColumnType, type TableSpec } from '../destination.js';
import { columnName } from './column-name.js';
import type { SchemaHints, TypeHint } from './schema-hints.js';

/** A record flattened: parallel arrays of column name, value, and the type it asks for (undefined for null). */
export interface FlatRecord {
  names: string[];
  values: unknown[];
  types: Array<ColumnType | undefined>;
}

/**
 * What the plan knows about one field path, computed once and reused for every record: its column name, its schema
 * hint, and whether it may have the column (a reserved name, or another path that normalized to it first, may not).
 */
interface FieldNode {
  path: string[];
  name: string;
  hint: TypeHint | undefined;
  /** Decided on the first value that lands in a column (not when the field is only a parent of others). */
  owns?: 'yes' | 'reserved' | 'taken';
  children?: Map<string, FieldNode>;
}

export interface TablePlanOptions {
  table: string;
  /** The stream's primary-key fields (top-level). */
  primaryKey: readonly string[];
  hints: SchemaHints;
  /** How many levels of nested objects become `a__b` columns; deeper objects are JSON columns. */
  maxDepth: number;
}

const RESERVED = new Set(['_raw', '_extracted_at', '_deleted', '_version']);

function inferType(value: unknown): ColumnType | 'object' | undefined {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'bigint' : 'double';
    case 'string':
      return 'text';
    case 'object':
      if (value === null) return undefined;
      return Array.isArray(value) ? 'json' : 'object';
    default:
      return undefined;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A value as a cell of a column of `type`; `undefined` when it does not fit (it stays in `_raw`). */
export function toCell(value: unknown, type: ColumnType): Cell | undefined {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'text':
      // Scalars widen to text losslessly; an object in a text column keeps its JSON.
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
      return JSON.stringify(value) ?? null;
    case 'bigint':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'timestamp': {
      if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined;
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? undefined : date;
    }
    case 'json':
      return JSON.stringify(value);
  }
}

/**
 * How one stream's records become one table's rows: columns from the schema's declared fields and from the data
 * (a new field adds a column), nested objects flattened to `parent__child` up to `maxDepth`, arrays and deeper objects
 * as JSON columns, the whole record in `_raw`. Column types are fixed once created: a value of another type lands as
 * null in its column (the record keeps it in `_raw`) and is reported once per column as a warning.
 */
export class TablePlan {
  readonly table: string;
  readonly primaryKey: readonly string[];
  private readonly keyFields: readonly string[];
  private readonly hints: SchemaHints;
  private readonly maxDepth: number;
  /** The table's columns as the destination reported them, in table order. */
  private columns: Column[] = [];
  private readonly index = new Map<string, number>();
  /** Which field path owns a column name (two paths normalizing to one name: the first keeps it). */
  private readonly owners = new Map<string, string>();
  private readonly warned = new Set<string>();
  /** The field paths seen so far, as a tree (top-level fields, their children…). */
  private readonly fields = new Map<string, FieldNode>();
  readonly warnings: string[] = [];

  constructor(options: TablePlanOptions) {
    this.table = options.table;
    this.keyFields = options.primaryKey;
    this.primaryKey = options.primaryKey.map((field) => columnName([field]));
    this.hints = options.hints;
    this.maxDepth = options.maxDepth;
  }

  /** The table before any record: key columns, the schema's declared fields, the bookkeeping columns. */
  initialSpec(): TableSpec {
    const columns = new Map<string, ColumnType>();
    for (const [i, field] of this.keyFields.entries()) {
      const hint = this.hints.hint([field]);
      columns.set(this.primaryKey[i]!, hint === undefined || hint === 'object' || hint === 'json' ? 'text' : hint);
      this.owners.set(this.primaryKey[i]!, field);
    }
    for (const { path, type } of this.hints.declaredPaths()) {
      if (path.length > this.maxDepth) continue;
      const name = columnName(path);
      if (RESERVED.has(name) || !this.claim(name, path)) continue;
      if (!columns.has(name)) columns.set(name, type);
    }
    for (const c of BOOKKEEPING_COLUMNS) columns.set(c.name, c.type);
    return { name: this.table, primaryKey: this.primaryKey, columns: [...columns].map(([name, type]) => ({ name, type })) };
  }

  /** Takes the table's columns as the destination has them now. */
  useColumns(columns: readonly Column[]): void {
    this.columns = [...columns];
    this.index.clear();
    for (const [i, c] of this.columns.entries()) this.index.set(c.name, i);
  }

  spec(extra: readonly Column[] = []): TableSpec {
    return { name: this.table, primaryKey: this.primaryKey, columns: [...this.columns, ...extra] };
  }

  currentColumns(): readonly Column[] {
    return this.columns;
  }

  private claim(name: string, path: readonly string[]): boolean {
    const key = path.join('\u0000');
    const owner = this.owners.get(name);
    if (owner === undefined) {
      this.owners.set(name, key);
      return true;
    }
    return owner === key;
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(message);
  }

  private node(parent: Map<string, FieldNode>, parentPath: readonly string[], key: string): FieldNode {
    let node = parent.get(key);
    if (node === undefined) {
      const path = [...parentPath, key];
      node = { path, name: columnName(path), hint: this.hints.hint(path) };
      parent.set(key, node);
    }
    return node;
  }

  private ownership(node: FieldNode): 'yes' | 'reserved' | 'taken' {
    if (node.owns !== undefined) return node.owns;
    if (RESERVED.has(node.name)) {
      this.warnOnce(`reserved:${node.name}`, `field ${node.path.join('.')} is named like a bookkeeping column (${node.name}): it stays in _raw only`);
      node.owns = 'reserved';
    } else if (!this.claim(node.name, node.path)) {
      this.warnOnce(`collision:${node.name}`, `field ${node.path.join('.')} normalizes to column ${node.name}, which another field has: it stays in _raw only`);
      node.owns = 'taken';
    } else {
      node.owns = 'yes';
    }
    return node.owns;
  }

  /** The record's fields as columns. */
  flatten(record: Record<string, unknown>): FlatRecord {
    const out: FlatRecord = { names: [], values: [], types: [] };
    const visit = (object: Record<string, unknown>, fields: Map<string, FieldNode>, path: readonly string[]): void => {
      for (const key in object) {
        if (!Object.hasOwn(object, key)) continue;
        const value = object[key];
        const node = this.node(fields, path, key);
        const hint = node.hint;
        const inferred = inferType(value);
        if (inferred === 'object' && hint !== 'json' && hint !== 'text' && node.path.length < this.maxDepth) {
          visit(value as Record<string, unknown>, (node.children ??= new Map()), node.path);
          continue;
        }
        if (this.ownership(node) !== 'yes') continue;
        out.names.push(node.name);
        out.values.push(value);
        out.types.push(inferred === undefined ? undefined : inferred === 'object' ? 'json' : hint !== undefined && hint !== 'object' ? hint : inferred);
      }
    };
    visit(record, this.fields, []);
    return out;
  }

  /** Columns some of these records need that the table does not have yet. */
  missingColumns(records: readonly FlatRecord[]): Column[] {
    const missing = new Map<string, ColumnType>();
    for (const record of records) {
      for (let i = 0; i < record.names.length; i++) {
        const name = record.names[i]!;
        const type = record.types[i];
        if (type !== undefined && !this.index.has(name) && !missing.has(name)) missing.set(name, type);
      }
    }
    return [...missing].map(([name, type]) => ({ name, type }));
  }

  /** The record's primary key as one string (for dedupe), or an error when a key field is missing or not a scalar. */
  keyOf(record: Record<string, unknown>): string | { error: string } {
    const parts: unknown[] = [];
    for (const field of this.keyFields) {
      const value = record[field];
      if (value === null || value === undefined) return { error: `primary key field ${field} is missing` };
      if (typeof value === 'object') return { error: `primary key field ${field} is not a scalar` };
      parts.push(value);
    }
    return JSON.stringify(parts);
  }

  /** One row, aligned with the table's columns. */
  row(flat: FlatRecord, raw: string, extractedAt: Date, deleted: boolean): Cell[] {
    const cells: Cell[] = new Array<Cell>(this.columns.length).fill(null);
    for (let k = 0; k < flat.names.length; k++) {
      const name = flat.names[k]!;
      const value = flat.values[k];
      const i = this.index.get(name);
      if (i === undefined) continue;
      const column = this.columns[i]!;
      const cell = toCell(value, column.type);
      if (cell === undefined) {
        this.warnOnce(`type:${name}`, `column ${name} is ${column.type} but a record has ${Array.isArray(value) ? 'an array' : typeof value} there: such values land as null in the column and stay in _raw`);
        continue;
      }
      cells[i] = cell;
    }
    const set = (name: string, cell: Cell) => {
      const i = this.index.get(name);
      if (i !== undefined) cells[i] = cell;
    };
    set('_raw', raw);
    set('_extracted_at', extractedAt);
    set('_deleted', deleted);
    return cells;
  }
}
