import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { addResource } from '@cf/cli';
import { guarded, toolResult } from '../tool-result.js';
import type { Workspace } from '../workspace.js';
import { addResourceFields, connectorInput, parseJsonText, parseSample, parseSamples } from './add-resource-input.js';

/** `add_resource`: the CLI's `addResource` on a connector inside the workspace. */
export function registerAddResource(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    'add_resource',
    {
      title: 'Add a resource from a sample response',
      description:
        "Adds a resource to a connector made by scaffold_connector, or a method to a resource added before: src/resources/<name>.ts with a schema inferred from `sample` and/or several `samples` (pages, or responses for different records) in zod's mini API from @cf/core/zod (z.looseObject, z.nullable where null was seen, z.optional where a field is missing from some, unions of mixed kinds) and one method: a GET on core's pagination strategy, or a write (`httpMethod` POST, PUT, PATCH, DELETE) with an input schema inferred from `requestSample` and core's idempotency rules (`idempotent`, `idempotencyKey`). Also a mock handler serving the sample (checking a write's body), a test asserting the outgoing requests, the typed result and the error cases, all wired into the client, exports, mocks, metadata and README. A method name the resource has is refused. Nothing is written if anything is wrong. Then run check_connector.",
      // `connector` as check_connector takes it, or `dir` as the CLI's addResource({ dir }) does: either names the package.
      inputSchema: addResourceFields.extend({
        connector: connectorInput.optional(),
        dir: connectorInput.optional().describe('The same as `connector` (the name addResource() in @cf/cli uses): give one of them.'),
      }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    guarded(({ connector: byConnector, dir: byDir, sample, samples, requestSample, ...fields }) => {
      if (byConnector !== undefined && byDir !== undefined && byConnector !== byDir) {
        throw new McpError(ErrorCode.InvalidParams, `connector "${byConnector}" and dir "${byDir}" name different packages: give one of them.`);
      }
      const connector = byConnector ?? byDir;
      if (connector === undefined) throw new McpError(ErrorCode.InvalidParams, 'Name the connector package: `connector` (or `dir`), a path in the workspace or a name for packages/connector-<name>.');
      const dir = workspace.connectorDir(connector);
      if (dir === undefined) throw new McpError(ErrorCode.InvalidParams, `No connector "${connector}" in the workspace (looked for packages/connector-${connector}); give its path.`);
      // Every body given as JSON text is read before anything is written.
      const parsed = { sample: parseSample(sample), samples: parseSamples(samples), requestSample: parseJsonText('requestSample', requestSample) };
      const result = addResource({ ...fields, ...parsed, dir });
      const summary = [
        `Added ${result.property}.${result.method}() to ${workspace.relative(dir)}${result.addedToExisting ? ` (to its existing ${result.property} resource)` : ''}.`,
        `created: ${result.created.join(', ')}`,
        `updated: ${result.updated.join(', ')}`,
        'next:',
        ...result.nextSteps.map((s) => `- ${s}`),
      ].join('\n');
      return toolResult(summary, { ...result, dir: workspace.relative(dir) });
    }),
  );
}
