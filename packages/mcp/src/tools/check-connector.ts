import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { checkConnector, formatCheck } from '@cf/cli';
import { guarded, toolResult } from '../tool-result.js';
import type { Workspace } from '../workspace.js';
import { connectorInput } from './add-resource-input.js';

/** `check_connector`: the CLI's `checkConnector` (as `cf check`): core's conformance suite against the connector's own mocks. */
export function registerCheckConnector(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    'check_connector',
    {
      title: 'Check conformance',
      description:
        "Runs core's conformance suite (as `cf check`) against a connector through its own mocks, offline: each rule passed, failed (with the reason) or not applicable, and the compliance percentage. 100 % is done. For a failed rule, call explain_failure with its id. Takes seconds: it runs the package's test/conformance.test.ts with vitest.",
      inputSchema: { connector: connectorInput.describe('The connector package: a path in the workspace, a name for packages/connector-<name>, or a registry name ("frankfurter").') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(async ({ connector }, extra) => {
      // A package in the workspace by path or name; otherwise the CLI looks the name up in its registry.
      const dir = workspace.connectorDir(connector);
      const result = await checkConnector({ target: dir ?? connector, cwd: workspace.root, signal: extra.signal });
      const failing = result.reports.flatMap((r) => r.results.filter((x) => x.status === 'failed').map((x) => ({ connector: r.connector, id: x.id, reason: x.reason ?? x.title })));
      const summary = [
        formatCheck(result),
        result.compliance === 100 ? 'Done: 100 % of applicable rules pass.' : `Not done: ${failing.length} rule(s) fail. explain_failure says what each requires and which core primitive provides it.`,
      ].join('\n\n');
      return toolResult(summary, { ...result, failing, ...(dir ? { dir: workspace.relative(dir) } : {}) });
    }),
  );
}
