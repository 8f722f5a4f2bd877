import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from './redact.js';

describe('redaction', () => {
  const r = createRedactor({ params: ['sig'], headers: ['x-secret'], secrets: ['s3cr3t-value', 'abc'] });

  it('redacts secret query parameters (case-insensitive, encoded names) and keeps the rest', () => {
    expect(r.url('https://api.example/data?q=London&appid=s3cr3t-value&Sig=xyz#frag')).toBe(`https://api.example/data?q=London&appid=${REDACTED}&Sig=${REDACTED}#frag`);
    expect(r.url('/path?access%5Ftoken=t&flag')).toBe(`/path?access%5Ftoken=${REDACTED}&flag`);
    expect(r.url('/path?bad=%E0%A4%A')).toBe('/path?bad=%E0%A4%A');
    expect(r.url('/no-query/s3cr3t-value')).toBe(`/no-query/${REDACTED}`);
  });

  it('redacts secret headers and secret values in any text, raw or URL-encoded', () => {
    expect(r.headers({ authorization: 'Bearer x', 'X-Secret': 'y', accept: 'json s3cr3t-value' })).toEqual({ authorization: REDACTED, 'X-Secret': REDACTED, accept: `json ${REDACTED}` });
    r.addSecret('p@ss word!!');
    expect(r.text('echo p%40ss%20word!! and p@ss word!!')).toBe(`echo ${REDACTED} and ${REDACTED}`);
  });

  it('ignores values too short to be secrets, and redacts deeply in bodies', () => {
    expect(r.text('abc is short')).toBe('abc is short');
    expect(r.value({ message: 'key s3cr3t-value', nested: [{ access_token: 'zzz' }], n: 1, ok: null })).toEqual({
      message: `key ${REDACTED}`,
      nested: [{ access_token: REDACTED }],
      n: 1,
      ok: null,
    });
  });
});
