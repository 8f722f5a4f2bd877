import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeCrashResume } from './crash-resume.js';

const dir = mkdtempSync(join(tmpdir(), 'cf-duckdb-crash-'));
describeCrashResume('duckdb', { url: () => `duckdb:${join(dir, 'crash.duckdb')}` });
