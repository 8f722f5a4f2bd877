import type { Cell, ColumnType } from '../destination.js';

/**
 * How the planner's column types map to ClickHouse's, and cells to JSONEachRow values and back.
 *
 * | ColumnType  | ClickHouse                                                                  | JSONEachRow in / out          |
 * | ----------- | --------------------------------------------------------------------------- | ----------------------------- |
 * | `text`      | `String`                                                                    | string                        |
 * | `bigint`    | `Int64`                                                                     | number / quoted string        |
 * | `double`    | `Float64`                                                                   | number (NaN, ±Inf: null)      |
 * | `boolean`   | `UInt8` (0/1; read back as boolean)                                         | 0/1                           |
 * | `timestamp` | `DateTime64(3, 'UTC')` where the server has it (19.x+), else `Decimal64(3)` | see below                     |
 * | `json`      | `String` with the column comment `json` (read back parsed)                  | the JSON text                 |
 *
 * Timestamps: ClickHouse 18.16 has no DateTime64, and its `DateTime` has whole seconds only. There a timestamp column
 * is `Decimal64(3)` (shown as `Decimal(18, 3)`): seconds since the Unix epoch in UTC with milliseconds, e.g.
 * `1704067200.123` — exactly DateTime64(3)'s own storage, lossless, a type that no other column type maps to (so it
 * is read back as a Date), and convertible in place later (`ALTER TABLE … MODIFY COLUMN at DateTime64(3, 'UTC')` on a
 * newer server). Query it as `toDateTime(toUInt32(at))` for seconds. The choice is made once per column, when the
 * column is created: a table keeps its columns' types when the server is upgraded, and both kinds are read back.
 *
 * JSON: ClickHouse 18.16 has no JSON type, and the contract says `String`. `text` and `json` columns are both
 * `String`, so the column comment `json` tells them apart on read (`ALTER … ADD COLUMN … COMMENT` silently drops the
 * comment on 18.16, so there an added JSON column gets its comment by a second ALTER … COMMENT COLUMN; a crash between
 * the two leaves a column read back as text, its cells the JSON text).
 *
 * Every column is `Nullable` except the primary key's (a sorting key cannot be nullable) and `_version`.
 */

/** The comment that marks a `String` column as JSON text. */
export const JSON_COMMENT = 'json';

/** What the server can do, found out on `open()`. */
export interface ServerCapabilities {
  dateTime64: boolean;
}

/** The ClickHouse type (and comment) a new column of `type` gets. */
export function clickhouseTypeFor(type: ColumnType, capabilities: ServerCapabilities, nullable: boolean): { type: string; comment?: string } {
  let base: string;
  switch (type) {
    case 'text':
    case 'json':
      base = 'String';
      break;
    case 'bigint':
      base = 'Int64';
      break;
    case 'double':
      base = 'Float64';
      break;
    case 'boolean':
      base = 'UInt8';
      break;
    case 'timestamp':
      base = capabilities.dateTime64 ? "DateTime64(3, 'UTC')" : 'Decimal64(3)';
      break;
    default:
      throw new Error(`unknown column type ${String(type)}`);
  }
  const full = nullable ? `Nullable(${base})` : base;
  return type === 'json' ? { type: full, comment: JSON_COMMENT } : { type: full };
}

/** `Nullable(LowCardinality(String))` → `String`. */
export function baseType(clickhouseType: string): string {
  let t = clickhouseType.trim();
  for (;;) {
    const m = /^(?:Nullable|LowCardinality)\((.*)\)$/s.exec(t);
    if (!m) return t;
    t = m[1]!.trim();
  }
}

/** How a column is stored, for encoding and decoding its cells. */
export type StorageKind = 'string' | 'int' | 'uint8' | 'float' | 'decimal_ms' | 'datetime64' | 'datetime' | 'date' | 'decimal' | 'other';

