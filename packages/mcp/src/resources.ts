import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { DOCS, readDoc, type DocName } from './docs.js';

/** The specification and the checklist as MCP resources, for clients that attach documents to a conversation. */
export function registerDocResources(server: McpServer): void {
  for (const name of Object.keys(DOCS) as DocName[]) {
    const uri = `cf://docs/${name}`;
    server.registerResource(name, uri, { title: DOCS[name].title, mimeType: 'text/markdown' }, () => ({
      contents: [{ uri, mimeType: 'text/markdown', text: readDoc(name) }],
    }));
  }
}
