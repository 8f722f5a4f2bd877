import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { onTestFinished } from 'vitest';
import { createCfMcpServer } from '../src/index.js';

export type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

/** A temporary directory, removed when the calling test finishes. */
export function tempDir(prefix = 'cf-mcp-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The server on `root`, and an SDK client talking to it in memory; closed when the test finishes. */
export async function connect(root: string) {
  const { server } = createCfMcpServer({ root });
  const client = new Client({ name: 'cf-mcp-test', version: '0.0.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  onTestFinished(async () => {
    await client.close();
    await server.close();
  });
  const call = async (name: string, args: Record<string, unknown> = {}): Promise<ToolResult> => (await client.callTool({ name, arguments: args })) as ToolResult;
  const text = (result: ToolResult): string => result.content.map((c) => c.text ?? '').join('\n');
  return { client, call, text };
}
