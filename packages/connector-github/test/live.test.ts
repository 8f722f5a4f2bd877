import { describe, expect, it } from 'vitest';
import { GitHubConnector } from '../src/index.js';

/**
 * Against api.github.com: set GITHUB_TOKEN to any token (a fine-grained one with public read access is enough).
 * Read-only, on the public octocat/Hello-World repository; a few requests of the token's quota. Skipped without it.
 */
const token = process.env.GITHUB_TOKEN;

describe.skipIf(!token)('live GitHub', () => {
  const github = () => new GitHubConnector({ token: token ?? '' });

  it('reads a repository, a page of its issues and its quota headers; a repeat read is a free 304', async () => {
    const client = github();
    try {
      const repo = await client.repositories.get('octocat', 'Hello-World');
      expect(repo).toMatchObject({ full_name: 'octocat/Hello-World', id: 1_296_269 });
      const before = await client.rateLimit.get();
      await client.repositories.get('octocat', 'Hello-World');
      const after = await client.rateLimit.get();
      expect(after.resources.core.used).toBe(before.resources.core.used);
      const page = await client.issues.list('octocat', 'Hello-World', { state: 'all', perPage: 5 }).pages().next();
      expect(page.value?.items.length).toBe(5);
      expect(page.value?.checkpoint).toMatch(/^https:\/\/api\.github\.com\/repositories\/1296269\/issues\?/);
    } finally {
      await client.disconnect();
    }
  });

  it('searches, and reads a missing repository as NOT_FOUND', async () => {
    const client = github();
    try {
      const found = await client.search.issues('repo:octocat/Hello-World is:issue', { perPage: 3 }).toArray({ limit: 3 });
      expect(found.length).toBe(3);
      await expect(client.repositories.get('octocat', 'no-such-repository-0000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await client.disconnect();
    }
  });
});
