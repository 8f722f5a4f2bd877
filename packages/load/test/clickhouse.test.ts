import { afterAll } from 'vitest';
import { clickhouse } from '../src/clickhouse/index.js';
import { describeDestinationSuite } from '../src/testing/index.js';
import { CLICKHOUSE_URL, clickhouseUp, dropDatabase, skipReason, uniqueDatabase } from './fixtures/clickhouse.js';

// The shared contract, against a real server (scripts/start-clickhouse.sh), in a database of its own.
const database = uniqueDatabase('cf_suite');
describeDestinationSuite('clickhouse', () => clickhouse({ url: CLICKHOUSE_URL, database }), { skip: skipReason });

afterAll(async () => {
  if (clickhouseUp) await dropDatabase(database);
});
