import { validateInput } from '@cf/core';
import type * as z from '@cf/core/zod';

/** Validates a caller's input before the network: VALIDATION_ERROR naming the field and the rule. */
export function parse<S extends z.Schema>(schema: S, value: unknown, method: string): z.output<S> {
  return validateInput(schema, value, `Invalid ${method}() input`, 'adsb');
}
