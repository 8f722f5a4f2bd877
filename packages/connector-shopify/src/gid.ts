import { ValidationError } from '@cf/core';
import * as z from '@cf/core/zod';

/** A Shopify global id, e.g. `gid://shopify/Order/450789469`. Typed by its resource: `Gid<'Order'>`. */
export type Gid<T extends string = string> = `gid://shopify/${T}/${string}`;

const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z][A-Za-z0-9]*)\/([^/?#\s]+)(\?[^#\s]*)?$/;

/** A Shopify global id split into its parts (`parseGid`). */
export interface ParsedGid {
  /** The resource type, e.g. `Order`. */
  type: string;
  /** The id part as a string (numeric for most resources, kept as a string so nothing is rounded). */
  id: string;
  /** Query parameters some GIDs carry (e.g. `?inventory_item_id=...` on InventoryLevel). */
  params: Record<string, string>;
}

/** Splits a GID into its type and id, or undefined when the value is not a GID. */
export function parseGid(value: string): ParsedGid | undefined {
  const match = GID_PATTERN.exec(value);
  if (!match) return undefined;
  const params = Object.fromEntries(new URLSearchParams(match[3]?.slice(1) ?? ''));
  return { type: match[1] as string, id: match[2] as string, params };
}

/** True when `value` is a GID, of `type` when given. */
export function isGid<T extends string>(value: unknown, type?: T): value is Gid<T> {
  if (typeof value !== 'string') return false;
  const parsed = parseGid(value);
  return parsed !== undefined && (type === undefined || parsed.type === type);
}

/** Builds a GID from a type and a numeric id: `toGid('Product', 42)` → `gid://shopify/Product/42`. */
export function toGid<T extends string>(type: T, id: string | number | bigint): Gid<T> {
  const text = String(id);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(type) || !/^\d+$/.test(text)) {
    throw new ValidationError({
      message: `Cannot build a GID from type "${type}" and id "${text}": the id must be a non-negative integer.`,
      issues: [{ path: 'id', message: 'must be a non-negative integer' }],
    });
  }
  const gid: Gid<T> = `gid://shopify/${type}/${text}`;
  return gid;
}

/**
 * The numeric id of a GID as a string (`"450789469"`), the form REST and admin URLs use.
 * Throws VALIDATION_ERROR when the value is not a GID with a numeric id.
 */
export function gidToId(gid: string): string {
  const parsed = parseGid(gid);
  if (!parsed || !/^\d+$/.test(parsed.id)) {
    throw new ValidationError({
      message: `"${gid}" is not a Shopify GID with a numeric id (gid://shopify/<Type>/<number>).`,
      issues: [{ path: 'gid', message: 'must be gid://shopify/<Type>/<number>' }],
    });
  }
  return parsed.id;
}

/** The numeric id of a GID as a bigint (ids are 64-bit on Shopify's side). */
export function gidToBigInt(gid: string): bigint {
  return BigInt(gidToId(gid));
}

/** Zod schema for a GID of one type (response validation); unknown types are rejected. */
export function gidSchema<T extends string>(type: T): z.ZodType<Gid<T>> {
  return z.custom<Gid<T>>((v) => isGid(v, type), { message: `must be a ${type} GID (gid://shopify/${type}/<id>)` });
}

/**
 * Normalizes a user-supplied id for `type`: a GID of that type, or a numeric id (number or digits) that is
 * turned into one. Anything else is a VALIDATION_ERROR naming `field`, before the network.
 */
export function requireGid<T extends string>(type: T, value: unknown, field = 'id'): Gid<T> {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return toGid(type, value);
  if (typeof value === 'string' && /^\d+$/.test(value) && value !== '0') return toGid(type, value);
  if (isGid(value, type)) return value;
  const got = typeof value === 'string' ? `"${value.slice(0, 80)}"` : typeof value;
  throw new ValidationError({
    message: `${field} must be a ${type} GID (gid://shopify/${type}/123) or a positive numeric id; got ${got}.`,
    issues: [{ path: field, message: `must be a ${type} GID or a positive numeric id` }],
  });
}
