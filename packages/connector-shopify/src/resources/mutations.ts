import { validateInput, type CallOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import type { ShopifyContext } from '../context.js';
import { userErrorSchema } from '../schemas.js';

/**
 * How every write runs: input validated before the network, one mutation document, the payload
 * returned. `userErrors` never come back as data: the connector's response inspection turns a
 * non-empty list into VALIDATION_ERROR with one issue per entry (`field` path and `message`).
 * A mutation is not retried after it may have run (5xx, dropped connection), only after Shopify
 * provably did not run it (THROTTLED).
 */
export interface MutationSpec<TInput, TPayload> {
  /** The mutation field, e.g. `productCreate`. */
  name: string;
  /** The full document; its variables are built by `variables`. */
  document: string;
  input: z.ZodType<TInput>;
  variables: (input: TInput) => Record<string, unknown>;
  payload: z.ZodType<TPayload>;
}

export async function runMutation<TInput, TPayload>(
  ctx: ShopifyContext,
  spec: MutationSpec<TInput, TPayload>,
  input: unknown,
  call: CallOptions = {},
): Promise<TPayload> {
  const valid = validateInput(spec.input, input, `Invalid ${spec.name} input`);
  const schema = z.looseObject({ [spec.name]: spec.payload });
  const { data } = await ctx.executor.execute(spec.document, spec.variables(valid), { ...call, schema, operation: spec.name });
  return data[spec.name] as TPayload;
}

/** The payload fields every mutation carries (a function: its schema is built with the payload's, not on import). */
export const userErrorsField = () => ({ userErrors: z.array(userErrorSchema) });

/** `userErrors { field message }` plus `code` where the payload's error type has one. */
export const USER_ERRORS = 'userErrors { field message }';
export const USER_ERRORS_WITH_CODE = 'userErrors { field message code }';