export function storageKind(clickhouseType: string): StorageKind {
  const t = baseType(clickhouseType);
  if (t === 'String' || /^FixedString\(\d+\)$/.test(t)) return 'string';
  if (t === 'UInt8' || t === 'Bool') return 'uint8';
  if (/^U?Int(8|16|32|64|128|256)$/.test(t)) return 'int';
  if (t === 'Float32' || t === 'Float64') return 'float';
  if (/^Decimal\(18,\s*3\)$/.test(t) || t === 'Decimal64(3)') return 'decimal_ms';
  if (/^DateTime64\(/.test(t)) return 'datetime64';
  if (/^DateTime(\(.*\))?$/.test(t)) return 'datetime';
  if (t === 'Date' || t === 'Date32') return 'date';
  if (/^Decimal/.test(t)) return 'decimal';
  return 'other';
}

/** The planner's type of an existing column (a column this package did not create maps to the nearest). */
export function columnTypeOf(clickhouseType: string, comment: string): ColumnType {
  switch (storageKind(clickhouseType)) {
    case 'string':
      return comment === JSON_COMMENT ? 'json' : 'text';
    case 'uint8':
      return 'boolean';
    case 'int':
      return 'bigint';
    case 'float':
    case 'decimal':
      return 'double';
    case 'decimal_ms':
    case 'datetime64':
    case 'datetime':
    case 'date':
      return 'timestamp';
    case 'other':
      return 'text';
  }
}

/** `2024-01-02 03:04:05.678`: DateTime64(3)'s text form, in UTC (the column's time zone). */
export function formatDateTime64(date: Date): string {
  return date.toISOString().replace('T', ' ').replace(/Z$/, '');
}

/** One column's encoder: a cell to its JSONEachRow value, or a string saying why the cell does not fit. */
export type CellEncoder = (cell: Cell) => { value: unknown } | string;

const ok = (value: unknown) => ({ value });

/**
 * The encoder for a column stored as `clickhouseType` that the planner sees as `type`. Cells are checked against
 * `type` (a text cell in a bigint column is refused here, before anything is sent).
 */
export function cellEncoder(type: ColumnType, clickhouseType: string): CellEncoder {
  const kind = storageKind(clickhouseType);
  switch (type) {
    case 'text':
    case 'json':
      return (cell) => (cell === null ? ok(null) : typeof cell === 'string' ? ok(cell) : `expected a string, got ${describeCell(cell)}`);
    case 'bigint':
      return (cell) => (cell === null ? ok(null) : typeof cell === 'number' && Number.isSafeInteger(cell) ? ok(cell) : `expected a safe integer, got ${describeCell(cell)}`);
    case 'double':
      // JSON has no NaN or Infinity: they land as null.
      return (cell) => (cell === null ? ok(null) : typeof cell === 'number' ? ok(Number.isFinite(cell) ? cell : null) : `expected a number, got ${describeCell(cell)}`);
    case 'boolean':
      return (cell) => (cell === null ? ok(null) : typeof cell === 'boolean' ? ok(cell ? 1 : 0) : `expected a boolean, got ${describeCell(cell)}`);
    case 'timestamp': {
      const encode =
        kind === 'datetime64'
          ? (d: Date) => formatDateTime64(d)
          : kind === 'datetime' || kind === 'date'
            ? (d: Date) => Math.floor(d.getTime() / 1000)
            : // Decimal64(3): seconds with milliseconds. ms / 1000 as a double prints (shortest round-trip form) with at
              // most three decimals, which the server parses exactly.
              (d: Date) => d.getTime() / 1000;
      return (cell) => (cell === null ? ok(null) : cell instanceof Date && !Number.isNaN(cell.getTime()) ? ok(encode(cell)) : `expected a valid Date, got ${describeCell(cell)}`);
    }
    default:
      return () => `unknown column type ${String(type)}`;
  }
}

function describeCell(cell: Cell): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'an invalid Date' : 'a Date';
  if (typeof cell === 'number') return Number.isInteger(cell) ? `the number ${cell}` : 'a number';
  return typeof cell;
}

/** One column's decoder: a JSONEachRow value (as the server prints it) to what `readRows` returns. */
export type CellDecoder = (value: unknown) => unknown;

/** Int64 arrives quoted (output_format_json_quote_64bit_integers): a number when it is safe, else the string. */
function decodeInteger(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  }
  return value;
}

/** A Date, or the value as it came when it is not a timestamp this can read. */
function decodeTimestamp(kind: StorageKind, value: unknown): unknown {
  if (kind === 'decimal_ms') {
    const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)) : value;
  }
  if (typeof value === 'string') {
    // DateTime64 / DateTime / Date print as `YYYY-MM-DD[ hh:mm:ss[.fff]]`; this package's columns are UTC.
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : `${value.replace(' ', 'T')}Z`;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (typeof value === 'number') return new Date(value * 1000);
  return value;
}

export function cellDecoder(type: ColumnType, clickhouseType: string): CellDecoder {
  const kind = storageKind(clickhouseType);
  switch (type) {
    case 'json':
      return (value) => {
        if (typeof value !== 'string') return value;
        try {
          return JSON.parse(value) as unknown;
        } catch {
          return value;
        }
      };
    case 'text':
      return (value) => (value === null || kind === 'string' || typeof value === 'string' ? value : JSON.stringify(value));
    case 'bigint':
      return (value) => (value === null ? null : decodeInteger(value));
    case 'double':
      return (value) => (value === null ? null : typeof value === 'string' ? Number(value) : value);
    case 'boolean':
      return (value) => (value === null ? null : value === 1 || value === '1' || value === true);
    case 'timestamp':
      return (value) => (value === null ? null : decodeTimestamp(kind, value));
    default:
      return (value) => value;
  }
}
