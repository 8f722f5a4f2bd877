// Prints the real totals of one or more vitest JSON reports as one line: "N passed, N failed[, N skipped]".
// `node scripts/ci-summary.mjs .vitest-report.json .vitest-report-e2e.json` sums them (pnpm test and pnpm test:e2e).
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) files.push('.vitest-report.json');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    // A run that wrote no report (it crashed, or never started) is a failure, never zero tests.
    console.error(`ci-summary: cannot read ${file}: ${error.message}`);
    failed += 1;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  // A test file that failed with no failed test (it failed to load, or a beforeAll/afterAll hook threw and its tests
  // were skipped): count it as one failure so it cannot hide.
  const brokenFiles = (report.testResults ?? []).filter((r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  failed += (report.numFailedTests ?? 0) + brokenFiles;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
