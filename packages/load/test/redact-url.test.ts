import { describe, expect, it } from 'vitest';
import { clickhouse } from '../src/clickhouse/clickhouse-destination.js';
import { destinationFromUrl, redactUrl } from '../src/index.js';

const SECRET = 'hunter22';

describe('redactUrl: the one redaction of destination URLs in messages', () => {
  it('hides the password of every URL in the text, keeping the user, host and path', () => {
    expect(redactUrl(`postgres://loader:${SECRET}@db:5432/w`)).toBe('postgres://loader:***@db:5432/w');
    expect(redactUrl(`connect to clickhouse://a:${SECRET}@h:8123/x failed, then https://b:${SECRET}x@h2/y`)).toBe('connect to clickhouse://a:***@h:8123/x failed, then https://b:***@h2/y');
  });

  it('hides password, token, secret and api key values in query strings and connection strings', () => {
    expect(redactUrl(`clickhouse://u@h:8123/db?password=${SECRET}&x=1`)).toBe('clickhouse://u@h:8123/db?password=***&x=1');
    expect(redactUrl(`md:crm?motherduck_token=${SECRET}`)).toBe('md:crm?motherduck_token=***');
    expect(redactUrl(`host=h password='${SECRET} x' api_key=${SECRET} pwd="${SECRET}"`)).toBe('host=h password=*** api_key=*** pwd=***');
  });

  it('leaves text without secrets as it was', () => {
    expect(redactUrl('duckdb:./cf.duckdb and postgres://u@h:5432/db?sslmode=require')).toBe('duckdb:./cf.duckdb and postgres://u@h:5432/db?sslmode=require');
  });

  it('keeps its name: @cf/load exports one redactUrl, not one of several', () => {
    expect(redactUrl.name).toBe('redactUrl');
  });
});

describe('messages about a refused destination URL carry no password', () => {
  it('clickhouse(): a URL with a query string or fragment is refused without repeating a password in it', () => {
    for (const url of [`clickhouse://u@h:8123/db?password=${SECRET}`, `clickhouse://u:${SECRET}@h:8123/db?x=1`, `clickhouse://u:${SECRET}@h:8123/db#f`, `ftp://u:${SECRET}@h/db`]) {
      let message = '';
      try {
        clickhouse(url);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, url).toMatch(/^clickhouse\(\)/);
      expect(message, url).not.toContain(SECRET);
    }
  });

  it('destinationFromUrl(): an unknown scheme is refused without its password', async () => {
    await expect(destinationFromUrl(`mysql://u:${SECRET}@h/db`)).rejects.toThrow(/mysql:\/\/u:\*\*\*@h\/db/);
    await expect(destinationFromUrl(`mysql://u@h/db?password=${SECRET}`)).rejects.not.toThrow(new RegExp(SECRET));
  });
});
