import { describe, expect, it } from 'vitest';
import { NetworkError, ServerError } from '../errors/error-classes.js';
import { createRedactor, REDACTED } from '../http/redact.js';
import { redactError } from './redact-error.js';

describe('§13 redactError', () => {
  it('scrubs message, stack, body, details and every message along the cause chain', () => {
    const secret = 'tok-live-123456';
    const root = new Error(`connect failed for https://api.example/?token=${secret}`);
    const middle = new NetworkError({ message: `socket closed (${secret})`, cause: root });
    const error = new ServerError({ message: `failed with ${secret}`, body: { echo: secret }, details: { hint: secret }, cause: middle });
    redactError(error, createRedactor({ secrets: () => [secret] }));
    const everything = [error.message, error.stack, JSON.stringify(error.body), JSON.stringify(error.details), middle.message, middle.stack, root.message, root.stack].join('\n');
    expect(everything).not.toContain(secret);
    expect(error.message).toBe(`failed with ${REDACTED}`);
  });

  it('scrubs a stack that was already formatted (read before the error reached the exit)', () => {
    const secret = 'tok-live-987654';
    const root = new Error(`cause with ${secret}`);
    const error = new ServerError({ message: `failed with ${secret}`, cause: root });
    // V8 formats `stack` on first access, with the message of that moment: read it before redaction.
    expect(error.stack).toContain(secret);
    expect(root.stack).toContain(secret);
    redactError(error, createRedactor({ secrets: [secret] }));
    expect(error.stack).not.toContain(secret);
    expect(root.stack).not.toContain(secret);
  });

  it('follows the cause chain through a ConnectorError cause, up to five levels', () => {
    const secret = 'tok-chain-555555';
    let cause: Error = new Error(`level 6 ${secret}`);
    for (let level = 5; level >= 1; level -= 1) cause = new Error(`level ${level} ${secret}`, { cause });
    const inner = new NetworkError({ message: `inner ${secret}`, body: { echo: secret }, cause });
    const outer = new ServerError({ message: 'outer', cause: inner });
    redactError(outer, createRedactor({ secrets: [secret] }));
    expect(inner.message).toBe(`inner ${REDACTED}`);
    expect(JSON.stringify(inner.body)).not.toContain(secret);
    const levels: string[] = [];
    for (let c: unknown = inner.cause; c instanceof Error; c = c.cause) levels.push(c.message);
    // Five levels below the outer error are scrubbed (the inner ConnectorError is one of them); deeper ones are left.
    expect(levels.slice(0, 4).every((m) => !m.includes(secret))).toBe(true);
    expect(levels.at(-1)).toContain(secret);
  });

  it('leaves read-only platform messages alone instead of throwing', () => {
    const reason = new DOMException('This operation was aborted', 'AbortError');
    const error = new ServerError({ message: 'x', cause: reason });
    expect(() => redactError(error, createRedactor({ secrets: ['abcdefgh'] }))).not.toThrow();
  });

  it('reads secrets live: a value the provider learns later is redacted', () => {
    const secrets: string[] = [];
    const redactor = createRedactor({ secrets: () => secrets });
    expect(redactor.text('Bearer refreshed-token-1')).toBe('Bearer refreshed-token-1');
    secrets.push('refreshed-token-1');
    expect(redactor.text('Bearer refreshed-token-1')).toBe(`Bearer ${REDACTED}`);
  });
});
