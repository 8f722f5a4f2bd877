import { isAbsolute } from 'node:path';

/** The MCP clients `cf-mcp --print-config` writes a configuration for. */
export const MCP_CLIENTS = ['claude-code', 'claude-desktop', 'cursor', 'vscode'] as const;
/** One of {@link MCP_CLIENTS}. */
export type McpClient = (typeof MCP_CLIENTS)[number];

/** What a client needs: where it goes, and what to put there (a command to run, or a JSON file's content). */
export interface ClientConfig {
  /** The client this configuration is for. */
  client: McpClient;
  /** Where the snippet goes: a command line to run, or the configuration file(s) to merge it into. */
  where: string;
  /** `command`: run it in a shell; `json`: merge it into the file named in `where`. */
  kind: 'command' | 'json';
  /** The command to run, or the JSON to merge, exactly as the client expects it. */
  snippet: string;
}

/** The server's name in every client's configuration. */
export const SERVER_NAME = 'connector-factory';

/** Single-quotes a shell word when it needs it (POSIX shells). */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'"'"'`)}'`;
}

/**
 * The configuration snippet that makes `client` start this server over stdio for the workspace `root`.
 * @param root - The workspace the tools may read and write: an absolute path (clients start servers in a directory
 *   of their choosing, so a relative one would point elsewhere).
 * @throws TypeError when `client` is not one of {@link MCP_CLIENTS} or `root` is not absolute.
 */
export function clientConfig(client: McpClient, root: string): ClientConfig {
  if (!(MCP_CLIENTS as readonly string[]).includes(client)) {
    throw new TypeError(`Unknown MCP client "${String(client)}": expected one of ${MCP_CLIENTS.join(', ')}.`);
  }
  if (typeof root !== 'string' || !isAbsolute(root)) {
    throw new TypeError(`The workspace root must be an absolute path (the client starts the server in a directory of its own choosing); got ${JSON.stringify(root)}.`);
  }
  const args = ['-y', '@cf/mcp', '--root', root];
  const server = { command: 'npx', args };
  switch (client) {
    case 'claude-code':
      return {
        client,
        kind: 'command',
        where: 'run in the project (`--scope project` writes .mcp.json, shared with the team through git)',
        snippet: ['claude', 'mcp', 'add', '--scope', 'project', SERVER_NAME, '--', 'npx', ...args].map(shellWord).join(' '),
      };
    case 'claude-desktop':
      return {
        client,
        kind: 'json',
        where: 'claude_desktop_config.json (macOS: ~/Library/Application Support/Claude/, Windows: %APPDATA%\\Claude\\), then restart Claude Desktop',
        snippet: JSON.stringify({ mcpServers: { [SERVER_NAME]: server } }, null, 2),
      };
    case 'cursor':
      return {
        client,
        kind: 'json',
        where: '.cursor/mcp.json in the project (or ~/.cursor/mcp.json for every project)',
        snippet: JSON.stringify({ mcpServers: { [SERVER_NAME]: server } }, null, 2),
      };
    case 'vscode':
      return {
        client,
        kind: 'json',
        where: '.vscode/mcp.json in the project (VS Code agent mode)',
        snippet: JSON.stringify({ servers: { [SERVER_NAME]: { type: 'stdio', ...server } } }, null, 2),
      };
  }
}
