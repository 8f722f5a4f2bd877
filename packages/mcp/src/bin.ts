#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { clientConfig, MCP_CLIENTS, type McpClient } from './client-config.js';
import { createCfMcpServer } from './server.js';

// stdout carries the protocol: everything for people goes to stderr (except --print-config, which serves no protocol).
const USAGE = `Usage: cf-mcp [--root <dir>]
       cf-mcp --print-config <${MCP_CLIENTS.join('|')}> [--root <dir>]

The Connector Factory MCP server over stdio. Tools read and write only inside <dir> (default: the current directory).
--print-config prints what to add to that MCP client's configuration (and where) to start this server for <dir>.
`;

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { root: { type: 'string' }, 'print-config': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help === true) {
    process.stderr.write(USAGE);
    return;
  }
  const client = values['print-config'];
  if (client !== undefined) {
    const config = clientConfig(client as McpClient, resolve(values.root ?? '.'));
    process.stderr.write(`# ${config.client}: ${config.where}\n`);
    process.stdout.write(`${config.snippet}\n`);
    return;
  }
  const { server, workspace } = createCfMcpServer({ root: values.root });
  await server.connect(new StdioServerTransport());
  process.stderr.write(`cf-mcp: serving the workspace ${workspace.root} on stdio\n`);
}

run().catch((error: unknown) => {
  process.stderr.write(`cf-mcp: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exitCode = 2;
});
