import registryJson from '../../../../registry.json' with { type: 'json' };
import { usageError } from '../cli-error.js';
import { registrySchema, type Registry, type RegistryEntry } from './registry-schema.js';

let cached: Registry | undefined;

/** The registry this CLI was built with (`registry.json` at the repository root, bundled into the build). */
export function loadRegistry(): Registry {
  cached ??= registrySchema.parse(registryJson);
  return cached;
}

/** The registry entry for `name`, or a usage error listing the known connectors. */
export function registryEntryFor(name: string): RegistryEntry {
  const entry = loadRegistry().connectors.find((c) => c.name === name);
  if (!entry) throw usageError(`Unknown connector "${name}". Known: ${loadRegistry().connectors.map((c) => c.name).join(', ')} (see cf list).`);
  return entry;
}
