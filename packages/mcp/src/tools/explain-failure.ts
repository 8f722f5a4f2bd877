import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { CONFORMANCE_RULES, DECLARATION_RULES, OPERATION_RULES } from '@cf/core/testing';

/** Every rule of the kit: the generic ones, the declaration ones, and those run per operation. */
const ALL_RULES = [...CONFORMANCE_RULES, ...DECLARATION_RULES, ...OPERATION_RULES];
import { z } from 'zod';
import { readDoc, rowsMarking } from '../docs.js';
import { RULE_GUIDE } from '../rule-guide.js';
import { guarded, toolResult } from '../tool-result.js';

/** `explain_failure`: a conformance rule, what the specification requires, and the core primitive that provides it. */
export function registerExplainFailure(server: McpServer): void {
  server.registerTool(
    'explain_failure',
    {
      title: 'Explain a conformance rule',
      description:
        'For a conformance rule id (as check_connector reports it, e.g. "retry-after"): what the rule checks, the specification rows it pins, the @cf/core primitive that implements it, and what a connector must do (or stop doing) to pass.',
      inputSchema: { rule: z.string().min(1).max(60).describe('A rule id from check_connector: user-agent, retry-after, no-retry-4xx, pagination-cycle...') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(({ rule }) => {
      const id = rule.trim().replace(/^\[|\]$/g, '');
      const found = ALL_RULES.find((r) => r.id === id);
      const guide = RULE_GUIDE[id];
      if (!found || !guide) throw new McpError(ErrorCode.InvalidParams, `No conformance rule "${rule}". Rules: ${ALL_RULES.map((r) => r.id).join(', ')}.`);
      const specification = rowsMarking(readDoc('specification'), id);
      const summary = [
        `[${id}] ${found.title}`,
        '',
        'The specification:',
        ...specification.map((s) => `- §${s.section}: ${s.row}`),
        '',
        `Provided by @cf/core: ${guide.primitive} (${guide.source.map((s) => `packages/core/${s}`).join(', ')}).`,
        '',
        `To pass: ${guide.fix}`,
      ].join('\n');
      return toolResult(summary, { id, title: found.title, specification, primitive: guide.primitive, source: guide.source, fix: guide.fix });
    }),
  );
}
