import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { readDoc } from '../docs.js';
import { guarded, textResult } from '../tool-result.js';

/** `get_checklist`: what every connector package has. */
export function registerGetChecklist(server: McpServer): void {
  server.registerTool(
    'get_checklist',
    {
      title: 'Read the connector checklist',
      description:
        'What every connector package must have (docs/connector-checklist.md): core for resilience, a resource per file with zod schemas, input validated before the network, mapped errors, documented limits, shipped mocks, 100 % conformance, a publishable package, a metadata record.',
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(() => textResult(readDoc('checklist'))),
  );
}
