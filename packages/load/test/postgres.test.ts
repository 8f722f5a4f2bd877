import { afterAll } from 'vitest';
import { postgres } from '../src/postgres/index.js';
import { describeDestinationSuite } from '../src/testing/index.js';
import { dropSchemas, POSTGRES_URL, skipReason, uniqueSchema } from './fixtures/postgres.js';

// The shared destination contract, against the test server (scripts/start-postgres.sh), in a schema of its own.
const schema = uniqueSchema('cf_suite');
describeDestinationSuite('postgres', () => postgres({ connectionString: POSTGRES_URL, schema }), { skip: skipReason });
afterAll(() => dropSchemas(schema));
