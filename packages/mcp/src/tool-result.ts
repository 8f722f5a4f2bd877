import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { CliError, EXIT } from '@cf/cli';
import { isConnectorError } from '@cf/core';

/** A tool's answer: a summary for people and models, and the same data as structured JSON. */
export function toolResult(summary: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: summary }, { type: 'text', text: JSON.stringify(data, null, 2) }], structuredContent: data };
}

/** A text answer (a document, a section of one). */
export const textResult = (text: string): CallToolResult => ({ content: [{ type: 'text', text }] });

/**
 * Any failure as an MCP error with the CLI's own message: bad input (a usage error, VALIDATION_ERROR) is
 * InvalidParams, anything else InternalError. The SDK returns it to the client as a tool error (`isError`).
 */
export function toMcpError(error: unknown): McpError {
  if (error instanceof McpError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const invalid = (error instanceof CliError && error.exitCode === EXIT.usage) || (isConnectorError(error) && error.code === 'VALIDATION_ERROR');
  return new McpError(invalid ? ErrorCode.InvalidParams : ErrorCode.InternalError, message);
}

/** Wraps a tool handler so every failure leaves it as `toMcpError` says. */
export function guarded<A extends unknown[]>(handler: (...args: A) => Promise<CallToolResult> | CallToolResult): (...args: A) => Promise<CallToolResult> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      throw toMcpError(error);
    }
  };
}
