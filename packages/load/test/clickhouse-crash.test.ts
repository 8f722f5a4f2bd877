import { afterAll } from 'vitest';
import { describeCrashResume } from './crash-resume.js';
import { CLICKHOUSE_URL, clickhouseUp, dropDatabase, skipReason, uniqueDatabase } from './fixtures/clickhouse.js';

// The engine end to end (`sync()` in a child process) SIGKILLed at random points, then rerun: every record once, as
// read with FINAL.
const database = uniqueDatabase('cf_crash');
describeCrashResume('clickhouse', {
  url: () => {
    // destinationFromUrl takes clickhouse:// (HTTP) and clickhouses:// (HTTPS), with the port written out.
    const url = new URL(CLICKHOUSE_URL);
    const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
    const auth = url.username === '' ? '' : `${url.username}${url.password === '' ? '' : `:${url.password}`}@`;
    return `${url.protocol === 'https:' ? 'clickhouses' : 'clickhouse'}://${auth}${url.hostname}:${port}/${database}`;
  },
  skip: skipReason,
});
afterAll(async () => {
  if (clickhouseUp) await dropDatabase(database);
});
