import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { scaffoldConnector } from '@cf/cli';
import { z } from 'zod';
import { addResource } from '@cf/cli';
import { guarded, toolResult } from '../tool-result.js';
import type { Workspace } from '../workspace.js';
import { parseSample, resourceFields } from './add-resource-input.js';

/** `scaffold_connector`: the CLI's `scaffoldConnector` (as `cf new`) in the workspace, then its `addResource`. */
export function registerScaffoldConnector(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    'scaffold_connector',
    {
      title: 'Scaffold a connector',
      description:
        "Creates a connector package in the standard layout (as `cf new`): a client on @cf/core, an example `items` resource, MSW mocks exported as /mocks, tests including core's conformance suite, README, AGENTS.md, metadata. Its unit tests pass untouched; the conformance check stays below 100 % until src/metadata.ts declares the API's limit model and where the credential travels (check_connector names them). Give `firstResource` to add your API's first resource from a sample response (as add_resource). Then read the package's AGENTS.md.",
      inputSchema: {
        name: z.string().min(1).max(60).describe('The API\'s name, lower-case words joined by "-" ("acme-crm"): the package is @cf/connector-<name>.'),
        baseUrl: z.url().optional().describe('The API\'s base URL with its path prefix ("https://api.acme.com/v2"). Default: https://api.<name>.example/v1.'),
        auth: z
          .enum(['bearer'])
          .default('bearer')
          .describe("How the API authenticates. The scaffold writes bearer-token auth (`token` option, core's bearerAuth); for an API key, basic or OAuth2, change `auth:` in src/<name>-connector.ts to core's apiKeyAuth, basicAuth or oauth2Auth."),
        displayName: z.string().min(1).max(80).optional().describe('How people write the API\'s name ("GitHub"); the class keeps its casing (GitHubConnector). Default: from `name`.'),
        scope: z.string().min(1).max(60).optional().describe('The npm scope of the package ("@acme"). Default: @cf.'),
        packageName: z.string().min(1).max(120).optional().describe('The whole package name ("@acme/github-client"). Default: <scope>/connector-<name>.'),
        docsUrl: z.url().optional().describe("The API's reference documentation."),
        dir: z.string().min(1).max(300).optional().describe('Where to create the package, relative to the workspace root. Default: packages/connector-<name>.'),
        firstResource: resourceFields.optional().describe('Optional: the first resource, exactly as add_resource takes it (without `connector`).'),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    guarded(({ name, baseUrl, displayName, scope, packageName, docsUrl, dir, firstResource }) => {
      const target = workspace.resolve(dir ?? join('packages', `connector-${name}`), 'dir');
      // The scaffold writes a changeset two levels up when it finds a repository there: that must be inside too.
      const repoRoot = resolve(target, '..', '..');
      if (!workspace.contains(repoRoot) && existsSync(join(repoRoot, '.changeset'))) {
        throw new McpError(ErrorCode.InvalidParams, `dir "${dir ?? ''}" would let the scaffold write to ${repoRoot}/.changeset, outside the workspace: use packages/connector-<name>.`);
      }
      // Read a sample given as JSON text before anything is written.
      const firstSample = firstResource ? parseSample(firstResource.sample) : undefined;
      const scaffold = scaffoldConnector({ name, cwd: workspace.root, dir: target, baseUrl, displayName, scope, packageName, docsUrl });
      const resource = firstResource ? addResource({ ...firstResource, sample: firstSample, dir: scaffold.dir }) : undefined;
      const rel = workspace.relative(scaffold.dir);
      const summary = [
        `Created ${rel} (${scaffold.layout} layout): ${scaffold.files.length} files.`,
        ...(resource ? [`Added ${resource.property}.${resource.method}(): ${resource.created.join(', ')}.`] : []),
        `Next: read ${rel}/AGENTS.md, add resources with add_resource, and run check_connector until it reports 100 %.`,
      ].join('\n');
      return toolResult(summary, { dir: rel, layout: scaffold.layout, files: scaffold.files, ...(resource ? { resource: { ...resource, dir: rel } } : {}) });
    }),
  );
}
