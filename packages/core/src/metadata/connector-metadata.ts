import { z } from 'zod';

/** The registry record every connector ships (`src/metadata.ts`), validated by this schema. */
export const connectorMetadataSchema = z
  .object({
    /** Registry name: lower-case, used by `cf extract <name>`. */
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    displayName: z.string().min(1),
    packageName: z.string().regex(/^@cf\/connector-[a-z0-9-]+$/),
    description: z.string().min(10),
    /** The API version covered, e.g. `v1`, `2025-01`, `crm/v3`. */
    apiVersion: z.string().min(1),
    docsUrl: z.url(),
    baseUrl: z.url(),
    auth: z.array(z.enum(['none', 'api-key', 'bearer', 'basic', 'oauth2'])).min(1),
    /** Environment variables holding credentials, as named in the README. */
    envVars: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)),
    resources: z.array(z.string().min(1)).min(1),
    limits: z.array(
      z.object({
        name: z.string(),
        limit: z.number().positive(),
        intervalMs: z.number().positive(),
        source: z.string().min(1),
      }),
    ),
    maintainers: z.array(z.string().min(1)).min(1),
  })
  .strict();

export type ConnectorMetadata = z.infer<typeof connectorMetadataSchema>;

export function defineMetadata(metadata: ConnectorMetadata): ConnectorMetadata {
  return connectorMetadataSchema.parse(metadata);
}
