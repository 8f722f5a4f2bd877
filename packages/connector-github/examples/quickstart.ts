import { startMockServer } from '@cf/core/testing';
import { GitHubConnector } from '@cf/connector-github';
import { handlers } from '@cf/connector-github/mocks';

/** The README quickstart: a repository, its open bugs, and every issue changed since a date, against the package's mocks. */
export async function main(log: (line: string) => void = console.log): Promise<void> {
  const server = await startMockServer(handlers);
  const github = new GitHubConnector({ token: 'ghp_mock', baseUrl: server.baseUrl });
  const repo = await github.repositories.get('octo-org', 'hello-world');
  log(`${repo.full_name}: ${repo.open_issues_count} open`);
  for await (const issue of github.issues.list('octo-org', 'hello-world', { labels: ['bug'], perPage: 5 })) log(`#${issue.number} ${issue.title}`);
  const changed = await github.issues.changedSince('octo-org', 'hello-world', '2024-01-03T00:00:00Z').toArray({ limit: 100 });
  log(`changed since Jan 3: ${changed.length}`);
  await github.disconnect();
  await server.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
