import { AuthError, NotFoundError, type ConnectorError, type ErrorContext } from '@cf/core';
import * as z from '@cf/core/zod';

/** The API's error body. Replace with its documented shape. */
export const errorBodySchema = z.lazySchema(() => z.looseObject({ error: z.looseObject({ message: z.string(), requestId: z.optional(z.string()) }) }));
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * Maps the API's error body: the API's message and request id (`details.apiRequestId`) on core's error, and a
 * message that says what to do for the statuses a user can fix. Anything else keeps core's default class.
 */
export function map{{pascalName}}Error(ctx: ErrorContext): ConnectorError | undefined {
  const parsed = errorBodySchema.safeParse(ctx.body);
  if (!parsed.success) return undefined;
  const { message, requestId } = parsed.data.error;
  const details = requestId !== undefined ? { apiRequestId: requestId } : {};
  const common = { status: ctx.status, body: ctx.body, source: '{{name}}', details, retryAfterMs: ctx.retryAfterMs };
  if (ctx.status === 401 || ctx.status === 403) {
    return new AuthError({ ...common, message: `{{displayName}} rejected the token ("${message}"): check {{envPrefix}}_TOKEN and its scopes.` });
  }
  if (ctx.status === 404) return new NotFoundError({ ...common, message: `{{displayName}} found nothing there ("${message}").` });
  const error = ctx.defaultError;
  error.details = { ...error.details, ...details };
  return error;
}
