import { ValidationError } from '../errors/error-classes.js';

/** Response headers, lower-cased names, multiple values joined with ", ". */
export type HeaderMap = Record<string, string>;

/** Normalizes undici's header object into lower-case single strings. */
export function toHeaderMap(raw: Record<string, string | string[] | undefined>): HeaderMap {
  const out: HeaderMap = {};
  for (const name in raw) {
    const value = raw[name];
    if (value === undefined) continue;
    out[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return out;
}

const CR_OR_LF = /[\r\n]/;

/**
 * Rejects CR/LF (header injection) and returns lower-cased names without undefined values: `headers` itself
 * when it already is so (the common case: no copy), else a copy.
 */
export function sanitizeHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  let clean = true;
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || name !== name.toLowerCase()) clean = false;
    else if (CR_OR_LF.test(name) || CR_OR_LF.test(value)) clean = false;
    if (!clean) break;
  }
  return clean ? (headers as Record<string, string>) : sanitizedCopy(headers);
}

function sanitizedCopy(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    if (CR_OR_LF.test(name) || CR_OR_LF.test(value)) {
      throw new ValidationError({
        message: `Header "${name.replace(/[\r\n]/g, '')}" contains CR or LF characters, which are not allowed in header values.`,
        issues: [{ path: `headers.${name}`, message: 'must not contain CR or LF' }],
      });
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}
