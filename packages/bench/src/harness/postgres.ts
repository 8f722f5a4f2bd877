import pg from 'pg';

/** The server `packages/load/scripts/start-postgres.sh` starts, unless `CF_TEST_POSTGRES_URL` names another. */
export const DEFAULT_POSTGRES_URL = 'postgres://cf:cf@127.0.0.1:54329/cf';

export function postgresUrl(): string {
  return process.env.CF_TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
}

/** The URL without its password, for the report. */
export function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

/** `url` with `?schema=` set: where `cf sync --to` puts the tables. */
export function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const parsed = new URL(url);
  parsed.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: parsed.toString(), connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server's version and durability settings (the test server runs without fsync), or why it cannot be used. */
export async function probePostgres(url: string): Promise<{ server: string } | { unavailable: string }> {
  try {
    const settings = await withClient(url, async (client) => {
      const result = await client.query<{ name: string; setting: string }>(
        "SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit')",
      );
      return Object.fromEntries(result.rows.map((r) => [r.name, r.setting]));
    });
    return { server: `PostgreSQL ${settings.server_version?.split(' ')[0] ?? '?'} (fsync ${settings.fsync ?? '?'}, synchronous_commit ${settings.synchronous_commit ?? '?'})` };
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    return { unavailable: `no Postgres answered at ${redactedUrl(url)} (${reason}); start one with packages/load/scripts/start-postgres.sh or set CF_TEST_POSTGRES_URL` };
  }
}

/** Drops a schema the bench created, with its tables. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  await withClient(url, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}
