import { z } from 'zod';

/** One connector as `registry.json` lists it: what `cf list` shows, where to install it from, how to copy it in. */
export const registryEntrySchema = z.strictObject({
  name: z.string(),
  displayName: z.string(),
  description: z.string(),
  /** The npm package: `npm install <package>`. */
  package: z.string(),
  /** The package version this registry (and the CLI that ships it) was built from. */
  version: z.string(),
  apiVersion: z.string(),
  auth: z.array(z.string()),
  envVars: z.array(z.string()),
  resources: z.array(z.string()),
  /** Resources `cf extract` streams (empty when the CLI has no adapter for the connector yet). */
  extract: z.array(z.string()),
  /** Streams `cf sync` lands in tables (`cf discover <name>` prints them with keys and JSON Schema). */
  streams: z.array(z.string()),
  /** Conformance: rules passed / applicable, and the percentage; null when the CLI cannot drive the connector. */
  conformance: z.strictObject({ passed: z.number().int(), applicable: z.number().int(), compliance: z.number().int() }).nullable(),
  docsUrl: z.string(),
  /** The copy-in install: the source directory in this repository, and the command that copies it. */
  copyIn: z.strictObject({ source: z.string(), command: z.string() }),
});

/** The zod schema of `registry.json`: how it was generated, and one entry per connector. */
export const registrySchema = z.strictObject({
  /** How the file is made; it is checked to be up to date by a test. */
  generatedBy: z.string(),
  connectors: z.array(registryEntrySchema),
});

/**
 * One connector in `registry.json`: names, package and version, auth and environment variables, resources,
 * extractable resources and streams, conformance, docs URL and copy-in source.
 */
export type RegistryEntry = z.infer<typeof registryEntrySchema>;
/** `registry.json`: `generatedBy` and the `connectors`. */
export type Registry = z.infer<typeof registrySchema>;
