#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createCfMcpServer } from './server.js';

// stdout carries the protocol: everything for people goes to stderr.
const USAGE = 'Usage: cf-mcp [--root <dir>]\n\nThe Connector Factory MCP server over stdio. Tools read and write only inside <dir> (default: the current directory).\n';

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help === true) {
    process.stderr.write(USAGE);
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
