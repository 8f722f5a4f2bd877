import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

export default defineConfig(
  packageBuild(
    { index: 'src/index.ts', duckdb: 'src/duckdb/index.ts', postgres: 'src/postgres/index.ts', clickhouse: 'src/clickhouse/index.ts', testing: 'src/testing/index.ts' },
    { external: ['@cf/core', '@duckdb/node-api', 'pg', 'pg-copy-streams', '@clickhouse/client', 'vitest', 'zod'] },
  ),
);
