import * as z from '@cf/core/zod';

/**
 * Schemas shared by the resources. Money stays a decimal string with its currency (Shopify's `MoneyV2`),
 * never a float; `UnsignedInt64` counts stay strings; unknown fields pass through.
 */

/** A decimal amount as Shopify sends it: `"19.99"`, `"-5.00"`, `"0.0"`. */
export const decimalString = z.lazySchema(() => z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "19.99"')));

/** ISO 4217 code (or Shopify's `XXX` for "no currency"). */
export const currencyCode = z.lazySchema(() => z.string().check(z.regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code')));

/** The zod schema of Shopify's `MoneyV2`: `amount` as a decimal string and its `currencyCode`. */
export const moneySchema = z.lazySchema(() => z.looseObject({ amount: decimalString, currencyCode }));
/**
 * An amount as Shopify's `MoneyV2`: `amount` a decimal string (never a float, e.g. `"19.99"`) and `currencyCode` (ISO
 * 4217).
 */
export type Money = z.infer<typeof moneySchema>;

/** An amount in the shop's currency and in the currency the customer saw. */
export const moneyBagSchema = z.lazySchema(() => z.looseObject({ shopMoney: moneySchema, presentmentMoney: z.optional(moneySchema) }));
/**
 * An amount in the shop's currency (`shopMoney`) and, when it differs, the currency the customer saw
 * (`presentmentMoney`).
 */
export type MoneyBag = z.infer<typeof moneyBagSchema>;

/** ISO 8601 date-time as Shopify sends it (UTC, `Z`). */
export const dateTime = z.lazySchema(() => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO 8601 date-time')));

/** `UnsignedInt64` (counts, quantities on some types): a string of digits. */
export const unsignedInt64 = z.lazySchema(() => z.pipe(z.union([z.string().check(z.regex(/^\d+$/)), z.int().check(z.nonnegative())]), z.transform(String)));

export const countSchema = z.lazySchema(() => z.looseObject({ count: z.int().check(z.nonnegative()) }));

export const pageInfoSchema = z.lazySchema(() => z.looseObject({
  hasNextPage: z.boolean(),
  endCursor: z.optional(z.nullable(z.string())),
}));

/** A connection as the resources request it: `nodes` plus `pageInfo`. */
export function connectionSchema<T extends z.ZodType>(node: T) {
  return z.looseObject({ nodes: z.array(node), pageInfo: pageInfoSchema });
}

/** A user error from a mutation payload: `field` is a path into the input, or null. */
export const userErrorSchema = z.lazySchema(() => z.looseObject({
  field: z.optional(z.nullable(z.array(z.string()))),
  message: z.string(),
  code: z.optional(z.nullable(z.string())),
}));
/** A mutation's user error: `message`, `field` (a path into the input, or null) and, on some payloads, `code`. */
export type UserError = z.infer<typeof userErrorSchema>;
