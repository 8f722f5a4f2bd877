import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { readDoc, specificationSection } from '../docs.js';
import { guarded, textResult } from '../tool-result.js';

/** `get_specification`: docs/specification.md, whole or one section. */
export function registerGetSpecification(server: McpServer): void {
  server.registerTool(
    'get_specification',
    {
      title: 'Read the specification',
      description:
        "The connector specification (docs/specification.md): every rule core implements, with its numbers and the test pinning it; rules marked [C: id] are checked by check_connector. Give `section` for one section: its number ('5'), words of its title ('rate limiting'), or a rule id ('retry-after').",
      inputSchema: { section: z.string().min(1).max(80).optional().describe("A section number ('3'), title words ('circuit breaker') or conformance rule id; omit for the whole document.") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ section }) => {
      const spec = readDoc('specification');
      return textResult(section === undefined ? spec : specificationSection(spec, section));
    }),
  );
}
