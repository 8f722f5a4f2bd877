import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { formatConnectorList, listConnectors } from '@cf/cli';
import { guarded, toolResult } from '../tool-result.js';

/** `list_connectors`: the registry, as `cf list` prints it. */
export function registerListConnectors(server: McpServer): void {
  server.registerTool(
    'list_connectors',
    {
      title: 'List connectors',
      description:
        'The connectors in the Connector Factory registry (as `cf list`): name, package, version, API version, auth kinds, resources, limits and conformance compliance. Read one to see how a finished connector is shaped.',
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(() => {
      const connectors = listConnectors();
      return toolResult(formatConnectorList(connectors), { connectors });
    }),
  );
}
