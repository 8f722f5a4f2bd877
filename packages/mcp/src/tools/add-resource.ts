import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { addResource } from '@cf/cli';
import { guarded, toolResult } from '../tool-result.js';
import type { Workspace } from '../workspace.js';
import { connectorInput, resourceFields } from './add-resource-input.js';

/** `add_resource`: the CLI's `addResource` on a connector inside the workspace. */
export function registerAddResource(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    'add_resource',
    {
      title: 'Add a resource from a sample response',
      description:
        "Adds a resource to a connector made by scaffold_connector: src/resources/<name>.ts with a schema inferred from `sample` in zod's mini API from @cf/core/zod (z.looseObject, z.nullable where null was seen, z.optional where a field is sometimes missing) and one method on core's pagination strategy, a mock handler serving the sample, a test asserting the outgoing requests and the typed result, all wired into the client, exports, mocks and metadata. Nothing is written if anything is wrong. Then run check_connector.",
      inputSchema: resourceFields.extend({ connector: connectorInput }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    guarded(({ connector, ...fields }) => {
      const dir = workspace.connectorDir(connector);
      if (dir === undefined) throw new McpError(ErrorCode.InvalidParams, `No connector "${connector}" in the workspace (looked for packages/connector-${connector}); give its path.`);
      const result = addResource({ ...fields, dir });
      const summary = [
        `Added ${result.property}.${result.method}() to ${workspace.relative(dir)}.`,
        `created: ${result.created.join(', ')}`,
        `updated: ${result.updated.join(', ')}`,
        'next:',
        ...result.nextSteps.map((s) => `- ${s}`),
      ].join('\n');
      return toolResult(summary, { ...result, dir: workspace.relative(dir) });
    }),
  );
}
