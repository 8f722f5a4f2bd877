import type { Cell, Column } from '../destination.js';
import { DestinationError } from '../errors.js';

/**
 * Rows in COPY's text format (tab-separated, `\N` for null, one line per row), the fastest way into Postgres.
 *
 * Escaping: backslash, tab, newline and carriage return become `\\`, `\t`, `\n`, `\r`; every other character goes as
 * is (the connection's client_encoding is UTF8). A JavaScript string with a lone surrogate is sent as U+FFFD.
 *
 * NUL (U+0000): Postgres cannot store it in `text` nor in `jsonb` (which refuses the `\u0000` escape too). It is
 * dropped: removed from text cells, and the `\u0000` escapes are removed from the strings of JSON cells (`_raw`
 * included), so `"a\u0000b"` lands as `"ab"`. Lone UTF-16 surrogate escapes in JSON (`\ud83d` without its pair),
 * which jsonb refuses as well, become `\ufffd`. Everything else round-trips exactly.
 */

/** Rows per chunk handed to the COPY stream: big enough to amortize the write calls, small enough to stream. */
const CHUNK_ROWS = 1000;

/** One cell as its COPY text: `\N` for null. Throws (a plain Error, with no value in it) on a cell it cannot encode. */
type Encoder = (cell: Cell) => string;

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '' };
const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPE_ALL = /[\\\t\n\r\0]/g;

/** A string as a COPY text field: escaped, NUL removed. */
export function escapeCopyText(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPE_ALL, (c) => ESCAPES[c]!) : value;
}

/**
 * JSON text made acceptable to jsonb: `\u0000` escapes removed, lone surrogate escapes replaced by `\ufffd`. The
 * scan consumes `\\` pairs first, so an escaped backslash followed by `u0000` (the six characters) is left alone.
 */
export function sanitizeJsonText(json: string): string {
  if (!json.includes('\\u')) return json;
  return json.replace(/\\(\\|u0000|u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[dD][89a-fA-F][0-9a-fA-F]{2})/g, (match, escape: string) => {
    if (escape === '\\') return match;
    if (escape === 'u0000') return '';
    if (escape.length > 6) return match; // a high surrogate followed by its low surrogate: a valid pair
    return '\\ufffd';
  });
}

function invalid(what: string): never {
  throw new Error(what);
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return String(n);
}

// Rows of a page share one `_extracted_at` Date: its text is computed once.
let lastDate: Date | undefined;
let lastTime = 0;
let lastText = '';

function dateText(d: Date): string {
  const time = d.getTime();
  if (d === lastDate && time === lastTime) return lastText;
  if (Number.isNaN(time)) invalid('an invalid Date');
  lastText = d.toISOString();
  lastDate = d;
  lastTime = time;
  return lastText;
}

/** Text, bigint, double, boolean and timestamp columns: the cell's own text; the column's input function parses it. */
const scalarEncoder: Encoder = (cell) => {
  if (cell === null || cell === undefined) return '\\N';
  switch (typeof cell) {
    case 'string':
      return escapeCopyText(cell);
    case 'number':
      return numberText(cell);
    case 'boolean':
      return cell ? 'true' : 'false';
    case 'bigint':
      return String(cell);
    default:
      if (cell instanceof Date) return dateText(cell);
      return invalid(`a ${typeof cell} (expected a string, number, boolean, Date or null)`);
  }
};

/** JSON columns: the cell is JSON text (`Cell`'s contract); a number or boolean is valid JSON text as well. */
const jsonEncoder: Encoder = (cell) => {
  if (cell === null || cell === undefined) return '\\N';
  switch (typeof cell) {
    case 'string':
      return escapeCopyText(sanitizeJsonText(cell));
    case 'number':
      return Number.isFinite(cell) ? String(cell) : 'null';
    case 'boolean':
      return cell ? 'true' : 'false';
    default:
      if (cell instanceof Date) return JSON.stringify(dateText(cell));
      return invalid(`a ${typeof cell} (expected JSON text)`);
  }
};

export function encoderFor(column: Column): Encoder {
  return column.type === 'json' ? jsonEncoder : scalarEncoder;
}

/**
 * The rows as COPY text chunks of CHUNK_ROWS lines. A row of the wrong length or a cell that cannot be encoded
 * throws a DestinationError naming the row (1-based) and the column, never the value.
 */
export function* copyTextChunks(label: string, columns: readonly Column[], rows: readonly (readonly Cell[])[]): Generator<string> {
  const encoders = columns.map(encoderFor);
  const width = columns.length;
  let chunk = '';
  let inChunk = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length !== width) throw new DestinationError(label, `row ${r + 1} of the batch has ${row.length} cells for ${width} columns.`);
    let c = 0;
    try {
      let line = encoders[0]!(row[0]!);
      for (c = 1; c < width; c++) line += `\t${encoders[c]!(row[c]!)}`;
      chunk += `${line}\n`;
    } catch (error) {
      throw new DestinationError(label, `row ${r + 1} of the batch, column ${columns[c]!.name}: cannot store ${(error as Error).message}.`);
    }
    if (++inChunk === CHUNK_ROWS) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (inChunk > 0) yield chunk;
}
