import { fileURLToPath } from 'node:url';
import { schemasBuiltOnImport } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';

describe('cold import', () => {
  it('builds no zod schema: every module-level schema is a z.lazySchema, built on first use', () => {
    const result = schemasBuiltOnImport(fileURLToPath(new URL('..', import.meta.url)));
    expect(result.control, 'the counter is live: z.string() after the import was counted').toBeGreaterThan(0);
    expect(result.where, 'where schemas were built on import').toEqual([]);
    expect(result.import).toBe(0);
  }, 60_000);
});
