import * as z from '@cf/core/zod';

// The API's record shapes, shared by the resources, the streams and the mocks. Every module-level schema is a
// z.lazySchema: built on first use, so importing the package builds none (test/lazy-import.test.ts).

/** One item as the API returns it: the fields you rely on are declared, unknown ones pass through. */
export const itemSchema = z.lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    updatedAt: z.string(),
  }),
);
export type Item = z.infer<typeof itemSchema>;

/** `GET /items`: a page of items and the cursor of the next one (null on the last page). */
export const itemPageSchema = z.lazySchema(() => z.looseObject({ data: z.array(itemSchema), nextCursor: z.nullable(z.string()) }));
export type ItemPage = z.infer<typeof itemPageSchema>;
