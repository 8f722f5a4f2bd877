import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdb } from '../src/duckdb/index.js';
import { describeDestinationSuite } from '../src/testing/index.js';

// The contract, on one file: the suite opens several destinations on it at once (a reader while a sync runs).
const dir = mkdtempSync(join(tmpdir(), 'cf-duckdb-suite-'));
const file = join(dir, 'suite.duckdb');
describeDestinationSuite('duckdb', () => duckdb(file));

// The same contract in a schema of its own.
describeDestinationSuite('duckdb (schema raw)', () => duckdb({ path: join(dir, 'schema.duckdb'), schema: 'raw' }));
