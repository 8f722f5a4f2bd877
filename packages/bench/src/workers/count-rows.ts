/**
 * Rows in a table after a sync, with one `count(*)` through the database's own driver (reading the rows back with
 * `destination.readRows` would hold a million of them in memory).
 */
export async function countDuckDBRows(file: string, table: string): Promise<number> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT count(*) AS n FROM "${table}"`);
    return Number(reader.getRowObjectsJS()[0]?.n);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** `url` carries the schema as `?schema=`, as `cf sync --to` takes it. */
export async function countPostgresRows(url: string, table: string): Promise<number> {
  const { default: pg } = await import('pg');
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."${table}"`);
    return Number(result.rows[0]?.n);
  } finally {
    await client.end();
  }
}
