import { formatTable } from '../format-table.js';
import { loadRegistry } from '../registry/registry.js';
import type { RegistryEntry } from '../registry/registry-schema.js';

/** The connectors in the registry this CLI ships, in name order. */
export function listConnectors(): RegistryEntry[] {
  return [...loadRegistry().connectors];
}

/** Resources as a list that fits a terminal: the first ones, then how many more (`--json` has them all). */
function resourceList(resources: readonly string[], width = 60): string {
  const all = resources.join(', ');
  if (all.length <= width) return all;
  const shown: string[] = [];
  for (const r of resources) {
    if ([...shown, r].join(', ').length > width - 12) break;
    shown.push(r);
  }
  return `${shown.join(', ')}, +${resources.length - shown.length} more`;
}

/** `cf list`: connector, package version, API version, auth, resources, compliance. */
export function formatConnectorList(entries: readonly RegistryEntry[]): string {
  return formatTable(
    ['CONNECTOR', 'VERSION', 'API VERSION', 'AUTH', 'RESOURCES', 'COMPLIANCE'],
    entries.map((c) => [
      c.name,
      c.version,
      c.apiVersion,
      c.auth.join(', '),
      resourceList(c.resources),
      c.conformance ? `${c.conformance.compliance}% (${c.conformance.passed}/${c.conformance.applicable})` : 'n/a',
    ]),
  );
}
