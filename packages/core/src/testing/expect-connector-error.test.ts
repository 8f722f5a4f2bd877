import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors/error-classes.js';
import { expectConnectorError } from './expect-connector-error.js';

describe('expectConnectorError', () => {
  it('returns the ConnectorError a call failed with', async () => {
    const error = await expectConnectorError(Promise.reject(new NotFoundError({ message: 'gone', status: 404 })));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('fails when the call resolved, and rethrows anything that is not a ConnectorError', async () => {
    await expect(expectConnectorError(Promise.resolve({ status: 404 }))).rejects.toThrow(/it resolved/);
    const bug = new TypeError('bug');
    await expect(expectConnectorError(Promise.reject(bug))).rejects.toBe(bug);
  });
});
