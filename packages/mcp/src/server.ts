import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerDocResources } from './resources.js';
import { registerAddResource } from './tools/add-resource.js';
import { registerCheckConnector } from './tools/check-connector.js';
import { registerExplainFailure } from './tools/explain-failure.js';
import { registerGetChecklist } from './tools/get-checklist.js';
import { registerGetSpecification } from './tools/get-specification.js';
import { registerListConnectors } from './tools/list-connectors.js';
import { registerScaffoldConnector } from './tools/scaffold-connector.js';
import { VERSION } from './version.js';
import { Workspace } from './workspace.js';

/** Options of `createCfMcpServer`. */
export interface CfMcpServerOptions {
  /** The workspace the tools read and write in; nothing outside it is touched. @default process.cwd() */
  root?: string | undefined;
}

const INSTRUCTIONS = `Build Connector Factory connectors (typed API clients on @cf/core) and measure them.
1. get_specification and get_checklist: what core does for you, and what every connector package has.
2. scaffold_connector: a package whose unit tests pass untouched; check_connector then asks for the API's limit model and credential (src/metadata.ts); read its AGENTS.md.
3. add_resource: one resource per call, from a real sample response of the endpoint.
4. check_connector: core's conformance suite; 100 % is done. explain_failure says how to fix a failed rule.
Never write retries, rate limiters, breakers, error classes or HTTP calls in a connector: configure core.
Schemas use zod's mini API from core, never 'zod' itself: import * as z from '@cf/core/zod'; z.optional(z.string()), z.nullable(x), z.string().check(z.minLength(1)), z.extend(coreOptionsSchema, { ... }).`;

/** The Connector Factory MCP server: every tool is one of the `cf` CLI's functions, run inside the workspace. */
export function createCfMcpServer(options: CfMcpServerOptions = {}): { server: McpServer; workspace: Workspace } {
  const workspace = new Workspace(options.root ?? process.cwd());
  const server = new McpServer({ name: 'connector-factory', title: 'Connector Factory', version: VERSION }, { instructions: INSTRUCTIONS });
  registerListConnectors(server);
  registerGetSpecification(server);
  registerGetChecklist(server);
  registerScaffoldConnector(server, workspace);
  registerAddResource(server, workspace);
  registerCheckConnector(server, workspace);
  registerExplainFailure(server);
  registerDocResources(server);
  return { server, workspace };
}
