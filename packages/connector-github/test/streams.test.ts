import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue, Stream, StreamPage } from '@cf/core';
import { safeParse } from '@cf/core/zod';
import { metadata } from '../src/index.js';
import { harness, rejection, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

const PARAMS = { owner: 'octo-org', repo: 'hello-world' };

function stream(name: string): Stream {
  const found = h.github.streams().find((s) => s.name === name);
  if (!found) throw new Error(`no stream ${name}`);
  return found;
}

async function readStream(name: string, params: Record<string, string>, checkpoint: JsonValue | null = null): Promise<StreamPage[]> {
  const pages: StreamPage[] = [];
  for await (const page of stream(name).read({ checkpoint, params })) pages.push(page);
  return pages;
}

const records = (pages: StreamPage[]) => pages.flatMap((p) => p.items as Array<Record<string, unknown>>);

describe('streams (metadata.streams, bound with defineStreams)', () => {
  it('are exactly the declared ones, and every record of each first page matches its schema and has its key and cursor', async () => {
    h = await harness();
    const streams = h.github.streams();
    expect(streams.map((s) => s.name)).toEqual((metadata.streams ?? []).map((s) => s.name));
    for (const s of streams) {
      const params = Object.fromEntries(Object.entries(s.params ?? {}).map(([k, p]) => [k, p.example]));
      const first = (await s.read({ checkpoint: null, params })[Symbol.asyncIterator]().next()).value as StreamPage;
      expect(first.items.length, s.name).toBeGreaterThan(0);
      for (const item of first.items) {
        expect(safeParse(s.schema(), item).success, s.name).toBe(true);
        for (const field of [...s.primaryKey, ...(s.cursorField ? [s.cursorField] : [])]) expect((item as Record<string, unknown>)[field], `${s.name}.${field}`).toBeDefined();
      }
    }
  });

  it('issues: every issue once (pull requests left out, they are their own stream), with repository; a rerun reads only changes', async () => {
    h = await harness();
    const pages = await readStream('issues', PARAMS);
    const issues = records(pages);
    const expected = (h.mock.github.repository('octo-org', 'hello-world')?.issues ?? []).filter((i) => !i.pull).map((i) => i.id).sort();
    expect(issues.map((i) => i.id).sort()).toEqual(expected);
    expect(issues.every((i) => i.repository === 'octo-org/hello-world' && i.pull_request === undefined)).toBe(true);
    const last = pages.at(-1);
    expect(last).toMatchObject({ hasMore: false, checkpoint: { since: expect.any(String) as string, seen: expect.any(Array) as unknown[] } });
    expect(JSON.parse(JSON.stringify(last?.checkpoint))).toEqual(last?.checkpoint);
    expect(records(await readStream('issues', PARAMS, last?.checkpoint ?? null))).toEqual([]);
    h.clock.advance(400 * 86_400_000);
    await h.github.issues.update('octo-org', 'hello-world', 3, { title: 'Changed' });
    expect(records(await readStream('issues', PARAMS, last?.checkpoint ?? null)).map((i) => [i.number, i.title])).toEqual([[3, 'Changed']]);
  });

  it('commits: with repository and committed_at on top, incremental from the newest commit', async () => {
    h = await harness();
    const pages = await readStream('commits', { ...PARAMS, branch: 'main' });
    const commits = records(pages);
    expect(commits).toHaveLength(80);
    expect(commits[0]).toMatchObject({ repository: 'octo-org/hello-world', committed_at: expect.stringMatching(/^2024-/) as unknown, sha: expect.any(String) as string });
    expect(h.server.requests[0]?.query.get('sha')).toBe('main');
    expect(records(await readStream('commits', PARAMS, pages.at(-1)?.checkpoint ?? null))).toEqual([]);
  });

  it('pull requests, releases and repositories read in full; their last checkpoint is null', async () => {
    h = await harness();
    const pulls = await readStream('pull_requests', PARAMS);
    expect(records(pulls)).toHaveLength(12);
    expect(records(pulls).every((p) => p.repository === 'octo-org/hello-world')).toBe(true);
    expect(pulls.at(-1)?.checkpoint).toBeNull();
    expect(h.server.requests[0]?.query.get('state')).toBe('all');
    const repos = await readStream('repositories', { owner: 'octo-org' });
    expect(records(repos).map((r) => r.name).sort()).toEqual(['api-client', 'docs', 'empty', 'hello-world']);
    const users = await readStream('repositories', { owner: 'octocat', ownerType: 'user' });
    expect(records(users).map((r) => r.full_name)).toEqual(['octocat/Spoon-Knife']);
    const releases = await readStream('releases', PARAMS);
    expect(records(releases)).toHaveLength(5);
  });

  it('a record GitHub sent in another shape is delivered for the sync to set aside; the stream goes on', async () => {
    h = await harness();
    h.server.use(
      http.get('*/repos/:o/:r/releases', () => HttpResponse.json([{ id: 1, tag_name: 'v1' }, { id: 2 }], { headers: { 'x-ratelimit-remaining': '4999' } })),
    );
    const items = records(await readStream('releases', PARAMS));
    expect(items).toHaveLength(2);
    expect(items.map((i) => safeParse(stream('releases').schema(), i).success)).toEqual([false, false]);
  });

  it('refuses missing params and foreign checkpoints before the network, naming them', async () => {
    h = await harness();
    const missing = await rejection(readStream('issues', { owner: 'octo-org' }));
    expect(missing).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'repo' }] });
    expect(await rejection(readStream('issues', PARAMS, { since: 1 }))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await rejection(readStream('releases', PARAMS, 'not a url'))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await rejection(readStream('repositories', { owner: 'octo-org', ownerType: 'team' }))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(h.server.requests).toHaveLength(0);
  });
});
