import { describe, expect, it } from 'vitest';
import { FakeClock, NetworkError, type HttpClient, type RequestSpec, type StreamResponse } from '@cf/core';
import { resumableJsonl } from '../src/bulk-download.js';
import type { BulkRecord } from '../src/index.js';

const TEXT = Array.from({ length: 20 }, (_, i) => `${JSON.stringify({ id: `gid://shopify/Product/${i}`, title: `P${i}` })}\n`).join('');
/** Plain `Uint8Array` bytes, as core's stream bodies yield them. */
const FILE = new TextEncoder().encode(TEXT);

interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** The bytes sent; `cut: true` drops the connection after them. */
  bytes: Uint8Array;
  cut?: boolean;
}

/** A download client that answers each request with the next scripted answer, recording what was asked. */
function scripted(answers: Answer[]): { client: HttpClient; specs: RequestSpec[]; destroyed: number[] } {
  const specs: RequestSpec[] = [];
  const destroyed: number[] = [];
  const client = {
    stream: async (spec: RequestSpec): Promise<StreamResponse> => {
      const n = specs.push(spec) - 1;
      const answer = answers[n];
      if (!answer) throw new Error('unexpected request');
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (let at = 0; at < answer!.bytes.length; at += 37) yield answer!.bytes.subarray(at, at + 37);
        if (answer!.cut) throw new NetworkError({ message: 'Network error talking to shopify: other side closed' });
      }
      const body = Object.assign(chunks(), { destroy: () => void destroyed.push(n) });
      return { status: answer.status, headers: answer.headers ?? {}, body, requestId: `req-${n}` };
    },
  } as unknown as HttpClient;
  return { client, specs, destroyed };
}

async function read(client: HttpClient, maxResumes = 5): Promise<BulkRecord[]> {
  const rows: BulkRecord[] = [];
  const records = resumableJsonl({ client, clock: new FakeClock(), url: 'https://storage.example/r.jsonl?Signature=s', maxResumes, maxAttempts: 3, fromByte: 0, call: {}, onResume: () => undefined });
  for await (const row of records) rows.push(row);
  return rows;
}

const ids = (rows: BulkRecord[]): string[] => rows.map((r) => String(r.id));
const ALL = Array.from({ length: 20 }, (_, i) => `gid://shopify/Product/${i}`);
const lineEnd = (n: number): number => TEXT.split('\n').slice(0, n).join('\n').length + 1;

describe('resumableJsonl: what the host answers to a resume', () => {
  it('a compressed body cannot be resumed by byte range: it reads the file again without Range and skips', async () => {
    const cutAt = lineEnd(7) + 5;
    const { client, specs } = scripted([
      { status: 200, headers: { 'content-encoding': 'gzip' }, bytes: FILE.subarray(0, cutAt), cut: true },
      { status: 200, headers: { 'content-encoding': 'gzip' }, bytes: FILE },
    ]);
    expect(ids(await read(client))).toEqual(ALL);
    expect(specs.map((s) => s.headers?.range)).toEqual([undefined, undefined]);
  });

  it('a 206 from another byte than asked is not trusted: the file is read again without Range', async () => {
    const cutAt = lineEnd(3) + 2;
    const { client, specs, destroyed } = scripted([
      { status: 200, bytes: FILE.subarray(0, cutAt), cut: true },
      { status: 206, headers: { 'content-range': `bytes 0-${FILE.length - 1}/${FILE.length}` }, bytes: FILE },
      { status: 200, bytes: FILE },
    ]);
    expect(ids(await read(client))).toEqual(ALL);
    expect(specs.map((s) => s.headers?.range)).toEqual([undefined, `bytes=${lineEnd(3)}-`, undefined]);
    expect(destroyed).toContain(1);
  });

  it('a 206 from the byte asked is read from there; each body is released', async () => {
    const cutAt = lineEnd(10) + 9;
    const { client, specs, destroyed } = scripted([
      { status: 200, bytes: FILE.subarray(0, cutAt), cut: true },
      { status: 206, headers: { 'content-range': `bytes ${lineEnd(10)}-${FILE.length - 1}/${FILE.length}` }, bytes: FILE.subarray(lineEnd(10)) },
    ]);
    expect(ids(await read(client))).toEqual(ALL);
    expect(specs[1]?.headers?.range).toBe(`bytes=${lineEnd(10)}-`);
    expect(specs.every((s) => s.rateLimiter === false && s.method === 'GET')).toBe(true);
    expect(destroyed).toEqual([0, 1]);
  });

  it('a whole file sent again that is shorter than what was delivered is a PARSING_ERROR, not a silent end', async () => {
    const { client } = scripted([
      { status: 200, bytes: FILE.subarray(0, lineEnd(12) + 1), cut: true },
      { status: 200, bytes: FILE.subarray(0, lineEnd(5)) },
    ]);
    const error = await read(client).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PARSING_ERROR', retryable: false, details: { objectsDelivered: 12, bytesDelivered: lineEnd(12) } });
  });
});

describe('resumableJsonl: multi-byte characters', () => {
  // Titles of 2-, 3- and 4-byte characters: the cut below falls inside one, and 37-byte chunks split others.
  const rows = Array.from({ length: 12 }, (_, i) => ({ id: `gid://shopify/Product/${i}`, title: `Café € 日本 😀 ${i}` }));
  const bytes = new TextEncoder().encode(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const end = (n: number): number => new TextEncoder().encode(rows.slice(0, n).map((r) => `${JSON.stringify(r)}\n`).join('')).length;
  const cutAt = bytes.indexOf(0xf0, end(6)) + 2; // inside line 7's 😀

  it('a cut inside a character resumes by Range from the end of the last complete line, in bytes', async () => {
    const { client, specs } = scripted([
      { status: 200, bytes: bytes.subarray(0, cutAt), cut: true },
      { status: 206, headers: { 'content-range': `bytes ${end(6)}-${bytes.length - 1}/${bytes.length}` }, bytes: bytes.subarray(end(6)) },
    ]);
    expect(await read(client)).toEqual(rows);
    expect(specs[1]?.headers?.range).toBe(`bytes=${end(6)}-`);
  });

  it('a whole file sent again is skipped to the same byte, though chunks split characters', async () => {
    const { client, specs } = scripted([
      { status: 200, bytes: bytes.subarray(0, cutAt), cut: true },
      { status: 200, bytes },
    ]);
    expect(await read(client)).toEqual(rows);
    expect(specs.map((s) => s.headers?.range)).toEqual([undefined, `bytes=${end(6)}-`]);
  });
});
