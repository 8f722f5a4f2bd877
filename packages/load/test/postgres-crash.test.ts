import { afterAll } from 'vitest';
import { describeCrashResume } from './crash-resume.js';
import { dropSchemas, POSTGRES_URL, skipReason, uniqueSchema } from './fixtures/postgres.js';

// The engine end to end (`sync()` in a child process) SIGKILLed at random points, then rerun: every record once.
const schema = uniqueSchema('cf_crash');
describeCrashResume('postgres', {
  url: () => {
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('schema', schema);
    return url.toString();
  },
  skip: skipReason,
});
afterAll(() => dropSchemas(schema));
