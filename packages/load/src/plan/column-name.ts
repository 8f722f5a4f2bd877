import { createHash } from 'node:crypto';

/** Postgres truncates identifiers past 63 bytes; every destination gets names that fit. */
export const MAX_IDENTIFIER_BYTES = 63;
/** Nested objects flatten into `parent__child` columns. */
export const NESTING_SEPARATOR = '__';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Whether a name is already a safe, normalized identifier. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES;
}

/**
 * One field name as a column-name segment: camelCase → snake_case, a sign before a number spelled out (`+1` →
 * `plus_1`, `-1` → `minus_1`: GitHub's reaction counts would otherwise share one column), anything else but
 * `[a-z0-9_]` → `_`, a leading digit prefixed with `_` (`createdAt` → `created_at`, `hs_object_id` stays, `2fa` →
 * `_2fa`, `é` → `_`).
 */
export function normalizeSegment(field: string): string {
  const snake = field
    .replace(/(^|[^A-Za-z0-9])\+(?=[0-9])/g, '$1plus_')
    .replace(/(^|[^A-Za-z0-9])-(?=[0-9])/g, '$1minus_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  // `__` separates nesting levels: a field's own run of underscores collapses to one.
  const collapsed = snake.replace(/_{2,}/g, '_');
  const safe = collapsed === '' ? '_' : collapsed;
  return /^[0-9]/.test(safe) ? `_${safe}` : safe;
}

/** Makes a name fit the identifier limit: truncated, with a short hash of the whole so two long names stay apart. */
export function fitIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER_BYTES - hash.length - 1)}_${hash}`;
}

/** A field path (`['properties', 'firstName']`) as a column name (`properties__first_name`). */
export function columnName(path: readonly string[]): string {
  return fitIdentifier(path.map(normalizeSegment).join(NESTING_SEPARATOR));
}

/** A stream's table: `<connector>_<stream>` (`hubspot_contacts`), with an optional prefix. */
export function tableName(connector: string, stream: string, prefix = ''): string {
  return fitIdentifier(`${prefix}${normalizeSegment(connector)}_${normalizeSegment(stream)}`);
}
