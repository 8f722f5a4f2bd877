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
