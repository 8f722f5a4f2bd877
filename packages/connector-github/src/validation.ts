import * as z from '@cf/core/zod';

/**
 * Input rules shared by the resources, checked before the network (VALIDATION_ERROR naming the field and rule).
 * Names follow GitHub's own rules: an account login is 1-39 letters, digits or single hyphens; a repository name
 * is 1-100 letters, digits, `.`, `_` or `-` (and never `.` or `..`). GitHub answers 404 for anything else.
 */

/** A user or organization login. */
export const ownerSchema = z.lazySchema(() =>
  z.string({ error: 'must be a string' }).check(z.regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'must be a GitHub login: 1-39 letters, digits or single hyphens, not starting with a hyphen')),
);

/** A repository name (without the owner). */
export const repoSchema = z.lazySchema(() =>
  z
    .string({ error: 'must be a string' })
    .check(
      z.regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be a repository name: 1-100 letters, digits, ".", "_" or "-" (pass owner and repo separately)'),
      z.refine((name) => name !== '.' && name !== '..', 'must not be "." or ".."'),
    ),
);

/** An issue or pull request number. */
export const numberSchema = z.lazySchema(() => z.int('must be an integer').check(z.gte(1, 'must be a positive issue or pull request number')));

/** A database id (a comment's, a release's). */
export const idSchema = z.lazySchema(() => z.int('must be an integer').check(z.gte(1, 'must be a positive id')));

/** A commit SHA or a branch or tag name, as the `sha` parameter of the commits list takes it. */
export const refSchema = z.lazySchema(() =>
  z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty'), z.maxLength(255, 'must be at most 255 characters'), z.regex(/^[^\s~^:?*[\\]+$/, 'must be a SHA, branch or tag name (no spaces or ~^:?*[\\)')),
);

/** A file path in a repository (the commits list's `path`). */
export const pathSchema = z.lazySchema(() => z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty'), z.maxLength(4096, 'must be at most 4096 characters')));

/** A timestamp: a Date, or an ISO 8601 string GitHub accepts (`2024-05-01`, `2024-05-01T10:00:00Z`). Sent as ISO 8601 in UTC. */
export const timestampSchema = z.lazySchema(() =>
  z.pipe(
    z.union([z.date(), z.string()], { error: 'must be a Date or an ISO 8601 timestamp' }),
    z.transform((value, ctx) => {
      const ms = value instanceof Date ? value.getTime() : /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(value) ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(ms)) {
        ctx.issues.push({ code: 'custom', input: value, message: 'must be a Date or an ISO 8601 timestamp such as 2024-05-01T10:00:00Z' });
        return z.NEVER;
      }
      return new Date(ms).toISOString().replace('.000Z', 'Z');
    }),
  ),
);

/** `per_page`: GitHub's maximum is 100 (it silently answers 100 for more; the connector refuses instead). */
export const pageSizeSchema = z.lazySchema(() =>
  z.int('must be an integer').check(z.gte(1, 'must be at least 1'), z.lte(100, "must be at most 100 (GitHub's per_page maximum)")),
);

/** A page's checkpoint (the next page's URL, as `.pages()` gives it) to resume a list from. */
export const startUrlSchema = z.lazySchema(() => z.url({ protocol: /^https?$/, error: "must be a page's checkpoint: the absolute URL .pages() gave" }));

/** A label name, as the comma-separated `labels` filter takes it. */
export const labelNameSchema = z.lazySchema(() =>
  z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty'), z.maxLength(100, 'must be at most 100 characters'), z.refine((l) => !l.includes(','), 'must not contain "," (labels are sent comma-separated)')),
);
