import { faults } from '@cf/core/testing';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { isPullRequest } from '../src/index.js';
import { harness, rejection, sent, TOKEN, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

describe('issues.list', () => {
  it("sends GitHub's filters and follows /repositories/{id}/issues links; pull requests come along, marked", async () => {
    h = await harness();
    const list = h.github.issues.list('octo-org', 'hello-world', { state: 'all', sort: 'created', direction: 'asc', perPage: 25 });
    const issues = await list.toArray({ limit: 1000 });
    expect(issues.map((i) => i.number)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(issues.filter(isPullRequest).map((i) => i.number)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    expect(sent(h.server)).toEqual([
      ['GET', '/repos/octo-org/hello-world/issues', { state: 'all', sort: 'created', direction: 'asc', per_page: '25' }],
      ['GET', '/repositories/1296269/issues', { state: 'all', sort: 'created', direction: 'asc', per_page: '25', page: '2' }],
      ['GET', '/repositories/1296269/issues', { state: 'all', sort: 'created', direction: 'asc', per_page: '25', page: '3' }],
    ]);
    expect(issues[0]).toMatchObject({ id: 1_000_000, number: 1, state: 'open', user: { login: 'octocat' }, created_at: '2024-01-01T00:00:00Z' });
  });

  it('filters by labels (all of them), since (updated at or after) and state', async () => {
    h = await harness();
    const since = '2024-01-02T12:00:00Z';
    const issues = await h.github.issues.list('octo-org', 'hello-world', { state: 'closed', labels: ['bug'], since: new Date(since) }).toArray({ limit: 1000 });
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.state).toBe('closed');
      expect(issue.labels.map((l) => (typeof l === 'string' ? l : l.name))).toContain('bug');
      expect(Date.parse(issue.updated_at)).toBeGreaterThanOrEqual(Date.parse(since));
    }
    expect(sent(h.server)).toEqual([['GET', '/repos/octo-org/hello-world/issues', { state: 'closed', since, labels: 'bug', per_page: '100' }]]);
  });

  it('refuses bad options before the network: an unknown state, a label with a comma, a bad timestamp', async () => {
    h = await harness();
    for (const options of [{ state: 'done' }, { labels: ['a,b'] }, { since: 'yesterday' }, { perPage: 0 }]) {
      const error = await rejection(() => h.github.issues.list('octo-org', 'hello-world', options as never));
      expect(error.code).toBe('VALIDATION_ERROR');
    }
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('issues.get', () => {
  it('sends GET /repos/{owner}/{repo}/issues/{issue_number} and returns the typed issue', async () => {
    h = await harness();
    const issue = await h.github.issues.get('octo-org', 'hello-world', 2);
    expect(issue).toMatchObject({ number: 2, id: 1_000_001, html_url: 'https://github.com/octo-org/hello-world/issues/2' });
    expect(sent(h.server)).toEqual([['GET', '/repos/octo-org/hello-world/issues/2', {}]]);
  });

  it('maps 404 to NOT_FOUND and 410 (issues disabled, or a deleted issue) to NOT_FOUND saying it is gone', async () => {
    h = await harness();
    expect(await rejection(h.github.issues.get('octo-org', 'hello-world', 9999))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const disabled = await rejection(h.github.issues.get('octo-org', 'api-client', 1));
    expect(disabled).toMatchObject({ code: 'NOT_FOUND', status: 410, retryable: false });
    expect(disabled.message).toMatch(/Gone \(410\).*Issues are disabled for this repo/);
    const issue = h.mock.github.repository('octo-org', 'hello-world')?.issues[2];
    if (issue) issue.deleted = true;
    expect(await rejection(h.github.issues.get('octo-org', 'hello-world', 3))).toMatchObject({ code: 'NOT_FOUND', status: 410 });
  });

  it('refuses a non-positive or fractional number before the network', async () => {
    h = await harness();
    for (const n of [0, -1, 1.5, Number.NaN]) expect(await rejection(() => h.github.issues.get('octo-org', 'hello-world', n))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('issues.create', () => {
  it('POSTs the fields and returns the created issue (201)', async () => {
    h = await harness();
    const issue = await h.github.issues.create('octo-org', 'hello-world', { title: 'Crash on start', body: 'Stack trace…', labels: ['bug'], assignees: ['hubot'] });
    expect(issue).toMatchObject({ number: 61, title: 'Crash on start', state: 'open', labels: [{ name: 'bug' }], assignees: [{ login: 'hubot' }] });
    expect(h.server.requests.map((r) => [r.method, r.path, r.json])).toEqual([
      ['POST', '/repos/octo-org/hello-world/issues', { title: 'Crash on start', body: 'Stack trace…', labels: ['bug'], assignees: ['hubot'] }],
    ]);
    expect(h.server.requests[0]?.headers['content-type']).toMatch(/^application\/json/);
  });

  it("maps GitHub's 422 errors[] to VALIDATION_ERROR naming each field, with the API's details; a 422 write did not apply", async () => {
    h = await harness();
    const error = await rejection(h.github.issues.create('octo-org', 'hello-world', { title: 'x', assignees: ['nobody-here'] }));
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      status: 422,
      retryable: false,
      writeOutcome: 'not-applied',
      issues: [{ path: 'assignees', message: 'invalid (Issue)' }],
      details: { errors: [{ resource: 'Issue', field: 'assignees', code: 'invalid' }], documentationUrl: expect.stringContaining('create-an-issue') as unknown },
    });
    expect(error.message).toMatch(/GitHub says: "Validation Failed"\. assignees: invalid \(Issue\)/);
    expect(h.server.requests).toHaveLength(1);
  });

  it('is sent once when GitHub may have created it (a 502 after sending): may-have-applied, not retryable, with advice', async () => {
    h = await harness();
    h.server.use(faults.status(502, { method: 'POST', times: 3 }));
    const error = await rejection(h.github.issues.create('octo-org', 'hello-world', { title: 'Once only' }));
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 502, writeOutcome: 'may-have-applied', retryable: false });
    expect(error.message).toMatch(/not retried: GitHub has no idempotency key/);
    expect(h.server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a token that may not write gets AUTH_FAILED naming the permission, not retried', async () => {
    h = await harness({ mock: { readOnlyTokens: [TOKEN] } });
    const error = await rejection(h.github.issues.create('octo-org', 'hello-world', { title: 'x' }));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 403, retryable: false, writeOutcome: 'not-applied', details: { acceptedPermissions: 'issues=write' } });
    expect(error.message).toMatch(/not a rate limit, a permission problem.*permission issues=write/);
    expect(h.server.requests).toHaveLength(1);
  });

  it('refuses a missing or empty title, an unknown field and more than 10 assignees before the network', async () => {
    h = await harness();
    for (const input of [{}, { title: '' }, { title: 'x', color: 'red' }, { title: 'x', assignees: Array.from({ length: 11 }, (_, i) => `u${i}`) }]) {
      expect(await rejection(() => h.github.issues.create('octo-org', 'hello-world', input as never))).toMatchObject({ code: 'VALIDATION_ERROR' });
    }
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('issues.update', () => {
  it('PATCHes the fields and returns the updated issue', async () => {
    h = await harness();
    h.clock.advance(365 * 86_400_000);
    const issue = await h.github.issues.update('octo-org', 'hello-world', 1, { state: 'closed', state_reason: 'not_planned', labels: ['question'] });
    expect(issue).toMatchObject({ number: 1, state: 'closed', state_reason: 'not_planned', labels: [{ name: 'question' }], updated_at: '2027-01-01T00:00:00Z' });
    expect(h.server.requests.map((r) => [r.method, r.path, r.json])).toEqual([
      ['PATCH', '/repos/octo-org/hello-world/issues/1', { state: 'closed', state_reason: 'not_planned', labels: ['question'] }],
    ]);
  });

  it('is retried after a 503: setting fields twice is setting them once', async () => {
    h = await harness();
    h.server.use(faults.status(503, { method: 'PATCH', times: 1 }));
    const issue = await h.github.issues.update('octo-org', 'hello-world', 1, { title: 'Renamed' });
    expect(issue.title).toBe('Renamed');
    expect(h.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2);
    expect(h.clock.sleeps).toHaveLength(1);
  });

  it('refuses an update that changes nothing, before the network', async () => {
    h = await harness();
    expect(await rejection(() => h.github.issues.update('octo-org', 'hello-world', 1, {}))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('issues.comments', () => {
  it('lists an issue\'s comments through Link pages, oldest first, with since', async () => {
    h = await harness();
    const comments = await h.github.issues.comments.list('octo-org', 'hello-world', 4, { perPage: 2, since: '2024-01-01T00:00:00Z' }).toArray({ limit: 10 });
    expect(comments.map((c) => c.body)).toEqual(['Comment 1 on #4.', 'Comment 2 on #4.', 'Comment 3 on #4.']);
    expect(sent(h.server)).toEqual([
      ['GET', '/repos/octo-org/hello-world/issues/4/comments', { since: '2024-01-01T00:00:00Z', per_page: '2' }],
      ['GET', '/repositories/1296269/issues/4/comments', { since: '2024-01-01T00:00:00Z', per_page: '2', page: '2' }],
    ]);
  });

  it('creates a comment (POST { body }) and the issue moves up in updated_at', async () => {
    h = await harness();
    h.clock.advance(400 * 86_400_000);
    const comment = await h.github.issues.comments.create('octo-org', 'hello-world', 2, 'Same here.');
    expect(comment).toMatchObject({ body: 'Same here.', user: { login: 'octocat' }, issue_url: 'https://api.github.com/repos/octo-org/hello-world/issues/2' });
    expect(h.server.requests.map((r) => [r.method, r.path, r.json])).toEqual([['POST', '/repos/octo-org/hello-world/issues/2/comments', { body: 'Same here.' }]]);
    expect((await h.github.issues.get('octo-org', 'hello-world', 2)).comments).toBe(2);
  });

  it('a comment that may have been posted (reset after sending) is not sent again', async () => {
    h = await harness();
    h.server.use(http.post('*/repos/:o/:r/issues/:n/comments', () => HttpResponse.error()));
    const error = await rejection(h.github.issues.comments.create('octo-org', 'hello-world', 2, 'Once.'));
    expect(error).toMatchObject({ writeOutcome: 'may-have-applied', retryable: false });
    expect(h.server.requests).toHaveLength(1);
  });

  it('refuses an empty comment before the network', async () => {
    h = await harness();
    expect(await rejection(() => h.github.issues.comments.create('octo-org', 'hello-world', 2, ''))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(h.server.requests).toHaveLength(0);
  });
});
