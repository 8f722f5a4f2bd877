import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { describe, expect, it } from 'vitest';
import { shortLocals } from './short-locals';

/** Imports `code` as an ES module (a data: URL) and returns its namespace. */
async function load(code: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
}

const SOURCE = [
  'const TOP_LEVEL_TABLE = { retryAfterSeconds: 3 };',
  'export function computeDelay(attemptNumber, baseDelayMs) {',
  '  const exponentialDelay = baseDelayMs * 2 ** attemptNumber;',
  '  const describeDelay = function (delayMs) { return `${delayMs} ms`; };',
  '  const capAt = (limitMs) => Math.min(exponentialDelay, limitMs);',
  '  return { delay: capAt(TOP_LEVEL_TABLE.retryAfterSeconds * 1000), text: describeDelay(exponentialDelay), names: [describeDelay.name, capAt.name] };',
  '}',
  'export class RetryBudget { constructor(remainingAttempts) { this.remainingAttempts = remainingAttempts; } spend(costOfAttempt) { const leftOver = this.remainingAttempts - costOfAttempt; this.remainingAttempts = leftOver; return leftOver; } }',
  'export function failLoudly(reasonText) { const wrapped = new Error(reasonText); throw wrapped; }',
].join('\n');

describe('shortLocals: parameters and local variables renamed, every other name kept', () => {
  it('renames parameters and locals', async () => {
    const { code } = await shortLocals(SOURCE);
    for (const local of ['attemptNumber', 'baseDelayMs', 'exponentialDelay', 'delayMs', 'limitMs', 'remainingAttempts)', 'costOfAttempt', 'leftOver', 'reasonText', 'wrapped']) {
      expect(code, local).not.toContain(local);
    }
    expect(code.length).toBeLessThan(SOURCE.length * 0.85);
  });

  it('keeps top-level names, exports, function and class names, and properties', async () => {
    const { code } = await shortLocals(SOURCE);
    for (const name of ['TOP_LEVEL_TABLE', 'function computeDelay(', 'class RetryBudget', 'describeDelay', 'capAt', 'retryAfterSeconds', 'this.remainingAttempts', 'spend(']) {
      expect(code, name).toContain(name);
    }
  });

  it('behaves as before: same results, same function names at run time', async () => {
    const before = await load(SOURCE);
    const after = await load((await shortLocals(SOURCE)).code);
    for (const ns of [before, after]) {
      expect((ns.computeDelay as (a: number, b: number) => unknown)(2, 500)).toEqual({ delay: 2000, text: '2000 ms', names: ['describeDelay', 'capAt'] });
      const budget = new (ns.RetryBudget as new (n: number) => { spend(c: number): number })(5);
      expect(budget.spend(2)).toBe(3);
      expect(() => (ns.failLoudly as (r: string) => never)('boom')).toThrow('boom');
    }
  });

  it('names the functions in a stack trace as the source did', async () => {
    const ns = await load((await shortLocals(SOURCE)).code);
    try {
      (ns.failLoudly as (r: string) => never)('boom');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).stack).toMatch(/at (?:Module\.)?failLoudly /);
    }
  });

  it('maps a renamed position back to where it was', async () => {
    const out = await shortLocals(SOURCE, { file: 'chunk.js' });
    const trace = new TraceMap(out.map);
    const index = out.code.indexOf('new Error(');
    const lines = out.code.slice(0, index).split('\n');
    const original = originalPositionFor(trace, { line: lines.length, column: lines.at(-1)!.length });
    expect({ source: original.source, line: original.line }).toEqual({ source: 'chunk.js', line: 9 });
    expect(SOURCE.split('\n')[8]!.slice(original.column!)).toMatch(/^new Error\(reasonText\)/);
  });

  it('answers code it cannot parse with an error naming the problem', async () => {
    await expect(shortLocals('export function broken( {')).rejects.toThrow(/Unexpected|SyntaxError/);
  });
});
