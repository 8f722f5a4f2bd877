import { ValidationError } from '../errors/error-classes.js';

/** Response headers, lower-cased names, multiple values joined with ", ". */
export type HeaderMap = Record<string, string>;

/** Normalizes undici's header object into lower-case single strings. */
export function toHeaderMap(raw: Record<string, string | string[] | undefined>): HeaderMap {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Rejects CR/LF (header injection) and returns lower-cased names. */
export function sanitizeHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) {
      throw new ValidationError({
        message: `Header "${name.replace(/[\r\n]/g, '')}" contains CR or LF characters, which are not allowed in header values.`,
        issues: [{ path: `headers.${name}`, message: 'must not contain CR or LF' }],
      });
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}
