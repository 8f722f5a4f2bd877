import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { clientConfig, MCP_CLIENTS, SERVER_NAME, type McpClient } from '../src/client-config.js';

const exec = promisify(execFile);
const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ROOT = '/home/ada/my workspace';

type Server = { type?: string; command: string; args: string[] };
function serverOf(client: McpClient): Server {
  const parsed = JSON.parse(clientConfig(client, ROOT).snippet) as { mcpServers?: Record<string, Server>; servers?: Record<string, Server> };
  return (parsed.mcpServers ?? parsed.servers)![SERVER_NAME]!;
}

describe('MCP client configuration snippets', () => {
  it.each(['claude-desktop', 'cursor'] as const)('%s: an mcpServers entry that runs npx -y @cf/mcp --root <root>', (client) => {
    expect(clientConfig(client, ROOT).kind).toBe('json');
    expect(serverOf(client)).toEqual({ command: 'npx', args: ['-y', '@cf/mcp', '--root', ROOT] });
  });

  it('vscode: a stdio entry under "servers" (its own key, not mcpServers)', () => {
    expect(Object.keys(JSON.parse(clientConfig('vscode', ROOT).snippet) as object)).toEqual(['servers']);
    expect(serverOf('vscode')).toEqual({ type: 'stdio', command: 'npx', args: ['-y', '@cf/mcp', '--root', ROOT] });
  });

  it('claude-code: a `claude mcp add` line, the root shell-quoted', () => {
    const { kind, snippet } = clientConfig('claude-code', ROOT);
    expect(kind).toBe('command');
    expect(snippet).toBe(`claude mcp add --scope project ${SERVER_NAME} -- npx -y @cf/mcp --root '${ROOT}'`);
    expect(clientConfig('claude-code', "/tmp/it's").snippet).toMatch(/--root '\/tmp\/it'"'"'s'$/);
  });

  it('refuses an unknown client and a relative root, with the reason', () => {
    expect(() => clientConfig('zed' as McpClient, ROOT)).toThrow(/Unknown MCP client "zed": expected one of claude-code, claude-desktop, cursor, vscode/);
    expect(() => clientConfig('cursor', 'workspace')).toThrow(/must be an absolute path/);
  });

  it('the README shows every client, with the snippet the function prints (for the README\'s example root)', () => {
    for (const client of MCP_CLIENTS) {
      const { snippet } = clientConfig(client, '/path/to/workspace');
      expect(README, client).toContain(snippet);
    }
  });

  it('cf-mcp --print-config prints the snippet on stdout (where it goes on stderr); a bad client exits 2', async () => {
    const run = (args: string[]) => exec(process.execPath, ['--conditions=@cf/source', '--import', 'tsx', BIN, ...args]);
    const { stdout, stderr } = await run(['--print-config', 'cursor', '--root', ROOT]);
    expect(stdout).toBe(`${clientConfig('cursor', ROOT).snippet}\n`);
    expect(stderr).toContain('.cursor/mcp.json');
    await expect(run(['--print-config', 'zed'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown MCP client "zed"') });
  }, 30_000);
});
