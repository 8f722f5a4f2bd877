import { safeParse } from '../schema/zod.js';
import type { $ZodError, $ZodType, output } from 'zod/v4/core';
import { ValidationError } from '../errors/error-classes.js';

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(root)';
}

/** Turns a zod error into VALIDATION_ERROR with one issue per path. */
export function zodToValidationError(error: $ZodError, what: string, source?: string, extra: { status?: number } = {}): ValidationError {
  const issues = error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const summary = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ');
  return new ValidationError({
    message: `${what}: ${summary}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`,
    issues,
    source,
    status: extra.status,
  });
}

/** Validates input before the network; the error names each field and rule. */
export function validateInput<S extends $ZodType>(schema: S, value: unknown, what = 'Invalid input', source?: string): output<S> {
  const result = safeParse(schema, value);
  if (!result.success) throw zodToValidationError(result.error, what, source);
  return result.data;
}
