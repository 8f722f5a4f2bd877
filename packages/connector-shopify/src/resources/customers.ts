import type { CallOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import type { ShopifyContext } from '../context.js';
import { gidSchema, isGid } from '../gid.js';
import { dateTime, moneySchema, unsignedInt64 } from '../schemas.js';
import { SyncableConnectionResource } from './connection-resource.js';
import { runMutation, USER_ERRORS, userErrorsField } from './mutations.js';

/**
 * https://shopify.dev/docs/api/admin-graphql/2025-07/objects/Customer. The e-mail comes from
 * `defaultEmailAddress` (2025-04+): `Customer.email` is deprecated.
 */
export const customerSchema = z.lazySchema(() => z.looseObject({
  id: gidSchema('Customer'),
  firstName: z.nullable(z.string()),
  lastName: z.nullable(z.string()),
  displayName: z.string(),
  state: z.string(),
  createdAt: dateTime,
  updatedAt: dateTime,
  numberOfOrders: unsignedInt64,
  tags: z.array(z.string()),
  verifiedEmail: z.boolean(),
  defaultEmailAddress: z.nullable(z.looseObject({ emailAddress: z.nullable(z.string()), marketingState: z.optional(z.nullable(z.string())) })),
  defaultPhoneNumber: z.nullable(z.looseObject({ phoneNumber: z.string() })),
  amountSpent: moneySchema,
}));
/**
 * A customer as the default selection reads it: names, `state`, dates, `numberOfOrders` (a string of digits), `tags`,
 * the default e-mail address (with its marketing state) and phone number, and `amountSpent` (money as a decimal
 * string).
 */
export type Customer = z.infer<typeof customerSchema>;

/** Default node selection: 4 points per customer, so pages hold 249 customers. */
export const CUSTOMER_FIELDS =
  'id firstName lastName displayName state createdAt updatedAt numberOfOrders tags verifiedEmail ' +
  'defaultEmailAddress { emailAddress marketingState } defaultPhoneNumber { phoneNumber } amountSpent { amount currencyCode }';

/** The `sortKey` values `customers.list()` accepts (Shopify's `CustomerSortKeys`). */
export const CUSTOMER_SORT_KEYS = ['CREATED_AT', 'ID', 'LOCATION', 'NAME', 'RELEVANCE', 'UPDATED_AT'] as const;
/** One of `CUSTOMER_SORT_KEYS`. */
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

const email = z.lazySchema(() => z.email({ error: 'must be an e-mail address' }));
const phone = z.lazySchema(() => z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'must be in E.164 format, e.g. +16135551111')));
// A function, not an object: its schemas are built with the input schema that uses them, not on import.
const customerFieldsInput = () => ({
  firstName: z.optional(z.string().check(z.maxLength(255))),
  lastName: z.optional(z.string().check(z.maxLength(255))),
  email: z.optional(email),
  phone: z.optional(phone),
  note: z.optional(z.string().check(z.maxLength(5000))),
  tags: z.optional(z.array(z.string().check(z.maxLength(255))).check(z.maxLength(250, 'at most 250 tags'))),
  taxExempt: z.optional(z.boolean()),
});

/** `CustomerInput` for `customerCreate`: at least a name, an e-mail or a phone number. */
export const customerCreateInputSchema = z.lazySchema(() => z.looseObject(customerFieldsInput()).check(
  z.refine((v) => Boolean(v.email ?? v.phone ?? v.firstName ?? v.lastName), {
    message: 'a customer needs at least an email, a phone, a firstName or a lastName',
    path: ['email'],
  }),
));
/**
 * The input of `customers.create()`: names, `email`, `phone` (E.164), `note`, up to 250 `tags`, `taxExempt`; at least
 * a name, an e-mail or a phone. Validated before the network.
 */
export type CustomerCreateInput = z.input<typeof customerCreateInputSchema>;

/**
 * The zod schema of `customers.update()`'s input: the customer's GID (`id`) and the fields to change, checked as for
 * create.
 */
export const customerUpdateInputSchema = z.lazySchema(() => z.looseObject({
  id: z.string().check(z.refine((v) => isGid(v, 'Customer'), 'must be a Customer GID (gid://shopify/Customer/123)')),
  ...customerFieldsInput(),
}));
/** The input of `customers.update()`: the customer's GID (`id`) and the fields to change. */
export type CustomerUpdateInput = z.input<typeof customerUpdateInputSchema>;

const customerPayload = z.lazySchema(() => z.looseObject({ customer: z.nullable(customerSchema), ...userErrorsField() }));
/**
 * What `customers.create()` and `update()` return: the `customer` and `userErrors` (empty: user errors are thrown as
 * a typed error).
 */
export type CustomerPayload = z.infer<typeof customerPayload>;

/** Customers: `list`, `get`, `changedSince`, and the `customerCreate` / `customerUpdate` mutations. */
export class Customers extends SyncableConnectionResource<Customer, CustomerSortKey> {
  constructor(ctx: ShopifyContext) {
    super(ctx, {
      root: 'customers',
      single: 'customer',
      type: 'Customer',
      sort: { type: 'CustomerSortKeys', keys: CUSTOMER_SORT_KEYS },
      fields: CUSTOMER_FIELDS,
      node: customerSchema,
    });
  }

  /** `customerCreate`: https://shopify.dev/docs/api/admin-graphql/2025-07/mutations/customerCreate */
  create(input: CustomerCreateInput, call?: CallOptions): Promise<CustomerPayload> {
    return runMutation(
      this.ctx,
      {
        name: 'customerCreate',
        document: `mutation CustomerCreate($input: CustomerInput!) {\n  customerCreate(input: $input) { customer { ${CUSTOMER_FIELDS} } ${USER_ERRORS} }\n}`,
        input: customerCreateInputSchema,
        variables: (valid) => ({ input: valid }),
        payload: customerPayload,
      },
      input,
      call,
    );
  }

  /** `customerUpdate`: https://shopify.dev/docs/api/admin-graphql/2025-07/mutations/customerUpdate */
  update(input: CustomerUpdateInput, call?: CallOptions): Promise<CustomerPayload> {
    return runMutation(
      this.ctx,
      {
        name: 'customerUpdate',
        document: `mutation CustomerUpdate($input: CustomerInput!) {\n  customerUpdate(input: $input) { customer { ${CUSTOMER_FIELDS} } ${USER_ERRORS} }\n}`,
        input: customerUpdateInputSchema,
        variables: (valid) => ({ input: valid }),
        payload: customerPayload,
      },
      input,
      call,
    );
  }
}
