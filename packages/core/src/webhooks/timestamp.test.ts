import { describe, expect, it } from 'vitest';
import { checkTimestamp } from './timestamp.js';

const base = { now: 1_000_000_000, toleranceMs: 300_000, header: 'X-Test-Timestamp', source: 'test-api' };

describe('checkTimestamp', () => {
  it('accepts a timestamp within the tolerance on either side, the bounds included', () => {
    for (const skew of [0, 299_999, 300_000, -300_000]) expect(() => checkTimestamp({ ...base, timestampMs: base.now - skew })).not.toThrow();
  });

  it('rejects a stale timestamp (older than the tolerance): a replay', () => {
    expect(() => checkTimestamp({ ...base, timestampMs: base.now - 300_001 })).toThrow(
      expect.objectContaining({ code: 'WEBHOOK_TIMESTAMP_INVALID', status: 401, details: expect.objectContaining({ reason: 'stale', skewMs: 300_001 }) }),
    );
  });

  it('rejects a timestamp further in the future than the tolerance: a clock far off', () => {
    expect(() => checkTimestamp({ ...base, timestampMs: base.now + 300_001 })).toThrow(
      expect.objectContaining({ code: 'WEBHOOK_TIMESTAMP_INVALID', details: expect.objectContaining({ reason: 'future' }), message: expect.stringMatching(/future/) }),
    );
  });

  it('rejects a missing or non-numeric timestamp', () => {
    expect(() => checkTimestamp({ ...base, timestampMs: undefined })).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'missing' }) }));
    expect(() => checkTimestamp({ ...base, timestampMs: Number.NaN })).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'malformed' }) }));
  });
});
